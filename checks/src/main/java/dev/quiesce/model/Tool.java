package dev.quiesce.model;

/** The tool that produced a report or a capture. */
public record Tool(String name, String version) {}
