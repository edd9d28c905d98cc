package dev.quiesce.facts.script;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of the first {@code Backup.General} method call in an ObjectScript text, split the way
 * ObjectScript reads them: commas inside string literals ({@code "..."}, with {@code ""} for a quote) and
 * inside nested parentheses do not split. {@code ExternalFreeze("/tmp/l",,,,,,1800)} gives seven
 * arguments, the 7th {@code 1800}; an empty argument is an empty string.
 */
public final class ObjectScriptArguments {
    private ObjectScriptArguments() {}

    public static List<String> of(String text) {
        List<String> arguments = new ArrayList<>();
        if (text == null) {
            return arguments;
        }
        int method = text.indexOf("Backup.General).");
        if (method < 0) {
            return arguments;
        }
        int open = text.indexOf('(', method + "Backup.General).".length());
        if (open < 0) {
            return arguments;
        }
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                current.append(c);
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        current.append('"');
                        i++;
                    } else {
                        inString = false;
                    }
                }
            } else if (c == '"') {
                inString = true;
                current.append(c);
            } else if (c == '(') {
                depth++;
                current.append(c);
            } else if (c == ')') {
                if (depth == 0) {
                    arguments.add(current.toString().strip());
                    return arguments;
                }
                depth--;
                current.append(c);
            } else if (c == ',' && depth == 0) {
                arguments.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        arguments.add(current.toString().strip()); // no closing parenthesis: what there was
        return arguments;
    }
}
