package dev.quiesce.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.AuditRun;
import dev.quiesce.model.Details;
import dev.quiesce.testing.SyntheticRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Time series become charts: inline SVG in the HTML, the same drawing as vectors in the PDF. */
class ChartRenderingTest {
    private static final String RED = "#c62828";

    @TempDir
    Path out;

    /** Stun durations every hour over a day; one stun (15:00) beyond the mirror QoS timeout. */
    static Details.TimeSeries stunsOverADay() {
        List<Details.Point> points = new ArrayList<>();
        Instant midnight = Instant.parse("2025-03-01T00:00:00Z");
        for (int hour = 0; hour < 24; hour++) {
            double ms = hour == 15 ? 9_400 : hour == 9 ? 5_200 : 300 + hour * 40;
            points.add(new Details.Point(midnight.plusSeconds(hour * 3600L), ms));
        }
        return new Details.TimeSeries("VM stun duration", "ms", points,
                List.of(new Details.Threshold("QoS/2", 4000), new Details.Threshold("QoS", 8000)));
    }

    static AuditRun runWith(Details.TimeSeries... series) {
        return SyntheticRuns.builder().hosts(1).rules(1).finding((host, rule, f) -> {
            for (Details.TimeSeries s : series) {
                f.series(s);
            }
        }).build();
    }

    @Test
    void htmlDrawsTheSeriesThresholdsAxesAndTheStunOverQos() throws IOException {
        Path html = TemplatedReport.html().render(runWith(stunsOverADay()), ReportSettings.defaults(), out);
        Document doc = Jsoup.parse(Files.readString(html));
        Elements svgs = doc.select("div.chart > svg");
        assertEquals(1, svgs.size(), "one inline SVG");
        Element svg = svgs.first();
        Element polyline = svg.selectFirst("polyline");
        assertTrue(polyline != null, "no polyline");
        assertEquals(24, polyline.attr("points").trim().split("\\s+").length, "one vertex per point");

        List<String> texts = svg.select("text").eachText();
        assertTrue(texts.contains("QoS/2 = 4000 ms"), "threshold label QoS/2: " + texts);
        assertTrue(texts.contains("QoS = 8000 ms"), "threshold label QoS: " + texts);
        assertTrue(texts.contains("ms"), "y axis unit: " + texts);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("time (UTC")), "x axis label: " + texts);
        assertTrue(texts.contains("VM stun duration"), "title: " + texts);

        Elements circles = svg.select("circle");
        assertEquals(24, circles.size());
        Elements red = svg.select("circle[fill='" + RED + "']");
        assertEquals(1, red.size(), "exactly the stun over QoS is marked red");
        double qosY = svg.select("line[stroke='" + RED + "']").stream().mapToDouble(l -> Double.parseDouble(l.attr("y1")))
                .findFirst().orElseThrow();
        assertTrue(Double.parseDouble(red.first().attr("cy")) < qosY, "the red point is drawn above the QoS line");
        assertTrue(doc.select("div.muted").eachText().contains("24 points; thresholds: QoS/2 = 4000 ms, QoS = 8000 ms"));
    }

    @Test
    void pdfDrawsTheChartAsVectorsWithTheThresholdCaption() throws IOException {
        Path pdf = new PdfReport().render(runWith(stunsOverADay()), ReportSettings.defaults(), out.resolve("chart"));
        assertEquals(1, charts(pdf), "one vector drawing (form XObject) for the chart");
        assertTrue(Poppler.images(pdf).isEmpty(), "no raster image: the chart is not rasterised");
        assertTrue(Poppler.text(pdf).contains("thresholds: QoS/2 = 4000 ms, QoS = 8000 ms"), "threshold caption");

        // The drawing really shows: rendered, the chart adds hundreds of pixels of the series' blue to the page
        // (the same report without the chart has that blue only in small "low" severity labels).
        Path plain = new PdfReport().render(runWith(), ReportSettings.defaults(), out.resolve("plain"));
        long withChart = Poppler.pixelsNear(pdf, 0x1565c0);
        long without = Poppler.pixelsNear(plain, 0x1565c0);
        assertTrue(withChart - without > 500, withChart + " blue pixels with the chart, " + without + " without");
    }

    /** Form XObjects on the PDF's pages: each chart is one, drawn from the chart's SVG. */
    static int charts(Path pdf) throws IOException {
        org.openpdf.text.pdf.PdfReader reader = new org.openpdf.text.pdf.PdfReader(pdf.toString());
        try {
            int forms = 0;
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                org.openpdf.text.pdf.PdfDictionary resources = reader.getPageN(page)
                        .getAsDict(org.openpdf.text.pdf.PdfName.RESOURCES);
                org.openpdf.text.pdf.PdfDictionary xobjects = resources == null ? null
                        : resources.getAsDict(org.openpdf.text.pdf.PdfName.XOBJECT);
                if (xobjects == null) {
                    continue;
                }
                for (org.openpdf.text.pdf.PdfName name : xobjects.getKeys()) {
                    org.openpdf.text.pdf.PdfObject object = org.openpdf.text.pdf.PdfReader.getPdfObject(
                            xobjects.get(name));
                    if (object instanceof org.openpdf.text.pdf.PdfDictionary d
                            && org.openpdf.text.pdf.PdfName.FORM.equals(d.getAsName(org.openpdf.text.pdf.PdfName.SUBTYPE))) {
                        forms++;
                    }
                }
            }
            return forms;
        } finally {
            reader.close();
        }
    }

    @Test
    void anEmptySeriesSaysSoAndASinglePointIsDrawn() throws IOException {
        Details.TimeSeries empty = new Details.TimeSeries("no stuns recorded", "ms", List.of(),
                List.of(new Details.Threshold("QoS", 8000)));
        Details.TimeSeries single = new Details.TimeSeries("one stun", "ms",
                List.of(new Details.Point(Instant.parse("2025-03-01T12:00:00Z"), 950)), List.of());
        AuditRun run = runWith(empty, single);

        Document doc = Jsoup.parse(Files.readString(TemplatedReport.html().render(run, ReportSettings.defaults(), out)));
        Elements svgs = doc.select("div.chart > svg");
        assertEquals(2, svgs.size());
        assertTrue(svgs.get(0).select("text").eachText().contains("no data points"), "empty series");
        assertTrue(svgs.get(0).select("circle, polyline").isEmpty());
        assertEquals(1, svgs.get(1).select("circle").size(), "the single point");
        assertEquals(1, svgs.get(1).selectFirst("polyline").attr("points").trim().split("\\s+").length);

        Path pdf = new PdfReport().render(run, ReportSettings.defaults(), out);
        assertEquals(2, charts(pdf), "both charts in the PDF");
    }
}
