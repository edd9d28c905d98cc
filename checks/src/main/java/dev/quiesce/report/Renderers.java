package dev.quiesce.report;

import dev.quiesce.model.QuiesceException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renderers by format name. */
public final class Renderers {
    /** Every format {@code --format} accepts, in the order reports are written. */
    public static final List<String> FORMATS = List.of("json", "html", "pdf", "md", "junit");

    private final Map<String, Renderer> renderers = new TreeMap<>();

    public Renderers(List<Renderer> renderers) {
        renderers.forEach(r -> this.renderers.put(r.format(), r));
    }

    public static Renderers standard() {
        return new Renderers(List.of(new JsonReport(), TemplatedReport.html(), new PdfReport(),
                TemplatedReport.markdown(), new JunitReport()));
    }

    public Renderer forFormat(String format) {
        Renderer renderer = renderers.get(format);
        if (renderer == null) {
            throw new QuiesceException("unknown report format '" + format + "'; use any of: "
                    + String.join(", ", FORMATS));
        }
        return renderer;
    }
}
