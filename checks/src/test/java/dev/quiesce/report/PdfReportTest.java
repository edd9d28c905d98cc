package dev.quiesce.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.AuditRun;
import dev.quiesce.testing.SyntheticRuns;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.SimpleBookmark;

/** The PDF as a reader meets it: an outline, the paper asked for, numbered pages that name the run. */
class PdfReportTest {
    @TempDir
    static Path out;
    static AuditRun run;
    static Path a4;
    static Path letter;

    @BeforeAll
    static void render() throws IOException {
        run = SyntheticRuns.grid(3, 5);
        a4 = new PdfReport().render(run, ReportSettings.defaults(), out.resolve("a4"));
        letter = new PdfReport().render(run, new ReportSettings(ReportSettings.defaults().failOn(),
                ReportSettings.Paper.LETTER, Optional.empty(), Optional.empty()), out.resolve("letter"));
    }

    @Test
    void outlineHasTheSummaryAndOneEntryPerHost() throws IOException {
        PdfReader reader = new PdfReader(a4.toString());
        try {
            List<Map<String, Object>> outline = SimpleBookmark.getBookmarkList(reader);
            assertEquals(List.of("Summary", "host-01 (AUDITED)", "host-02 (AUDITED)", "host-03 (AUDITED)", "Rules"),
                    outline.stream().map(b -> b.get("Title")).toList());
            List<Integer> pages = outline.stream().map(b -> Integer.parseInt(((String) b.get("Page")).split(" ")[0]))
                    .toList();
            assertEquals(1, pages.get(0), "the summary is on page 1");
            for (int i = 1; i < pages.size(); i++) {
                assertTrue(pages.get(i) > pages.get(i - 1), "each host starts a new page: " + pages);
            }
        } finally {
            reader.close();
        }
    }

    @Test
    void a4ByDefaultAndLetterOnRequest() {
        assertTrue(Poppler.info(a4).get("Page size").endsWith("(A4)"), Poppler.info(a4).toString());
        assertTrue(Poppler.info(letter).get("Page size").matches("612(\\.0+)? x 792(\\.0+)? pts \\(letter\\)"),
                Poppler.info(letter).toString());
    }

    @Test
    void everyPageIsNumberedAndNamesTheRun() {
        int count = Integer.parseInt(Poppler.info(a4).get("Pages"));
        List<String> pages = Poppler.pages(a4);
        assertEquals(count, pages.size());
        assertTrue(count >= 4, "summary and a page per host: " + count);
        for (int i = 0; i < count; i++) {
            String page = pages.get(i).replaceAll("\\s+", " ");
            assertTrue(page.contains("Page " + (i + 1) + " of " + count), "page " + (i + 1) + ": " + page);
            assertTrue(page.contains("quiesce run " + run.id()), "page " + (i + 1) + " lacks the run id");
        }
    }

    @Test
    void firstPageRastersToARealImage() throws IOException {
        Path prefix = out.resolve("page");
        Poppler.run("pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", "-singlefile", a4.toString(),
                prefix.toString());
        Path png = out.resolve("page.png");
        assertTrue(Files.size(png) > 5_000, "page 1 as PNG is only " + Files.size(png) + " bytes");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(Math.round(210 / 25.4 * 40), image.getWidth(), 1, "A4 width at 40 dpi");
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 384) {
                    dark++;
                }
            }
        }
        assertTrue(dark > image.getWidth() * image.getHeight() / 100, "page 1 is nearly blank: " + dark + " dark px");
    }
}
