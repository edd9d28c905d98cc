package dev.quiesce.report;

import dev.quiesce.model.AuditRun;
import dev.quiesce.model.QuiesceException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.BaseFont;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.resource.XMLResource;

/**
 * {@code report.pdf}: the HTML report's markup in print mode ({@code report.pdf.ftl}), laid out by
 * Flying Saucer on OpenPDF: A4 or Letter, page numbers and the run id in the footer, a bookmark per
 * host, embedded fonts ({@link PdfFonts}, with {@link PdfGlyphFallback} for characters the text fonts
 * lack), charts as images.
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

    @Override
    public Path render(AuditRun run, ReportSettings settings, Path outputDirectory) throws IOException {
        System.setProperty("java.awt.headless", "true");
        StringWriter xhtml = new StringWriter();
        new Templates(settings.templates()).render(TEMPLATE, ReportModel.of(run, settings, true), xhtml);
        List<Path> fonts = PdfFonts.find();
        if (fonts.isEmpty()) {
            throw new QuiesceException("no TrueType font found for the PDF (looked for " + PdfFonts.FILES
                    + "); install fonts-dejavu-core (and fonts-droid-fallback for CJK) or set QUIESCE_FONT_DIRS");
        }
        Files.createDirectories(outputDirectory);
        Path file = outputDirectory.resolve(fileName());
        ITextRenderer renderer = new ITextRenderer();
        try (OutputStream out = Files.newOutputStream(file)) {
            for (Path font : fonts) {
                renderer.getFontResolver().addFont(font.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            }
            renderer.setPDFCreator(run.tool().name() + " " + run.tool().version());
            Document document = XMLResource.load(xhtml.toString()).getDocument();
            new PdfGlyphFallback(fonts).apply(document);
            renderer.setDocument(document, null);
            renderer.layout();
            renderer.createPDF(out);
        } catch (DocumentException e) {
            throw new IOException("the PDF could not be written: " + e.getMessage(), e);
        }
        return file;
    }
}
