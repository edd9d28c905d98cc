package dev.quiesce.engine;

import dev.quiesce.model.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's name and version, as reports and captures record it. */
public final class ToolVersion {
    private static final Tool TOOL = load();

    private ToolVersion() {}

    public static Tool tool() {
        return TOOL;
    }

    private static Tool load() {
        Properties properties = new Properties();
        try (InputStream in = ToolVersion.class.getResourceAsStream("/quiesce/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource leaves the version unknown; it is not worth failing an audit for
        }
        return new Tool("quiesce", properties.getProperty("version", "unknown"));
    }
}
