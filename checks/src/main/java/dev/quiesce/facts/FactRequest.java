package dev.quiesce.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fact a check needs from a host, typed by what reading its answer gives ({@code T}). Requests are
 * values: the engine merges the requests of every rule for a host, the probe answers each distinct one
 * once, and a check reads its fact with {@code facts.get(request)} on the very request it asked for.
 */
public sealed interface FactRequest<T> permits FactRequest.FileStat, FactRequest.FileContent,
        FactRequest.DirectoryListing, FactRequest.CommandOutput, FactRequest.FileLines {
    /** Default byte cap for file contents and matched log lines. */
    int DEFAULT_MAX_BYTES = 64 * 1024;
    /** The largest byte cap a request may ask: a host's whole answer is refused beyond 64 MiB anyway. */
    int MAX_BYTES = 32 * 1024 * 1024;

    /** A short name of the kind of fact, as evidence and captures show it. */
    String kind();

    /** What the probe does to answer, in words a person reading the evidence understands. */
    String describe();

    /** What the fact is about, for messages: a path, a file pattern or a command line. */
    String subject();

    /**
     * The request as the probe asks it. Two requests with the same probed form share one answer; they
     * differ only in how the answer is read (which exit statuses of a command mean something).
     */
    default FactRequest<T> probed() {
        return this;
    }

    /** Reads this request's answer; never throws for anything a host can send. */
    Fact<T> read(Answer answer, AnswerContext context);

    /** The status of one path, not following a final symbolic link ({@code lstat}). */
    record FileStat(String path) implements FactRequest<FileInfo> {
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

        @Override
        public String subject() {
            return path;
        }

        @Override
        public Fact<FileInfo> read(Answer answer, AnswerContext context) {
            if (!answer.ok()) {
                return Failures.of(this, answer, context);
            }
            return StatParser.parse(path, HostText.decode(answer.body()))
                    .<Fact<FileInfo>>map(f -> new Fact.Present<>(f, context.evidence(this, f.summary())))
                    .orElseGet(() -> Failures.unexpected(this, answer, context));
        }
    }

    /** The first {@code maxBytes} bytes of a regular file. */
    record FileContent(String path, int maxBytes) implements FactRequest<Content> {
        public FileContent {
            requireAbsolute(path);
            requireCap(maxBytes);
        }

        @Override
        public String kind() {
            return "content";
        }

        @Override
        public String describe() {
            return "read " + path + " (first " + maxBytes + " bytes)";
        }

        @Override
        public String subject() {
            return path;
        }

        @Override
        public Fact<Content> read(Answer answer, AnswerContext context) {
            if (!answer.ok()) {
                return Failures.of(this, answer, context);
            }
            Content content = Content.capped(answer.body(), maxBytes);
            return new Fact.Present<>(content, context.evidence(this, content.text()));
        }
    }

    /**
     * The status of every entry of a directory, dot-files included, at most {@code maxEntries} of them
     * (the rest are counted, so a cut listing says so).
     */
    record DirectoryListing(String path, int maxEntries) implements FactRequest<Listing> {
        /** Entries listed per directory unless a request asks for another cap. */
        public static final int DEFAULT_MAX_ENTRIES = 10_000;

        public DirectoryListing {
            requireAbsolute(path);
            requirePositive(maxEntries);
        }

        public DirectoryListing(String path) {
            this(path, DEFAULT_MAX_ENTRIES);
        }

        @Override
        public String kind() {
            return "listing";
        }

        @Override
        public String describe() {
            return "list " + path + (maxEntries == DEFAULT_MAX_ENTRIES ? "" : " (at most " + maxEntries + " entries)");
        }

        @Override
        public String subject() {
            return path;
        }

        @Override
        public Fact<Listing> read(Answer answer, AnswerContext context) {
            return ListingParser.read(this, answer, context);
        }
    }

    /**
     * The standard output, standard error and exit status of one allowed command, run once. Exit 0 is
     * a result; any other status is a failure the check sees as unknown unless it names that status in
     * {@code meaningfulStatuses} (as {@code systemctl is-active} means "inactive" by 3).
     */
    record CommandOutput(AllowedCommand command, List<String> arguments, Set<Integer> meaningfulStatuses)
            implements FactRequest<CommandResult> {
        public CommandOutput {
            Objects.requireNonNull(command, "command");
            arguments = List.copyOf(arguments);
            command.checkArguments(arguments);
            TreeSet<Integer> statuses = new TreeSet<>(meaningfulStatuses);
            statuses.add(0);
            meaningfulStatuses = java.util.Collections.unmodifiableSet(statuses);
        }

        public CommandOutput(AllowedCommand command, List<String> arguments) {
            this(command, arguments, Set.of(0));
        }

        public CommandOutput(AllowedCommand command) {
            this(command, List.of());
        }

        /** The same command, with these exit statuses read as results too. */
        public CommandOutput meaning(Integer... statuses) {
            Set<Integer> all = new TreeSet<>(meaningfulStatuses);
            all.addAll(List.of(statuses));
            return new CommandOutput(command, arguments, all);
        }

        public List<String> argv() {
            List<String> argv = new ArrayList<>(command.argv());
            argv.addAll(arguments);
            return argv;
        }

        @Override
        public FactRequest<CommandResult> probed() {
            return meaningfulStatuses.size() == 1 ? this : new CommandOutput(command, arguments);
        }

        @Override
        public String kind() {
            return "command";
        }

        @Override
        public String describe() {
            return "run " + String.join(" ", argv());
        }

        @Override
        public String subject() {
            return String.join(" ", argv());
        }

        @Override
        public Fact<CommandResult> read(Answer answer, AnswerContext context) {
            return CommandReader.read(this, answer, context);
        }
    }

    /**
     * The lines containing any of {@code fixedStrings} in the regular files whose paths match
     * {@code pattern} (an absolute path whose names may hold the shell's {@code *}, {@code ?} and
     * {@code [...]}): filtered on the host with {@code grep -a -F}, at most {@code maxBytes} of them.
     *
     * <p>Two settings leave files unread, and the answer names them ({@link Lines#skipped()}):
     * {@code modifiedWithinSeconds} (0: no filter) leaves out a file whose mtime is older than the
     * host's clock at scan time minus that many seconds, since it cannot hold a line of the window;
     * {@code decompress} reads a file named {@code *.gz} through {@code gzip -dc} (or {@code zcat}),
     * and leaves it out when the host has neither. Without {@code decompress} a {@code .gz} is read as
     * it is.
     */
    record FileLines(String pattern, List<String> fixedStrings, int maxBytes, long modifiedWithinSeconds,
                     boolean decompress) implements FactRequest<Lines> {
        /** The longest window a scan may ask: a hundred years, far inside what the shell's arithmetic holds. */
        public static final long MAX_WINDOW_SECONDS = 100L * 366 * 24 * 3600;

        public FileLines {
            requireAbsolute(pattern);
            if (pattern.endsWith("/")) {
                throw new IllegalArgumentException("a file pattern names files: no final '/'");
            }
            fixedStrings = List.copyOf(fixedStrings);
            if (fixedStrings.isEmpty() || fixedStrings.stream().anyMatch(s -> s.isEmpty() || s.contains("\n"))) {
                throw new IllegalArgumentException("give at least one non-empty, single-line string to match");
            }
            requireCap(maxBytes);
            if (modifiedWithinSeconds < 0 || modifiedWithinSeconds > MAX_WINDOW_SECONDS) {
                throw new IllegalArgumentException("a window is from 0 (none) to " + MAX_WINDOW_SECONDS
                        + " seconds, not " + modifiedWithinSeconds);
            }
        }

        /** Every matching file, read as it is. */
        public FileLines(String pattern, List<String> fixedStrings, int maxBytes) {
            this(pattern, fixedStrings, maxBytes, 0, false);
        }

        /** The files of {@code directory} whose names match {@code namePattern}. */
        public static FileLines in(String directory, String namePattern, List<String> fixedStrings, int maxBytes) {
            if (namePattern.isEmpty() || namePattern.contains("/")) {
                throw new IllegalArgumentException("a file name pattern must be non-empty and hold no '/'");
            }
            return new FileLines(directory.replaceAll("/+$", "") + "/" + namePattern, fixedStrings, maxBytes);
        }

        /**
         * The same scan, reading only files modified within {@code window} of the host's clock; a window
         * of zero reads every file. Whole seconds count: a part of a second is dropped.
         */
        public FileLines modifiedWithin(java.time.Duration window) {
            if (window.isNegative()) {
                throw new IllegalArgumentException("a window cannot be negative: " + window);
            }
            return new FileLines(pattern, fixedStrings, maxBytes, window.getSeconds(), decompress);
        }

        /** The same scan, reading {@code *.gz} files through the host's {@code gzip -dc} or {@code zcat}. */
        public FileLines decompressing() {
            return new FileLines(pattern, fixedStrings, maxBytes, modifiedWithinSeconds, true);
        }

        /** The deepest directory of the pattern that holds no pattern character: where the files are sought. */
        public String baseDirectory() {
            String[] names = pattern.substring(1).split("/");
            StringBuilder base = new StringBuilder();
            for (int i = 0; i < names.length - 1 && !names[i].matches(".*[*?\\[].*"); i++) {
                base.append('/').append(names[i]);
            }
            return base.isEmpty() ? "/" : base.toString();
        }

        @Override
        public String kind() {
            return "lines";
        }

        @Override
        public String describe() {
            return "grep -a -F " + String.join(" ", fixedStrings.stream().map(ShellQuote::quote).toList()) + " in "
                    + pattern + (modifiedWithinSeconds == 0 ? "" : ", only files modified in the last "
                    + span(modifiedWithinSeconds) + " by the host's clock")
                    + (decompress ? ", *.gz read through gzip -dc or zcat" : "");
        }

        /** {@code 8 days}, {@code 26 hours}, {@code 90 seconds}: the largest unit that divides it. */
        private static String span(long seconds) {
            if (seconds % 86_400 == 0) {
                return seconds / 86_400 + (seconds == 86_400 ? " day" : " days");
            }
            if (seconds % 3_600 == 0) {
                return seconds / 3_600 + (seconds == 3_600 ? " hour" : " hours");
            }
            return seconds + (seconds == 1 ? " second" : " seconds");
        }

        @Override
        public String subject() {
            return pattern;
        }

        @Override
        public Fact<Lines> read(Answer answer, AnswerContext context) {
            return LinesParser.read(this, answer, context);
        }
    }

    private static void requireAbsolute(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.contains("\0")) {
            throw new IllegalArgumentException("not an absolute path: " + path);
        }
    }

    private static void requireCap(int maxBytes) {
        if (maxBytes <= 0 || maxBytes > MAX_BYTES) {
            throw new IllegalArgumentException("a byte cap is from 1 to " + MAX_BYTES + ", not " + maxBytes);
        }
    }

    private static void requirePositive(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("a cap must be positive");
        }
    }
}
