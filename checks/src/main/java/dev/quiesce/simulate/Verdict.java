package dev.quiesce.simulate;

/** Whether a script did what its scenario needs, and why, in words that name the consequence. */
public record Verdict(boolean passed, String why) {}
