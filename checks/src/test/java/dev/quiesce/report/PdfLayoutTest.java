package dev.quiesce.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.AuditRun;
import dev.quiesce.model.Status;
import dev.quiesce.testing.SyntheticRuns;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host text decides how long a word is: a 255-byte file name must wrap inside the page, not run off it. */
class PdfLayoutTest {
    private static final Pattern WORD = Pattern.compile("<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\"");
    /** A4 is 595.3 pt wide; the right margin is 14 mm (39.7 pt). */
    private static final double RIGHT_EDGE = 595.3 - 39.7;

    @TempDir
    Path out;

    @Test
    void aLongUnbrokenNameInEveryPartOfAFindingStaysInsideThePage() throws IOException {
        String name = "/etc/vmware-tools/backupScripts.d/" + "x".repeat(250) + "-20-job";
        AuditRun run = SyntheticRuns.builder().rules(1).finding((h, r, f) -> f.status(Status.FAIL)
                .message(name + " has mode 0644, more than 0700: chmod 0700 '" + name + "'")
                .observed(name + ": regular file 0644 0:0").expected(name)
                .evidence("list " + name, "regular file 0644 0:0  " + name)).build();
        Path pdf = new PdfReport().render(run, ReportSettings.defaults(), out);

        String boxes = Poppler.run("pdftotext", "-bbox", pdf.toString(), "-");
        List<String> outside = new ArrayList<>();
        Matcher word = WORD.matcher(boxes);
        while (word.find()) {
            if (Double.parseDouble(word.group(2)) > RIGHT_EDGE + 1) {
                outside.add(boxes.substring(word.end(), Math.min(boxes.length(), word.end() + 60)));
            }
        }
        assertTrue(outside.isEmpty(), () -> outside.size() + " words end past the right margin, e.g. " + outside.get(0));
    }
}
