package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiesce.testing.GuestTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fleet audited in shards by separate jobs, then merged into one report. */
class ShardMergeTest {
    @TempDir
    Path dir;

    @Test
    void shardsAreDisjointAndMergeBackIntoTheWholeFleet() throws IOException {
        GuestTree tree = GuestTree.passing(dir.resolve("tree")).mode(GuestTree.FREEZE, "0755");
        StringBuilder inventory = new StringBuilder("apiVersion: quiesce/v1\nkind: Inventory\nhosts:\n");
        for (int i = 1; i <= 9; i++) {
            Path capture = dir.resolve("h" + i + ".capture.json");
            assertEquals(0, Cli.withFileRules("collect", "--local", "--root", tree.root().toString(), "--name", "h" + i, "-o",
                    capture.toString()).exit());
            // The tree runs no IRIS or Caché instance, and the inventory says so (commands cannot run under --root).
            inventory.append("  - {name: h").append(i).append(", roles: [guest], vars: {instances: none}, capture: ")
                    .append(capture.getFileName()).append("}\n");
        }
        Path file = dir.resolve("inventory.yaml");
        Files.writeString(file, inventory);

        List<String> parts = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        int total = 0;
        for (int i = 1; i <= 3; i++) {
            Path out = dir.resolve("shard" + i);
            Cli shard = Cli.withFileRules("audit", "--inventory", file.toString(), "--shard", i + "/3", "--format", "json",
                    "--out", out.toString());
            assertTrue(shard.exit() == 0 || shard.exit() == 1, shard.toString());
            JsonNode hosts = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("hosts");
            total += hosts.size();
            hosts.forEach(h -> seen.add(h.get("name").asText()));
            parts.add(out.resolve("report.json").toString());
        }
        assertEquals(9, total, "every host in exactly one shard");
        assertEquals(9, seen.size());

        Path merged = dir.resolve("merged.json");
        List<String> args = new ArrayList<>(List.of("merge", "-o", merged.toString()));
        args.addAll(parts);
        Cli merge = Cli.run(args.toArray(String[]::new));
        assertEquals(1, merge.exit(), merge.toString());
        JsonNode report = new ObjectMapper().readTree(merged.toFile());
        assertEquals(9, report.get("hosts").size());
        int rules = report.get("hosts").get(0).get("findings").size();
        // ERROR: the rules that need a command, which a capture of a tree has no answer for
        assertEquals(9 * rules, report.get("summary").get("PASS").asInt() + report.get("summary").get("FAIL").asInt()
                + report.get("summary").get("ERROR").asInt(), "summary recomputed over all hosts");
        assertEquals(9, report.get("summary").get("FAIL").asInt(), "one mode failure per host");
        ReportSchema.assertValid(merged);

        Cli twice = Cli.run("merge", "-o", dir.resolve("bad.json").toString(), parts.get(0), parts.get(0));
        assertEquals(2, twice.exit(), twice.toString());
        assertTrue(twice.err().contains("shard 1/3 is given twice"), twice.err());
        Cli missing = Cli.run("merge", "-o", dir.resolve("bad.json").toString(), parts.get(0), parts.get(2));
        assertEquals(2, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("shard(s) 2/3 missing"), missing.err());
        assertEquals("1/3", new ObjectMapper().readTree(Path.of(parts.get(0)).toFile()).get("run").get("shard").asText());
    }

    @Test
    void aShardSpecificationIsChecked() {
        Cli cli = Cli.withFileRules("audit", "--local", "--root", dir.toString(), "--shard", "4/3");
        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("i must be from 1 to n"), cli.err());
    }
}
