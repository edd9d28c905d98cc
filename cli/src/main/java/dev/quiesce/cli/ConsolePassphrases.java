package dev.quiesce.cli;

import dev.quiesce.host.PassphraseSource;
import java.io.Console;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Asks for a key's passphrase on the terminal, once per key for the whole fleet; never without a terminal. */
final class ConsolePassphrases implements PassphraseSource {
    private final Console console;
    private final Map<String, char[]> answered = new ConcurrentHashMap<>();

    private ConsolePassphrases(Console console) {
        this.console = console;
    }

    static PassphraseSource ifTerminal() {
        Console console = System.console();
        return console == null || !picocli.CommandLine.Help.Ansi.AUTO.enabled() ? PassphraseSource.NONE
                : new ConsolePassphrases(console);
    }

    @Override
    public synchronized Optional<char[]> passphrase(String prompt) {
        char[] known = answered.get(prompt);
        if (known != null) {
            return Optional.of(known);
        }
        char[] typed = console.readPassword("%s: ", prompt);
        if (typed == null || typed.length == 0) {
            return Optional.empty();
        }
        answered.put(prompt, typed);
        return Optional.of(typed);
    }

    @Override
    public void rejected(String prompt) {
        char[] wrong = answered.remove(prompt);
        if (wrong != null) {
            java.util.Arrays.fill(wrong, '\0');
        }
    }
}
