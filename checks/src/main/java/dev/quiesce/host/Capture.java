package dev.quiesce.host;

import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.model.Tool;
import java.util.Set;

/** A saved probe: the host's name and roles, the tool that collected it and the transcript of every stage. */
public record Capture(String host, Set<String> roles, Tool tool, ProbeTranscript transcript) {
    public static final String FORMAT = "quiesce-capture/2";
}
