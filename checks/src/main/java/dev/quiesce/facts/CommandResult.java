package dev.quiesce.facts;

/** What an allowed command printed on standard output and standard error, and its exit status. */
public record CommandResult(int exitStatus, String stdout, String stderr) {}
