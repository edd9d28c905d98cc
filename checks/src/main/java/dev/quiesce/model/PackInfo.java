package dev.quiesce.model;

/** The identity of a rule pack as a report records it. */
public record PackInfo(String id, String version, String sha256) {}
