package dev.quiesce.facts.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The test scripts under src/test/resources/scripts: the article's pair, the traps, and their fixed copies. */
final class Scripts {
    static final Path ROOT = Path.of("src", "test", "resources", "scripts");

    private Scripts() {}

    static ShellScript parse(String relative) {
        return ShellScript.parse(text(relative));
    }

    static String text(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ScriptRun.Result run(String relative, String argument, int freeze, int thaw, List<String> instances) {
        return ScriptRun.run(parse(relative), ScriptRun.Scenario.of(argument, freeze, thaw, instances));
    }

    /** Every path's exit code (null where undecided), for messages and assertions. */
    static List<Integer> exits(ScriptRun.Result result) {
        return result.paths().stream().map(ScriptRun.Path::exitCode).toList();
    }
}
