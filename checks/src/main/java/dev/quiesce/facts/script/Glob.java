package dev.quiesce.facts.script;

import java.util.regex.Pattern;

/** A shell pattern ({@code *}, {@code ?}, {@code [...]}, quoted parts literal) as a regular expression. */
final class Glob {
    private Glob() {}

    /** The pattern of a word's parts whose values are all known. */
    static Pattern of(java.util.List<Word.Part> parts, java.util.function.Function<Word.Part, Value> values) {
        StringBuilder regex = new StringBuilder();
        for (Word.Part part : parts) {
            Value v = values.apply(part);
            if (!v.known()) {
                return null;
            }
            if (part.quoted() || !(part instanceof Word.Literal)) {
                regex.append(Pattern.quote(v.text()));
            } else {
                regex.append(translate(v.text()));
            }
        }
        try {
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        } catch (java.util.regex.PatternSyntaxException odd) {
            return null; // a bracket set Java reads otherwise than the shell: undecided, not guessed
        }
    }

    private static String translate(String glob) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> out.append(".*");
                case '?' -> out.append('.');
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        out.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, end);
                        if (set.startsWith("!")) {
                            set = "^" + set.substring(1);
                        }
                        out.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                        i = end;
                    }
                }
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        out.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }
}
