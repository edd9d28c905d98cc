package dev.quiesce.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.AuditRun;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.Status;
import dev.quiesce.testing.SyntheticRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report read back is the report written; a report that is not one is named at its line and column. */
class JsonReportReaderTest {
    @TempDir
    Path dir;

    private static AuditRun run() {
        return SyntheticRuns.builder().hosts(2).rules(3).unreachable(1, "connection refused")
                .finding((h, r, f) -> f.status(Status.FAIL).message("m" + r).observed("o").expected("e")
                        .evidence("stat /x", "excerpt")
                        .table("t", List.of("a", "b"), List.of(List.of("1", "2"))))
                .build().asShard("2/3");
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("report.json"), json);
    }

    @Test
    void aReportReadBackWritesTheSameJson() throws IOException {
        String json = JsonReport.toJson(run());
        AuditRun read = JsonReportReader.read(write(json));
        assertEquals(json, JsonReport.toJson(read));
        assertEquals("2/3", read.shard());
    }

    private String problem(String json) throws IOException {
        return assertThrows(QuiesceException.class, () -> JsonReportReader.read(write(json))).getMessage();
    }

    @Test
    void eachWrongFieldIsNamedAtItsLineAndColumn() throws IOException {
        String json = JsonReport.toJson(run());
        String shard = problem(json.replace("\"shard\" : \"2/3\"", "\"shard\" : \"4/3\""));
        assertTrue(shard.matches(".*report\\.json:\\d+:\\d+: run\\.shard 4/3: i must be from 1 to n"), shard);
        String shardType = problem(json.replace("\"shard\" : \"2/3\"", "\"shard\" : 2"));
        assertTrue(shardType.endsWith(": 'shard' must be a string"), shardType);
        String status = problem(json.replaceFirst("\"status\" : \"FAIL\"", "\"status\" : \"PASSED\""));
        assertTrue(status.matches(".*:\\d+:\\d+: 'status' is 'PASSED', not one of \\[PASS, FAIL, ERROR, SKIPPED, WAIVED\\]"),
                status);
        String time = problem(json.replaceFirst("\"started\" : \"[^\"]+\"", "\"started\" : \"yesterday\""));
        assertTrue(time.contains(": 'started' must be a time"), time);
        String list = problem(json.replaceFirst("\"roles\" : \\[[^\\]]*\\]", "\"roles\" : \"guest\""));
        assertTrue(list.contains(": 'roles' must be a list"), list);
        String severity = problem(json.replaceFirst("\"severity\" : \"[a-z]+\"", "\"severity\" : \"severe\""));
        assertTrue(severity.contains(": 'severity' is not one of"), severity);
    }

    @Test
    void theLineAndColumnArePreciselyWhereTheValueStarts() throws IOException {
        String json = JsonReport.toJson(run());
        int at = json.indexOf("\"shard\" : \"2/3\"") + "\"shard\" : ".length();
        String before = json.substring(0, at);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = at - before.lastIndexOf('\n');
        String message = problem(json.replace("\"shard\" : \"2/3\"", "\"shard\" : \"x\""));
        assertTrue(message.contains("report.json:" + line + ":" + column + ": "), message + " at " + line + ":" + column);
    }

    @Test
    void notAReportAtAllSaysSo() throws IOException {
        assertTrue(problem("{\"schema\":\"other\"}").contains("not a quiesce report"));
        assertTrue(problem("[1,2]").contains("not a quiesce report"));
        assertTrue(problem("{\"a\":1} {\"b\":2}").contains("Trailing token"));
        Files.write(dir.resolve("report.json"), "{\"schema\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(assertThrows(QuiesceException.class, () -> JsonReportReader.read(dir.resolve("report.json")))
                .getMessage().contains("not UTF-8"));
    }
}
