package dev.quiesce.report;

import java.util.List;

/**
 * What an evidence bundle says of itself ({@code manifest.json}): the run, who made the bundle and
 * with what command, and every other file in it with its SHA-256 and size.
 */
public record BundleManifest(String format, String runId, String started, String finished, String toolName,
                             String toolVersion, String operator, String commandLine, String created,
                             List<FileEntry> files) {
    public static final String FORMAT = "quiesce-bundle/1";
    public static final String FILE_NAME = "manifest.json";

    public BundleManifest {
        files = List.copyOf(files);
    }

    public record FileEntry(String path, String sha256, long size) {}
}
