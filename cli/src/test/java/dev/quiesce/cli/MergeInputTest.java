package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports handed to merge are input like any other: a bad one is exit 2 at its line and column, never a crash. */
class MergeInputTest {
    private static final String SHARD = "\"shard\" : \"1/1\"";

    @TempDir
    Path dir;

    private String shardReport() throws IOException {
        Path out = dir.resolve("shard");
        Cli audit = Cli.run("audit", "--capture", Path.of("../examples/db-good.capture.json").toString(), "--shard", "1/1",
                "--format", "json", "--out", out.toString());
        assertEquals(0, audit.exit(), audit.toString());
        String report = Files.readString(out.resolve("report.json"));
        assertTrue(report.contains(SHARD), report);
        return report;
    }

    private Cli merge(String name, byte[] report) throws IOException {
        Path file = Files.write(dir.resolve(name), report);
        return Cli.run("merge", file.toString(), "-o", dir.resolve("merged.json").toString());
    }

    @Test
    void aShardMarkOutOfRangeIsNamedAtItsPlace() throws IOException {
        String report = shardReport();
        int line = (int) report.substring(0, report.indexOf(SHARD)).lines().count();
        for (String mark : new String[] {"abc", "1/2147483647", "1/-5", "0/0", "3/2", "1/10001"}) {
            Cli merge = merge("r.json", report.replace(SHARD, "\"shard\" : \"" + mark + "\"")
                    .getBytes(StandardCharsets.UTF_8));
            assertEquals(2, merge.exit(), mark + ": " + merge);
            assertTrue(merge.err().contains("r.json:" + line + ":15: run.shard"), mark + ": " + merge.err());
        }
        assertEquals(0, merge("ok.json", report.getBytes(StandardCharsets.UTF_8)).exit());
    }

    @Test
    void duplicateKeysTrailingValuesAndLatin1AreRefused() throws IOException {
        String report = shardReport();
        Cli duplicate = merge("d.json", report.replaceFirst("\"schema\" :", "\"schema\" : \"x\",\n  \"schema\" :")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(2, duplicate.exit(), duplicate.toString());
        assertTrue(duplicate.err().contains("d.json:3:11: not a readable JSON report: Duplicate field 'schema'"),
                duplicate.err());
        Cli trailing = merge("t.json", (report + "{\"schema\":\"forged\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(2, trailing.exit(), trailing.toString());
        assertTrue(trailing.err().contains("Trailing token"), trailing.err());
        Cli latin1 = merge("l.json", report.replace("db-good", "db-g\u00e9od").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(2, latin1.exit(), latin1.toString());
        assertTrue(latin1.err().contains("not UTF-8"), latin1.err());
    }

    @Test
    void aWrongFieldIsNamedAtItsPlace() throws IOException {
        String report = shardReport();
        Cli merge = merge("s.json", report.replaceFirst("\"status\" : \"AUDITED\"", "\"status\" : \"PWNED\"")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(2, merge.exit(), merge.toString());
        assertTrue(merge.err().matches("(?s).*s\\.json:\\d+:\\d+: 'status' is 'PWNED', not one of.*"), merge.err());
    }
}
