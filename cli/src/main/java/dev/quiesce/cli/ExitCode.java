package dev.quiesce.cli;

/**
 * The command line's exit codes; scripts and schedulers rely on them. 5 is taken: the launcher script
 * {@code ./quiesce} exits 5 when it cannot start quiesce.
 */
enum ExitCode {
    /** Nothing failed or stayed undecided at or above --fail-on. */
    OK(0),
    /** A rule at or above --fail-on failed or could not be decided. */
    FAILED(1),
    /** A usage or configuration error: nothing was audited. */
    USAGE(2),
    /** At least one host could not be audited. */
    HOST_NOT_AUDITED(3),
    /** quiesce itself broke (an exception nothing expected): a bug to report, not a verdict. */
    INTERNAL_ERROR(4);

    final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
