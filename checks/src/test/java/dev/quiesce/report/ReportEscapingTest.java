package dev.quiesce.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.Details;
import dev.quiesce.model.Evidence;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.Status;
import dev.quiesce.testing.SyntheticRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Host text is data: markup, template syntax, Markdown, terminal escapes, control characters,
 * bidirectional overrides, scripts from right to left and beyond the BMP, and a 100 kB line, in host
 * names, observed, expected, message, evidence, table cells and series names, go through every format
 * as text, without breaking its structure.
 */
class ReportEscapingTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String CLOSE_TABLE = "</td></tr></table>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String FTL_EXPRESSION = "${7*7}";
    static final String FTL_ASSIGN = "<#assign x=1>${x}";
    static final String FTL_MACRO = "<@evidence f/>";
    static final String MARKDOWN = "a|b|c `code` **bold** [link](http://x) @channel back\\|slash";
    static final String ANSI = "\u001b[31mred\u001b[0m";
    static final String CONTROLS = "nul\u0000 soh\u0001 bel\u0007 del\u007f nel\u0085 end";
    static final String OVERRIDE = "invoice\u202Efdp.exe";
    static final String CHINESE = "中文";
    static final String JAPANESE = "日本語";
    static final String KOREAN = "한국어";
    static final String ARABIC = "مرحبا";
    static final String HEBREW = "שלום";
    static final String EMOJI = "🔥💾✅";
    static final String NEWLINES = "line1\nline2\r\nline3";
    static final String ALL = String.join(" ", SCRIPT, CLOSE_TABLE, IMG, FTL_EXPRESSION, FTL_ASSIGN, FTL_MACRO,
            MARKDOWN, ANSI, CONTROLS, OVERRIDE, CHINESE, JAPANESE, KOREAN, ARABIC, HEBREW, EMOJI, NEWLINES);
    static final String LONG = "0123456789abcdef".repeat(6_400);

    /** Given in sorted order, so index i is the i-th host of the run and anchor host-(i+1). */
    static final String[] HOSTS = {
        "alpha " + SCRIPT + " " + IMG,
        "bravo " + FTL_EXPRESSION + " " + FTL_ASSIGN + " " + FTL_MACRO + " " + CLOSE_TABLE,
        "charlie " + MARKDOWN + " " + NEWLINES,
        "delta " + ANSI + " " + CONTROLS + " " + OVERRIDE,
        "echo " + CHINESE + " " + JAPANESE + " " + KOREAN + " " + ARABIC + " " + HEBREW + " " + EMOJI,
    };

    @TempDir
    static Path out;
    static AuditRun run;
    static Map<String, Path> files;

    @BeforeAll
    static void render() throws IOException {
        run = SyntheticRuns.builder().hostNames(HOSTS).rules(5).finding((host, rule, f) -> {
            f.observed(ALL).expected("expected " + ALL).message("message " + ALL)
                    .evidence("cat /etc/" + ALL, ALL + "\n" + ALL);
            if (rule == 0) {
                List<List<String>> rows = new ArrayList<>(List.of(
                        List.of(SCRIPT + CLOSE_TABLE, IMG, FTL_EXPRESSION + FTL_ASSIGN + FTL_MACRO),
                        List.of(MARKDOWN, ANSI + CONTROLS, OVERRIDE),
                        List.of(CHINESE + JAPANESE + KOREAN, ARABIC + HEBREW + EMOJI, NEWLINES)));
                if (host == 0) {
                    f.observed(LONG).evidence("cat /var/log/long.log", LONG);
                    rows.add(List.of("long", LONG, ""));
                }
                f.table("table " + ALL, List.of("column " + SCRIPT, "pipes a|b|c", "text " + NEWLINES), rows);
            }
            if (rule == 2) {
                f.series(new Details.TimeSeries("series " + ALL, "ms " + SCRIPT, List.of(
                        new Details.Point(SyntheticRuns.STARTED, 1200),
                        new Details.Point(SyntheticRuns.STARTED.plusSeconds(600), 9100)),
                        List.of(new Details.Threshold("QoS " + IMG, 8000))));
            }
        }).build();
        files = new java.util.HashMap<>();
        for (String format : Renderers.FORMATS) {
            files.put(format, Renderers.standard().forFormat(format).render(run, ReportSettings.defaults(), out));
        }
    }

    static String read(String format) throws IOException {
        return Files.readString(files.get(format), StandardCharsets.UTF_8);
    }

    static List<Finding> shown(HostResult host) {
        return host.findings().stream().filter(f -> f.status().isProblem() || f.status() == Status.WAIVED).toList();
    }

    // ---- HTML ----

    @Test
    void htmlHasNoActiveContentAndShowsHostTextAsText() throws IOException {
        String html = read("html");
        Document doc = Jsoup.parse(html);
        assertTrue(doc.select("script").isEmpty(), "a <script> element made it into the HTML");
        assertTrue(doc.select("img").isEmpty(), "an <img> element made it into the HTML");
        assertTrue(doc.select("a[href=http://x]").isEmpty(), "Markdown became a link");
        for (Element element : doc.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertFalse(attribute.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on"),
                        "event handler attribute " + attribute + " on <" + element.tagName() + ">");
            }
        }
        String text = doc.body().wholeText();
        for (String literal : List.of(SCRIPT, CLOSE_TABLE, IMG, FTL_EXPRESSION, FTL_ASSIGN, FTL_MACRO, MARKDOWN,
                CHINESE, JAPANESE, KOREAN, ARABIC, HEBREW, EMOJI, LONG)) {
            assertTrue(text.contains(literal), "not shown as text: " + literal.substring(0,
                    Math.min(60, literal.length())));
        }
        assertFalse(text.contains("bravo 49"), "${7*7} was evaluated");
    }

    @Test
    void htmlShowsControlsAndOverridesEscaped() throws IOException {
        String html = read("html");
        assertNoRawControls("report.html", html);
        assertFalse(html.contains("\u202E"), "raw U+202E RIGHT-TO-LEFT OVERRIDE in the HTML");
        String text = Jsoup.parse(html).body().wholeText();
        assertTrue(text.contains("\\x1b[31mred\\x1b[0m"), "ESC is not shown as \\x1b");
        assertTrue(text.contains("nul\\x00 soh\\x01 bel\\x07 del\\x7f nel\\x85 end"), "controls not shown escaped");
        assertTrue(text.contains("invoice\\u202efdp.exe"), "U+202E is not shown as \\u202e");
        assertTrue(text.contains("delta \\x1b[31mred"), "host name not cleaned");
    }

    @Test
    void htmlStructureHoldsWhateverTheText() throws IOException {
        Document doc = Jsoup.parse(read("html"));
        long expectedFindings = run.hosts().stream().mapToLong(h -> shown(h).size()).sum();
        assertEquals(15, expectedFindings);
        assertEquals(expectedFindings, doc.select("div.finding").size(), "finding blocks");
        assertEquals(run.hosts().size(), doc.select("h2.host").size(), "host sections");
        assertEquals(run.hosts().size(), doc.select("tbody > tr:has(a[href^=#host-])").size(), "rows of the host matrix");
        int tables = 0;
        for (int i = 0; i < run.hosts().size(); i++) {
            HostResult host = run.hosts().get(i);
            assertEquals(ReportText.clean(host.name()).replaceAll("\\s+", " "), doc.getElementById("host-" + (i + 1))
                    .ownText(), "heading of host " + (i + 1));
            for (Finding f : shown(host)) {
                Element block = doc.getElementById("host-" + (i + 1) + "-" + f.rule());
                assertTrue(block != null && block.hasClass("finding"), "no finding block for " + f.rule());
                Elements observed = block.select("table.kv td");
                assertEquals(ReportText.clean(f.observed()), observed.get(0).wholeText(), "observed");
                assertEquals(ReportText.clean(f.expected()), observed.get(1).wholeText(), "expected");
                assertEquals(ReportText.clean(f.message()), block.selectFirst("div.message").wholeText(), "message");
                Elements evidence = block.select("pre");
                for (int e = 0; e < f.evidence().size(); e++) {
                    Evidence item = f.evidence().get(e);
                    assertEquals(ReportText.clean(item.excerpt()), evidence.get(e).wholeText(), "excerpt");
                }
                Elements detailTables = block.select("div.wide > table");
                assertEquals(f.details().tables().size(), detailTables.size(), "details tables of " + f.rule());
                for (int t = 0; t < detailTables.size(); t++) {
                    assertTable(f.details().tables().get(t), detailTables.get(t));
                    tables++;
                }
                Elements charts = block.select("div.chart > svg");
                assertEquals(f.details().series().size(), charts.size(), "charts");
                for (int s = 0; s < charts.size(); s++) {
                    assertEquals(ReportText.clean(f.details().series().get(s).name()),
                            charts.get(s).selectFirst("text").wholeText(), "a chart shows its title as the report does");
                }
            }
        }
        assertEquals(run.hosts().size(), tables);
    }

    private static void assertTable(Details.Table expected, Element table) {
        Elements headers = table.select("thead > tr > th");
        assertEquals(expected.columns().size(), headers.size(), "columns of " + expected.name());
        for (int c = 0; c < headers.size(); c++) {
            assertEquals(ReportText.clean(expected.columns().get(c)), headers.get(c).wholeText());
        }
        Elements rows = table.select("tbody > tr");
        assertEquals(expected.rows().size(), rows.size(), "rows of a details table");
        for (int r = 0; r < rows.size(); r++) {
            Elements cells = rows.get(r).select("> td");
            assertEquals(expected.columns().size(), cells.size(), "cells in row " + r);
            for (int c = 0; c < cells.size(); c++) {
                assertEquals(ReportText.clean(expected.rows().get(r).get(c)), cells.get(c).wholeText(),
                        "cell " + r + "," + c);
            }
        }
    }

    @Test
    void htmlIsWellFormedXhtml() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(files.get("html").toFile());
        assertEquals("http://www.w3.org/1999/xhtml", xml.getDocumentElement().getNamespaceURI());
        NodeList svgs = xml.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertEquals(run.hosts().size(), svgs.getLength(), "inline SVG charts in the SVG namespace");
    }

    // ---- PDF ----

    @Test
    void pdfShowsHostTextInEmbeddedFonts() {
        Path pdf = files.get("pdf");
        String text = Poppler.text(pdf);
        // Korean is not asserted: the fonts the PDF embeds (DejaVu, Droid Sans Fallback) have no Hangul.
        for (String expected : List.of(CHINESE, JAPANESE, "alpha <script>alert(1)</script>", "bravo ${7*7}",
                "charlie a|b|c", "delta \\x1b[31mred", "FAIL", "SYN-001", "SYN-003")) {
            assertTrue(text.contains(expected), "PDF text lacks " + expected);
        }
        Map<String, String> fonts = Poppler.fontsEmbedded(pdf);
        assertFalse(fonts.isEmpty(), "pdffonts listed no fonts");
        fonts.forEach((font, embedded) -> assertEquals("yes", embedded, "font " + font + " is not embedded"));
        assertTrue(fonts.keySet().stream().anyMatch(f -> f.contains("DroidSansFallback")),
                "the CJK font is not used: " + fonts.keySet());
    }

    // ---- Markdown ----

    @Test
    void markdownTablesKeepTheirColumns() throws IOException {
        String md = read("md");
        List<List<String>> tables = new ArrayList<>();
        List<String> current = null;
        for (String line : md.split("\n", -1)) {
            if (line.startsWith("|")) {
                if (current == null) {
                    current = new ArrayList<>();
                    tables.add(current);
                }
                current.add(line);
            } else {
                current = null;
            }
        }
        assertEquals(3, tables.size(), "tables in summary.md:\n" + md);
        for (List<String> table : tables) {
            int columns = unescapedPipes(table.get(0));
            for (String line : table) {
                assertEquals(columns, unescapedPipes(line), "a row of " + table.get(0) + " has other columns: "
                        + line.substring(0, Math.min(200, line.length())));
            }
        }
        assertEquals(2 + 2, tables.get(1).size(), "failing rules: header, rule, SYN-001, SYN-003");
        assertEquals(2 + HOSTS.length, tables.get(2).size(), "hosts: header, rule and one row per host");
        assertTrue(tables.get(2).get(4).startsWith("| charlie a\\|b\\|c \\`code\\` \\*\\*bold\\*\\* \\[link\\]"),
                tables.get(2).get(4));
        assertTrue(tables.get(2).get(4).contains("back\\\\\\|slash line1 line2\\\\x0d line3 |"),
                "a newline in a host name must not end the row: " + tables.get(2).get(4));
    }

    @Test
    void markdownEscapesCodeSpansAndHtml() throws IOException {
        String md = read("md");
        assertNoRawControls("summary.md", md);
        for (int i = 0; i < md.length(); i++) {
            char c = md.charAt(i);
            if (c == '`' || c == '<') {
                assertTrue(backslashesBefore(md, i) % 2 == 1, "unescaped " + c + " at " + i + ": "
                        + md.substring(Math.max(0, i - 40), Math.min(md.length(), i + 40)));
            }
        }
        assertTrue(md.contains(CHINESE + " " + JAPANESE + " " + KOREAN + " " + ARABIC), "text shown as itself");
        assertTrue(md.contains("\\\\x1b\\[31mred"), "ESC shown as \\x1b");
        assertTrue(md.contains("invoice\\\\u202efdp.exe"), "U+202E shown as \\u202e");
    }

    static int unescapedPipes(String line) {
        int pipes = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '|' && backslashesBefore(line, i) % 2 == 0) {
                pipes++;
            }
        }
        return pipes;
    }

    static int backslashesBefore(String text, int index) {
        int n = 0;
        while (index - n - 1 >= 0 && text.charAt(index - n - 1) == '\\') {
            n++;
        }
        return n;
    }

    // ---- JUnit XML ----

    @Test
    void junitXmlIsWellFormedAndValid() throws Exception {
        Path junit = files.get("junit");
        assertNoRawControls("junit.xml", read("junit"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(junit.toFile());
        NodeList suites = xml.getElementsByTagName("testsuite");
        assertEquals(HOSTS.length, suites.getLength());
        assertEquals(HOSTS.length * 5, xml.getElementsByTagName("testcase").getLength());
        assertEquals(HOSTS.length, xml.getElementsByTagName("failure").getLength());
        assertEquals(HOSTS.length, xml.getElementsByTagName("error").getLength());
        assertEquals(2 * HOSTS.length, xml.getElementsByTagName("skipped").getLength());
        assertEquals("alpha " + SCRIPT + " " + IMG, ((org.w3c.dom.Element) suites.item(0)).getAttribute("name"));
        assertTrue(((org.w3c.dom.Element) suites.item(3)).getAttribute("name").contains("\\x1b[31mred"));

        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/junit/jenkins-junit.xsd"));
        try {
            schema.newValidator().validate(new StreamSource(junit.toFile()));
        } catch (SAXException e) {
            fail("junit.xml does not validate against jenkins-junit.xsd: " + e.getMessage());
        }
    }

    // ---- JSON ----

    @Test
    void jsonCarriesEveryStringExactly() throws IOException {
        String raw = read("json");
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            assertTrue(c >= 0x20 || c == '\n', "raw control character U+" + Integer.toHexString(c) + " in JSON");
        }
        JsonNode root = new ObjectMapper().readTree(raw);
        JsonNode hosts = root.get("hosts");
        assertEquals(run.hosts().size(), hosts.size());
        for (int h = 0; h < hosts.size(); h++) {
            HostResult host = run.hosts().get(h);
            JsonNode node = hosts.get(h);
            assertEquals(host.name(), node.get("name").asText());
            for (int i = 0; i < host.findings().size(); i++) {
                Finding f = host.findings().get(i);
                JsonNode fn = node.get("findings").get(i);
                assertEquals(f.observed(), fn.get("observed").asText());
                assertEquals(f.expected(), fn.get("expected").asText());
                assertEquals(f.message(), fn.get("message").asText());
                for (int e = 0; e < f.evidence().size(); e++) {
                    assertEquals(f.evidence().get(e).source(), fn.get("evidence").get(e).get("source").asText());
                    assertEquals(f.evidence().get(e).excerpt(), fn.get("evidence").get(e).get("excerpt").asText());
                }
                for (int t = 0; t < f.details().tables().size(); t++) {
                    Details.Table table = f.details().tables().get(t);
                    JsonNode tn = fn.get("details").get("tables").get(t);
                    assertEquals(table.name(), tn.get("name").asText());
                    for (int c = 0; c < table.columns().size(); c++) {
                        assertEquals(table.columns().get(c), tn.get("columns").get(c).asText());
                    }
                    for (int r = 0; r < table.rows().size(); r++) {
                        for (int c = 0; c < table.columns().size(); c++) {
                            assertEquals(table.rows().get(r).get(c), tn.get("rows").get(r).get(c).asText());
                        }
                    }
                }
                for (int s = 0; s < f.details().series().size(); s++) {
                    Details.TimeSeries series = f.details().series().get(s);
                    JsonNode sn = fn.get("details").get("series").get(s);
                    assertEquals(series.name(), sn.get("name").asText());
                    assertEquals(series.unit(), sn.get("unit").asText());
                    assertEquals(series.thresholds().get(0).label(), sn.get("thresholds").get(0).get("label").asText());
                }
            }
        }
    }

    /** No C0 or C1 control except tab and line breaks, and no character XML 1.0 forbids. */
    static void assertNoRawControls(String what, String text) {
        text.codePoints().forEach(c -> {
            boolean control = (c < 0x20 && c != '\n' && c != '\t' && c != '\r') || (c >= 0x7f && c < 0xa0);
            assertFalse(control || !ReportText.allowedInXml(c), "raw U+" + Integer.toHexString(c) + " in " + what);
        });
    }
}
