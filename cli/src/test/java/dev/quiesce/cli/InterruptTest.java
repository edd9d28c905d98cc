package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiesce.testing.GuestTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C during a fleet audit writes the partial report, finished hosts complete, the rest marked. */
class InterruptTest {
    @TempDir
    Path dir;

    @Test
    void ctrlCWritesThePartialReport() throws Exception {
        GuestTree tree = GuestTree.passing(dir.resolve("tree"));
        assertEquals(0, Cli.run("collect", "--local", "--root", tree.root().toString(), "--name", "done-host", "-o",
                dir.resolve("done.capture.json").toString()).exit());
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            Path inventory = dir.resolve("inventory.yaml");
            Files.writeString(inventory, "apiVersion: quiesce/v1\nkind: Inventory\nhosts:\n"
                    + "  - {name: done-host, roles: [guest], capture: done.capture.json}\n"
                    + "  - {name: hanging-host, roles: [guest], ssh: {host: 127.0.0.1, port: " + silent.getLocalPort()
                    + "}}\n");
            Path out = dir.resolve("out");
            Process audit = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), QuiesceCommand.class.getName(), "audit", "--inventory",
                    inventory.toString(), "--connect-timeout", "120", "--retries", "0", "--format", "json",
                    "--out", out.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader err = new BufferedReader(new InputStreamReader(audit.getErrorStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = err.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.contains("done-host: AUDITED")) {
                    break;
                }
            }
            assertTrue(seen.toString().contains("1/2 done-host: AUDITED"), seen.toString());
            new ProcessBuilder("kill", "-INT", String.valueOf(audit.pid())).start().waitFor();
            assertTrue(audit.waitFor(60, TimeUnit.SECONDS), "the audit stopped after Ctrl-C");
            assertEquals(130, audit.exitValue(), "the documented exit code of an interrupted run");
            String rest = new String(audit.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(rest.contains("interrupted; wrote the partial report"), seen + rest);

            JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
            Map<String, JsonNode> hosts = new HashMap<>();
            report.get("hosts").forEach(h -> hosts.put(h.get("name").asText(), h));
            assertEquals("AUDITED", hosts.get("done-host").get("status").asText());
            assertEquals("ERROR", hosts.get("hanging-host").get("status").asText());
            assertTrue(hosts.get("hanging-host").get("error").asText().contains("not finished"), report.toString());
        }
    }
}
