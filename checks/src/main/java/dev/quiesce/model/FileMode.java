package dev.quiesce.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** Unix permission bits (including setuid, setgid and sticky), written as four octal digits. */
public record FileMode(int bits) {
    private static final Pattern OCTAL = Pattern.compile("0?[0-7]{3}|[0-7]{4}");

    public FileMode {
        if (bits < 0 || bits > 07777) {
            throw new IllegalArgumentException("not a permission mode: " + Integer.toOctalString(bits));
        }
    }

    /** Parses "700", "0700" or "4755"; empty for anything else. */
    public static Optional<FileMode> parse(String text) {
        if (text == null || !OCTAL.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new FileMode(Integer.parseInt(text, 8)));
    }

    /** True when this mode grants nothing that {@code limit} does not. */
    public boolean noMoreThan(FileMode limit) {
        return (bits & ~limit.bits) == 0;
    }

    public boolean groupOrOtherWritable() {
        return (bits & 0022) != 0;
    }

    public boolean ownerExecutable() {
        return (bits & 0100) != 0;
    }

    @Override
    public String toString() {
        return String.format("%04o", bits);
    }
}
