package dev.quiesce.report;

import dev.quiesce.model.QuiesceException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Renderers by format name, and the formats that are planned but not built yet. */
public final class Renderers {
    /** Every format {@code --format} accepts, in the order reports are written. */
    public static final List<String> FORMATS = List.of("json", "html", "pdf", "md", "junit");

    private final Map<String, Renderer> renderers = new TreeMap<>();

    public Renderers(List<Renderer> renderers) {
        renderers.forEach(r -> this.renderers.put(r.format(), r));
    }

    public static Renderers standard() {
        return new Renderers(List.of(new JsonReport()));
    }

    /** The renderer for a format; empty for a known format that this build cannot write yet. */
    public Optional<Renderer> forFormat(String format) {
        if (!FORMATS.contains(format)) {
            throw new QuiesceException("unknown report format '" + format + "'; use any of: "
                    + String.join(", ", FORMATS));
        }
        return Optional.ofNullable(renderers.get(format));
    }
}
