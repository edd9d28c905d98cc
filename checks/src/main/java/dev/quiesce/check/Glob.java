package dev.quiesce.check;

import java.util.regex.Pattern;

/** Shell-style name patterns ({@code *} and {@code ?}) for matching file names. */
final class Glob {
    private Glob() {}

    static boolean matches(String pattern, String name) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(name).matches();
    }
}
