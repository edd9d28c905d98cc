package dev.quiesce.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command line as the evidence bundle records it, with secrets removed: the value of any option
 * whose name speaks of a password, passphrase, secret or token, and the password part of a
 * {@code user:password@host} address.
 */
final class CommandLineText {
    private static final Pattern SECRET_OPTION = Pattern.compile("--?[A-Za-z-]*(pass|secret|token)[A-Za-z-]*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/@:\\s]*:)[^/@\\s]*@");

    private CommandLineText() {}

    static String redacted(List<String> args) {
        List<String> out = new ArrayList<>();
        out.add("quiesce");
        boolean hideNext = false;
        for (String arg : args) {
            if (hideNext) {
                out.add("***");
                hideNext = false;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (SECRET_OPTION.matcher(name).matches()) {
                if (eq > 0) {
                    out.add(name + "=***");
                } else {
                    out.add(arg);
                    hideNext = true;
                }
                continue;
            }
            out.add(URL_PASSWORD.matcher(arg).replaceAll("$1***@"));
        }
        return String.join(" ", out.stream().map(CommandLineText::quoted).toList());
    }

    private static String quoted(String arg) {
        return arg.matches("[A-Za-z0-9@%+=:,./_*-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
