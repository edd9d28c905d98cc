package dev.quiesce.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fact a check needs from a host. Requests are values: the engine merges the requests of every rule
 * for a host and the probe answers each distinct one once.
 */
public sealed interface FactRequest {
    /** Default byte cap for file contents and matched log lines. */
    int DEFAULT_MAX_BYTES = 64 * 1024;

    /** A short name of the kind of fact, as evidence and captures show it. */
    String kind();

    /** What the probe does to answer, in words a person reading the evidence understands. */
    String describe();

    /** The status of one path, not following a final symbolic link ({@code lstat}). */
    record FileStat(String path) implements FactRequest {
        public FileStat {
            requireAbsolute(path);
        }

        @Override
        public String kind() {
            return "stat";
        }

        @Override
        public String describe() {
            return "stat " + path;
        }
    }

    /** The first {@code maxBytes} bytes of a file. */
    record FileContent(String path, int maxBytes) implements FactRequest {
        public FileContent {
            requireAbsolute(path);
            requirePositive(maxBytes);
        }

        @Override
        public String kind() {
            return "content";
        }

        @Override
        public String describe() {
            return "read " + path + " (first " + maxBytes + " bytes)";
        }
    }

    /** The status of every entry of a directory, dot-files included. */
    record DirectoryListing(String path) implements FactRequest {
        public DirectoryListing {
            requireAbsolute(path);
        }

        @Override
        public String kind() {
            return "listing";
        }

        @Override
        public String describe() {
            return "list " + path;
        }
    }

    /** The output (stdout and stderr) and exit status of one allowed command. */
    record CommandOutput(AllowedCommand command, List<String> arguments) implements FactRequest {
        public CommandOutput {
            Objects.requireNonNull(command, "command");
            arguments = List.copyOf(arguments);
            command.checkArguments(arguments);
        }

        public List<String> argv() {
            List<String> argv = new ArrayList<>(command.argv());
            argv.addAll(arguments);
            return argv;
        }

        @Override
        public String kind() {
            return "command";
        }

        @Override
        public String describe() {
            return "run " + String.join(" ", argv());
        }
    }

    /**
     * The lines containing any of {@code fixedStrings} in the regular files of {@code directory} whose
     * names match the shell pattern {@code namePattern}: filtered on the host, at most {@code maxBytes}.
     */
    record FileLines(String directory, String namePattern, List<String> fixedStrings, int maxBytes)
            implements FactRequest {
        public FileLines {
            requireAbsolute(directory);
            Objects.requireNonNull(namePattern, "namePattern");
            if (namePattern.isEmpty() || namePattern.contains("/")) {
                throw new IllegalArgumentException("a file name pattern must be non-empty and hold no '/'");
            }
            fixedStrings = List.copyOf(fixedStrings);
            if (fixedStrings.isEmpty() || fixedStrings.stream().anyMatch(s -> s.isEmpty() || s.contains("\n"))) {
                throw new IllegalArgumentException("give at least one non-empty, single-line string to match");
            }
            requirePositive(maxBytes);
        }

        @Override
        public String kind() {
            return "lines";
        }

        @Override
        public String describe() {
            return "grep -F " + String.join(" ", fixedStrings.stream().map(ShellQuote::quote).toList()) + " in "
                    + directory + "/" + namePattern;
        }
    }

    private static void requireAbsolute(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not an absolute path: " + path);
        }
    }

    private static void requirePositive(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("a byte cap must be positive");
        }
    }
}
