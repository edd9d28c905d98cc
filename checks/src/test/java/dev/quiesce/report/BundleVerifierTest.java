package dev.quiesce.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zips made to fool a verifier: each is refused, with what is wrong, and none costs more than a bounded read. */
class BundleVerifierTest {
    @TempDir
    Path dir;
    HostileBundles bundles;

    @BeforeEach
    void bundle() throws IOException {
        bundles = new HostileBundles(dir);
        assertTrue(BundleVerifier.verify(Files.write(dir.resolve("rebuilt.zip"), bundles.genuineZip().bytes())).intact(),
                "the genuine files, zipped again, verify");
    }

    private List<String> problems(RawZip zip) throws IOException {
        Path file = Files.write(dir.resolve("hostile.zip"), zip.bytes());
        BundleVerifier.Verification result = BundleVerifier.verify(file);
        assertFalse(result.intact(), "a hostile zip verified");
        return result.problems();
    }

    private static boolean mentions(List<String> problems, String text) {
        return problems.stream().anyMatch(p -> p.contains(text));
    }

    @Test
    void aForgedReportPlacedBeforeTheGenuineOneIsRefused() throws IOException {
        List<String> problems = problems(bundles.forgedReportFirst());
        assertTrue(mentions(problems, "reports/report.json: in the zip 2 times"), problems.toString());
    }

    @Test
    void aSecondManifestIsRefused() throws IOException {
        List<String> problems = problems(bundles.secondManifest());
        assertTrue(mentions(problems, "manifest.json: in the zip 2 times"), problems.toString());
    }

    @Test
    void traversalAndAbsoluteNamesAreRefusedEvenWhenTheManifestListsThem() throws IOException {
        for (String name : List.of("../../etc/cron.d/x", "/etc/cron.d/x", "reports/../../x", "C:/x", "a\\..\\x",
                "reports//x", "./reports/x")) {
            List<String> problems = problems(bundles.listedEntry(name));
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(name + ": ")), name + ": " + problems);
        }
    }

    @Test
    void anEntryWhoseHeaderAndCentralDirectoryDisagreeIsRefused() throws IOException {
        List<String> problems = problems(bundles.headerAndDirectoryDisagree());
        assertTrue(mentions(problems, "do not agree"), problems.toString());
    }

    @Test
    void anEntryThatInflatesToGigabytesIsCutAtTheCapAndRefused() throws IOException {
        List<String> problems = problems(bundles.inflatesPastTheCap());
        assertTrue(mentions(problems, "reports/big.pdf: inflates past"), problems.toString());
        assertTrue(Files.size(dir.resolve("hostile.zip")) < 2_000_000, "the zip itself is small");
    }

    @Test
    void aManifestEntryWithoutAPathIsNamedByLineAndColumn() throws IOException {
        assertEquals(List.of("manifest.json:4:3: a file without a 'path' string"),
                problems(HostileBundles.manifestOnly(HostileBundles.MANIFEST_WITHOUT_PATH)));
    }

    @Test
    void aManifestThatIsNotJsonOrHasDuplicateKeysIsAProblemNotAnException() throws IOException {
        assertTrue(problems(HostileBundles.manifestOnly("not json")).get(0).startsWith("manifest.json: not valid JSON"));
        List<String> duplicate = problems(HostileBundles.manifestOnly("{\"format\":\"a\",\"format\":\"b\"}"));
        assertTrue(duplicate.get(0).contains("Duplicate field 'format'"), duplicate.toString());
    }

    @Test
    void aFileListedTwiceInTheManifestIsRefused() throws IOException {
        byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
        String twice = new String(bundles.manifestListing("reports/x", bytes), StandardCharsets.UTF_8)
                .replace("]}", ",{\"path\":\"reports/x\",\"sha256\":\"" + Sha256.hex(bytes) + "\",\"size\":1}]}");
        List<String> problems = problems(bundles.withManifest(twice.getBytes(StandardCharsets.UTF_8))
                .add("reports/x", bytes));
        assertTrue(mentions(problems, "reports/x: listed twice in the manifest"), problems.toString());
    }

    @Test
    void whatIsNoZipFileIsAnErrorOrAProblemNeverAnException() throws IOException {
        QuiesceException missing = assertThrows(QuiesceException.class, () -> BundleVerifier.verify(dir.resolve("nope.zip")));
        assertTrue(missing.getMessage().endsWith("nope.zip: no such file"), missing.getMessage());
        QuiesceException directory = assertThrows(QuiesceException.class, () -> BundleVerifier.verify(dir));
        assertTrue(directory.getMessage().contains("not a regular file"), directory.getMessage());
        Path junk = Files.write(dir.resolve("junk.zip"), "PK\u0003\u0004 no zip".getBytes(StandardCharsets.ISO_8859_1));
        List<String> problems = BundleVerifier.verify(junk).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("not a readable zip file"), problems.toString());
        List<String> empty = problems(new RawZip());
        assertEquals(List.of("no manifest.json; is this a quiesce evidence bundle?"), empty);
    }

    @Test
    void aManifestOfAnotherFormatOrWithWrongFieldsSaysWhichAndWhere() throws IOException {
        String manifest = new String(bundles.manifest(), StandardCharsets.UTF_8);
        List<String> format = problems(bundles.withManifest(manifest.replace("quiesce-bundle/1", "quiesce-bundle/9")
                .getBytes(StandardCharsets.UTF_8)));
        assertTrue(format.get(0).matches("manifest\\.json:\\d+:\\d+: format is 'quiesce-bundle/9', not quiesce-bundle/1"),
                format.toString());
        List<String> fields = problems(HostileBundles.manifestOnly("{\"format\":\"quiesce-bundle/1\",\"files\":{}}"));
        assertTrue(fields.contains("manifest.json:1:38: 'files' must be a list of {path, sha256, size}"), fields.toString());
        assertTrue(fields.contains("manifest.json:1:1: 'runId' must be a string"), fields.toString());
        List<String> entry = problems(HostileBundles.manifestOnly(HostileBundles.MANIFEST_WITHOUT_PATH
                .replace("\"size\":1", "\"size\":-1").replace("0".repeat(64), "XYZ")));
        assertEquals(3, entry.size(), entry.toString());
        assertTrue(entry.get(1).endsWith("'sha256' must be 64 lower-case hex digits"), entry.toString());
        assertTrue(entry.get(2).endsWith("'size' must be a whole number of bytes"), entry.toString());
    }
}
