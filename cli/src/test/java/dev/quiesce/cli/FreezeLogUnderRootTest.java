package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiesce.testing.FreezeLogs;
import dev.quiesce.testing.GuestTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The freeze-log rules through the real probe on a directory tree: the article's scripts name the logs for the
 * instance --var names, the tree's /etc/timezone places their local times, and --since sets the window.
 */
class FreezeLogUnderRootTest {
    private static final String PACK = "../rules/iris-freeze-log.yaml";
    private static final Path ARTICLE = Path.of("..", "checks", "src", "test", "resources", "scripts", "article");

    @TempDir
    Path dir;

    @Test
    void sinceNarrowsTheWindowToTheFreezesInIt() throws IOException {
        GuestTree tree = guest();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        new FreezeLogs("CACHE", "/usr/cachesys", "cconsole.log", ZoneId.of("Europe/Berlin"))
                .night(FreezeLogs.Night.good(now.minus(60, ChronoUnit.HOURS), 9))
                .night(FreezeLogs.Night.good(now.minus(30, ChronoUnit.HOURS), 8))
                .night(FreezeLogs.Night.good(now.minus(1, ChronoUnit.HOURS), 7)).writeTo(tree);
        Path out = dir.resolve("out");

        Cli cli = audit(tree, out, "--since", "36h");

        assertEquals(0, cli.exit(), cli.toString());
        JsonNode marker = finding(out, "QZ-JM-001");
        assertEquals("PASS", marker.get("status").asText(), marker.toString());
        assertTrue(marker.get("observed").asText().contains("2 of 2 freeze(s)"), marker.toString());
        assertTrue(marker.get("observed").asText().contains("local times in Europe/Berlin (/etc/timezone"),
                marker.toString());
        assertEquals(2, marker.at("/details/tables/0/rows").size(), marker.toString());
        assertTrue(Files.readString(out.resolve("report.html")).contains("Time frozen per freeze"));
        ReportSchema.assertValid(out.resolve("report.json"));
    }

    @Test
    void aSinceThatIsNotADurationIsRefusedBeforeAnyHost() throws IOException {
        Cli cli = audit(guest(), dir.resolve("out"), "--since", "week");

        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("--since week: write a duration such as 8d, 36h or 1d12h"), cli.toString());
    }

    private Cli audit(GuestTree tree, Path out, String... more) {
        String[] args = {"audit", "--local", "--root", tree.root().toString(), "--no-builtin-rules", "--rules", PACK,
                "--role", "cache", "--var", "instances=CACHE=/usr/cachesys", "--format", "json,html",
                "--out", out.toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return Cli.run(all);
    }

    private GuestTree guest() throws IOException {
        return GuestTree.passing(dir.resolve("guest"))
                .file(GuestTree.FREEZE, Files.readString(ARTICLE.resolve("pre-freeze-script")), "0700")
                .file(GuestTree.THAW, Files.readString(ARTICLE.resolve("post-thaw-script")), "0700")
                .file("/etc/timezone", "Europe/Berlin\n", "0644");
    }

    private static JsonNode finding(Path out, String rule) throws IOException {
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        for (JsonNode f : report.at("/hosts/0/findings")) {
            if (f.get("rule").asText().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError("no " + rule + " in " + report);
    }
}
