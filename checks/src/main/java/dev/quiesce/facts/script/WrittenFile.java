package dev.quiesce.facts.script;

/**
 * A file a run's command writes to: the target of a {@code >}/{@code >>} redirection (of any descriptor) or a
 * file operand of {@code tee}, with its line and whether it is appended to ({@code >>}, {@code tee -a}) or
 * truncated. Only absolute paths whose whole value the run knows are kept, so a later check can scan the file
 * on the host; {@code /dev/*} targets are no files.
 */
public record WrittenFile(String path, int line, boolean append) {
    /** The file a value names, when it is known, absolute and not a device; else null. */
    static WrittenFile of(Value target, int line, boolean append) {
        if (target == null || !target.known() || !target.text().startsWith("/") || target.text().startsWith("/dev/")
                || target.text().contains("\n")) {
            return null;
        }
        return new WrittenFile(target.text(), line, append);
    }
}
