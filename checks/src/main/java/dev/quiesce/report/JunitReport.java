package dev.quiesce.report;

import dev.quiesce.files.OutputFile;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.Evidence;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: a testsuite per host and a testcase per rule, for CI servers (Jenkins, GitLab)
 * that read JUnit XML. FAIL is a failure, ERROR an error, SKIPPED and WAIVED are skipped with the
 * reason. Written with StAX; host text is cleaned of characters XML cannot carry.
 */
public final class JunitReport implements Renderer {
    @Override
    public String format() {
        return "junit";
    }

    @Override
    public String fileName() {
        return "junit.xml";
    }

    @Override
    public Path render(AuditRun run, ReportSettings settings, Path outputDirectory) throws IOException {
        Path file = outputDirectory.resolve(fileName());
        OutputFile.write(file, out -> write(run, out));
        return file;
    }

    private static void write(AuditRun run, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "quiesce " + run.id());
            writeCounts(xml, run.findings().toList(), false);
            xml.writeAttribute("time", seconds(Duration.between(run.started(), run.finished())));
            for (int i = 0; i < run.hosts().size(); i++) {
                suite(xml, run, run.hosts().get(i), i);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("junit.xml could not be written: " + e.getMessage(), e);
        }
    }

    private static void suite(XMLStreamWriter xml, AuditRun run, HostResult host, int index) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", text(host.name()));
        xml.writeAttribute("id", String.valueOf(index));
        xml.writeAttribute("hostname", text(host.name()));
        xml.writeAttribute("package", "quiesce");
        writeCounts(xml, host.findings(), true);
        xml.writeAttribute("time", "0");
        xml.writeAttribute("timestamp", run.started().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "transport", host.transport());
        property(xml, "status", host.status().name());
        property(xml, "roles", String.join(",", host.roles()));
        if (host.error() != null) {
            property(xml, "error", host.error());
        }
        xml.writeEndElement();
        for (Finding f : host.findings()) {
            testcase(xml, host, f);
        }
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("system-out");
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("system-err");
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void testcase(XMLStreamWriter xml, HostResult host, Finding f) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", text(f.rule() + " " + f.title()));
        xml.writeAttribute("classname", text(host.name() + "." + f.rule()));
        xml.writeAttribute("time", "0");
        String detail = "severity: " + f.severity().label() + "\nobserved: " + f.observed() + "\nexpected: "
                + f.expected() + "\n" + evidence(f);
        switch (f.status()) {
            case FAIL -> outcome(xml, "failure", f, detail);
            case ERROR -> outcome(xml, "error", f, detail);
            case SKIPPED, WAIVED -> {
                xml.writeStartElement("skipped");
                xml.writeAttribute("message", text(f.status().name().toLowerCase(Locale.ROOT) + ": " + f.message()));
                xml.writeEndElement();
            }
            case PASS -> { }
        }
        xml.writeEndElement();
    }

    private static void outcome(XMLStreamWriter xml, String element, Finding f, String detail)
            throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("message", text(f.message()));
        xml.writeAttribute("type", f.severity().label());
        xml.writeCharacters(text(detail));
        xml.writeEndElement();
    }

    private static String evidence(Finding f) {
        StringBuilder out = new StringBuilder();
        for (Evidence e : f.evidence()) {
            out.append(e.fact()).append(": ").append(e.source()).append('\n').append(e.excerpt()).append('\n');
        }
        return out.toString();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", text(value));
    }

    /** The counts; {@code skipped} only on a testsuite, since Jenkins' schema has none on testsuites. */
    private static void writeCounts(XMLStreamWriter xml, java.util.List<Finding> findings, boolean skipped)
            throws XMLStreamException {
        xml.writeAttribute("tests", String.valueOf(findings.size()));
        xml.writeAttribute("failures", String.valueOf(count(findings, Status.FAIL)));
        xml.writeAttribute("errors", String.valueOf(count(findings, Status.ERROR)));
        if (skipped) {
            xml.writeAttribute("skipped", String.valueOf(count(findings, Status.SKIPPED)
                    + count(findings, Status.WAIVED)));
        }
    }

    private static long count(java.util.List<Finding> findings, Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }

    private static String text(String value) {
        return ReportText.clean(value == null ? "" : value);
    }
}
