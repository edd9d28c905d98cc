package dev.quiesce.facts.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The log files a real run of a freeze script writes, read from its abstract run, so a later check can scan
 * them on the host: the {@code LogFile} (first argument) of each {@code ExternalFreeze}/{@code ExternalThaw}
 * call, where the database reports what the freeze did, and the files the script itself writes with
 * redirections or {@code tee}. Gathered over every explored path, each use once (a file written on many lines
 * by its first line), in the order of the script's lines.
 * A call whose log file cannot be told is listed in {@code unknown} with why: a check must not take the
 * files it has for all there are.
 */
public record ScriptLogFiles(List<LogFileUse> files, List<UnknownLogFile> unknown) {
    /** Where a log file comes from. */
    public enum Origin {
        /** The LogFile argument of ExternalFreeze. */
        FREEZE_LOGFILE,
        /** The LogFile argument of ExternalThaw. */
        THAW_LOGFILE,
        /** A redirection or {@code tee} of the script. */
        WRITTEN
    }

    /**
     * One log file: its absolute path, where it comes from, the line, and the instance of the session call (empty
     * for {@code WRITTEN}, or when the call does not fix it). {@code append}: for {@code WRITTEN}, whether the
     * script appends ({@code >>}, {@code tee -a}) rather than truncates; for a LogFile always false, since the
     * script does not open it, the database does.
     */
    public record LogFileUse(String path, Origin origin, int line, Optional<String> instance, boolean append) {}

    /** An ExternalFreeze/ExternalThaw call whose LogFile could not be told: its line, kind and why. */
    public record UnknownLogFile(int line, CallKind kind, String why) {}

    /** An ObjectScript string literal, {@code ""} standing for one quote. */
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"]|\"\")*\"");

    public ScriptLogFiles {
        files = List.copyOf(files);
        unknown = List.copyOf(unknown);
    }

    public static ScriptLogFiles of(ScriptRun.Result result) {
        Map<String, LogFileUse> files = new LinkedHashMap<>();
        Map<String, UnknownLogFile> unknown = new LinkedHashMap<>();
        for (ScriptRun.Path path : result.paths()) {
            for (SessionCall c : path.calls()) {
                if (c.kind() != CallKind.FREEZE && c.kind() != CallKind.THAW) {
                    continue;
                }
                Origin origin = c.kind() == CallKind.FREEZE ? Origin.FREEZE_LOGFILE : Origin.THAW_LOGFILE;
                Argument a = logFile(c);
                if (a.path() != null) {
                    add(files, new LogFileUse(a.path(), origin, c.line(), c.instance(), false));
                } else if (a.why() != null) {
                    unknown.putIfAbsent(c.line() + "\0" + a.why(), new UnknownLogFile(c.line(), c.kind(), a.why()));
                }
            }
            for (WrittenFile w : path.written()) {
                add(files, new LogFileUse(w.path(), Origin.WRITTEN, w.line(), Optional.empty(), w.append()));
            }
        }
        List<LogFileUse> ordered = new ArrayList<>(files.values());
        ordered.sort(java.util.Comparator.comparingInt(LogFileUse::line)); // stable: a loop's instances stay in order
        return new ScriptLogFiles(ordered, new ArrayList<>(unknown.values()));
    }

    /** The distinct paths, in order: what a check scans. */
    public List<String> paths() {
        return files.stream().map(LogFileUse::path).distinct().toList();
    }

    /** A file written on many lines is one use: its first line in the script stands for it. */
    private static void add(Map<String, LogFileUse> files, LogFileUse use) {
        files.merge(use.path() + "\0" + use.origin() + "\0" + use.instance().orElse("") + "\0" + use.append(), use,
                (old, next) -> next.line() < old.line() ? next : old);
    }

    /** A call's LogFile: a path, a reason it cannot be told, or neither (none given: the messages log). */
    private record Argument(String path, String why) {}

    private static Argument logFile(SessionCall c) {
        if (c.wrapper()) {
            return new Argument(null, Shebang.baseName(c.written().split(" ", 2)[0])
                    + " is Epic's wrapper: the log file it passes is not in the script");
        }
        if (!c.objectScript().contains("Backup.General).")) {
            return new Argument(null, "the ObjectScript text of the call is not known");
        }
        List<String> arguments = c.arguments();
        String first = arguments.isEmpty() ? "" : arguments.get(0).strip();
        if (first.isEmpty()) {
            return new Argument(null, null);
        }
        if (first.contains("?")) {
            return new Argument(null, "the LogFile argument " + first + " holds a shell value that is not known");
        }
        if (!STRING.matcher(first).matches()) {
            return new Argument(null, "the LogFile argument " + first + " is not a string literal");
        }
        String path = first.substring(1, first.length() - 1).replace("\"\"", "\"");
        if (!path.startsWith("/")) {
            return new Argument(null, "the LogFile " + path + " is not an absolute path");
        }
        return new Argument(path, null);
    }
}
