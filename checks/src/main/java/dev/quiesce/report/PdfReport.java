package dev.quiesce.report;

import dev.quiesce.files.OutputFile;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.QuiesceException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.BaseFont;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.resource.XMLResource;

/**
 * {@code report.pdf}: the HTML report's markup in print mode ({@code report.pdf.ftl}), laid out by
 * Flying Saucer on OpenPDF: A4 or Letter, page numbers and the run id in the footer, a bookmark per
 * host, embedded fonts ({@link PdfFonts}, with {@link PdfGlyphFallback} for characters the text fonts
 * lack), charts as vector drawings. It is laid out in parts appended to one
 * PDF (summary, then {@value #HOSTS_PER_PART} hosts at a time, then the rules), so memory stays bounded
 * however large the fleet; "Page i of N" is stamped on every page at the end ({@link PageNumbers}).
 */
public final class PdfReport implements Renderer {
    public static final String TEMPLATE = "report.pdf.ftl";

    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public String fileName() {
        return "report.pdf";
    }

    /** Hosts laid out per document: Flying Saucer holds a document's whole layout in memory. */
    static final int HOSTS_PER_PART = 20;

    @Override
    public Path render(AuditRun run, ReportSettings settings, Path outputDirectory) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> fonts = PdfFonts.find();
        if (fonts.isEmpty()) {
            throw new QuiesceException("no TrueType font found for the PDF (looked for " + PdfFonts.FILES
                    + "); install fonts-dejavu-core (and fonts-droid-fallback for CJK) or set QUIESCE_FONT_DIRS");
        }
        Path file = outputDirectory.resolve(fileName());
        OutputFile.directory(file);
        Path unnumbered = Files.createTempFile(outputDirectory, ".report", ".pdf");
        Templates templates = new Templates(settings.templates());
        PdfGlyphFallback fallback;
        try {
            fallback = new PdfGlyphFallback(fonts);
        } catch (DocumentException e) {
            throw new IOException("cannot load the PDF fonts: " + e.getMessage(), e);
        }
        Map<String, Object> summary = ReportModel.summary(run, settings, true);
        ITextRenderer renderer = new ITextRenderer();
        try (OutputStream out = Files.newOutputStream(unnumbered)) {
            for (Path font : fonts) {
                renderer.getFontResolver().addFont(font.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            }
            renderer.setPDFCreator(run.tool().name() + " " + run.tool().version());
            renderer.getSharedContext().setReplacedElementFactory(
                    new VectorChartFactory(renderer.getSharedContext().getReplacedElementFactory()));
            layout(renderer, templates, fallback, part(summary, List.of("summary"), List.of()));
            renderer.createPDF(out, false);
            for (int from = 0; from < run.hosts().size(); from += HOSTS_PER_PART) {
                int to = Math.min(run.hosts().size(), from + HOSTS_PER_PART);
                layout(renderer, templates, fallback, part(summary, List.of("hosts"), ReportModel.hosts(run, true, from, to)));
                renderer.writeNextDocument(renderer.getWriter().getPageNumber() + 1);
            }
            layout(renderer, templates, fallback, part(summary, List.of("rules"), List.of()));
            renderer.writeNextDocument(renderer.getWriter().getPageNumber() + 1);
            renderer.finishPDF();
        } catch (DocumentException e) {
            Files.deleteIfExists(unnumbered);
            throw new IOException("the PDF could not be written: " + e.getMessage(), e);
        }
        try {
            OutputFile.write(file, out -> PageNumbers.stamp(unnumbered, out, fonts.get(0)));
        } finally {
            Files.deleteIfExists(unnumbered);
        }
        return file;
    }

    private static Map<String, Object> part(Map<String, Object> summary, List<String> sections,
                                            List<Map<String, Object>> hosts) {
        Map<String, Object> model = new LinkedHashMap<>(summary);
        model.put("sections", sections);
        model.put("hosts", hosts);
        return model;
    }

    private static void layout(ITextRenderer renderer, Templates templates, PdfGlyphFallback fallback,
                               Map<String, Object> model) throws IOException {
        StringWriter xhtml = new StringWriter();
        templates.render(TEMPLATE, model, xhtml);
        Document document = XMLResource.load(xhtml.toString()).getDocument();
        fallback.apply(document);
        renderer.setDocument(document, null);
        renderer.layout();
    }
}
