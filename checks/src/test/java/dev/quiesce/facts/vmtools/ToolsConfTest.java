package dev.quiesce.facts.vmtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * tools.conf is read as GLib reads it, and GLib itself is the judge: thousands of texts made of the lines
 * real files and their mistakes hold are read by {@link ToolsConf} and by GLib's own key file (through
 * python3-gi), and must agree on whether the file loads and on every value vmtoolsd would take.
 */
class ToolsConfTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String[]> KEYS = List.of(new String[] {"vmbackup", "execScripts"},
            new String[] {"vmbackup", "enableSyncDriver"}, new String[] {"vmbackup", "timeout"},
            new String[] {"vmbackup", "exec Scripts"}, new String[] {"logging", "execScripts"});
    private static final List<String> LINES = List.of("[vmbackup]", "  [vmbackup]  ", "[vmbackup] x", "[vm backup]", "[]",
            "[a[b]", "[logging]", "[vmbackup", "\t[vmbackup]\t", "# comment", "; comment", "", "\t", "   # indented",
            "execScripts", "=x", "exec Scripts=1", " execScripts =0", "execScripts[de]=0", "execScripts[d e]=0",
            "execScripts = false\r", "enableSyncDriver=false", "timeout=900", "timeout = 1200 ", "timeout=+5",
            "timeout=-3", "timeout=0x10", "timeout=9999999999", "timeout=12s", "timeout=", "timeout=2147483647",
            "timeout=2147483648", "timeout=-2147483648", "timeout=007");
    private static final List<String> VALUES = List.of("true", "false", "True", "FALSE", "1", "0", " false ", "false # c",
            "", "yes", "\ttrue\t", "truee", "01");

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int lines = 1 + random.nextInt(6);
        for (int i = 0; i < lines; i++) {
            if (random.nextInt(3) == 0) {
                String[] key = KEYS.get(random.nextInt(KEYS.size()));
                text.append(key[1]).append('=').append(VALUES.get(random.nextInt(VALUES.size())));
            } else {
                text.append(LINES.get(random.nextInt(LINES.size())));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static List<JsonNode> glib(List<String> texts) throws IOException, InterruptedException {
        Path script = Path.of("src/test/resources/glib/keyfile.py").toAbsolutePath();
        Process python;
        try {
            python = new ProcessBuilder("/usr/bin/python3", script.toString()).start();
        } catch (IOException e) {
            return fail("/usr/bin/python3 could not be started (" + e.getMessage() + "); this test reads tools.conf "
                    + "with GLib itself: apt-get install python3-gi gir1.2-glib-2.0");
        }
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> read(python.getErrorStream()));
        try (OutputStream in = python.getOutputStream()) {
            List<List<String>> keys = KEYS.stream().map(List::of).toList();
            JSON.writeValue(in, Map.of("texts", texts, "keys", keys));
        }
        JsonNode answers = JSON.readTree(python.getInputStream());
        if (python.waitFor() != 0 || answers == null) {
            fail("GLib's reader failed (install python3-gi and gir1.2-glib-2.0): " + new String(err.join()));
        }
        List<JsonNode> list = new ArrayList<>();
        answers.forEach(list::add);
        return list;
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String ours(ToolsConf conf, String group, String key, boolean asBoolean) {
        Optional<ToolsConf.Entry> entry = conf.entry(group, key);
        if (entry.isEmpty()) {
            return null;
        }
        return asBoolean ? ToolsConf.asBoolean(entry.get().value()).map(String::valueOf).orElse("invalid")
                : ToolsConf.asInteger(entry.get().value()).map(String::valueOf).orElse("invalid");
    }

    @Test
    void everyTextIsReadAsGlibReadsIt() throws IOException, InterruptedException {
        Random random = new Random(12);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            texts.add(randomText(random));
        }
        List<JsonNode> glib = glib(texts);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            ToolsConf conf = ToolsConf.parse(texts.get(i));
            JsonNode theirs = glib.get(i);
            boolean loaded = theirs.get("loaded").isBoolean();
            if (loaded != conf.refusal().isEmpty()) {
                disagreements.add(JSON.writeValueAsString(texts.get(i)) + ": GLib " + (loaded ? "loads it" : "refuses it")
                        + ", ToolsConf " + conf.refusal().map(ToolsConf.Refusal::why).orElse("loads it"));
                continue;
            }
            if (!loaded) {
                continue;
            }
            for (String[] key : KEYS) {
                for (boolean asBoolean : new boolean[] {true, false}) {
                    String name = key[0] + "." + key[1] + (asBoolean ? ".bool" : ".int");
                    JsonNode value = theirs.get("readings").get(name);
                    String expected = value == null || value.isNull() ? null : value.asText();
                    String actual = ours(conf, key[0], key[1], asBoolean);
                    if (!java.util.Objects.equals(expected, actual)) {
                        disagreements.add(JSON.writeValueAsString(texts.get(i)) + " " + name + ": GLib " + expected
                                + ", ToolsConf " + actual);
                    }
                }
            }
        }
        assertTrue(disagreements.isEmpty(), disagreements.size() + " disagreements, e.g.\n"
                + String.join("\n", disagreements.subList(0, Math.min(15, disagreements.size()))));
    }

    @Test
    void aSemicolonCommentMakesTheWholeFileFailAndSaysWhere() {
        ToolsConf conf = ToolsConf.parse("[vmbackup]\nexecScripts=false\n; disabled by the backup team\n");
        assertEquals(Optional.of(new ToolsConf.Refusal(3, "the line is not a [group], a key=value or a # comment")),
                conf.refusal());
        assertEquals(Optional.empty(), conf.entry("vmbackup", "execScripts"), "a file GLib refuses has no values");
    }

    @Test
    void onlyAKeyBeforeTheFirstGroupLoadsEmptyInVmtoolsd() {
        // vmtoolsConfig.c accepts G_KEY_FILE_ERROR_GROUP_NOT_FOUND as a loaded file; any other refusal is not loaded.
        assertEquals(Optional.of(new ToolsConf.Refusal(2, "a key before the first [group]", true)),
                ToolsConf.parse("# tools\nexecScripts=false\n[vmbackup]\n").refusal());
        assertEquals(false, ToolsConf.parse("[vmbackup]\n; off\n").refusal().orElseThrow().loadsEmpty());
    }

    @Test
    void theLastValueWinsAndKeepsItsLine() {
        ToolsConf conf = ToolsConf.parse("[vmbackup]\nexecScripts=false\n[logging]\n[vmbackup]\nexecScripts = true\n");
        assertEquals(Optional.of(new ToolsConf.Entry("execScripts", "true", 5)), conf.entry("vmbackup", "execScripts"));
        assertEquals(Optional.of(true), ToolsConf.asBoolean("true"));
        assertEquals(Optional.empty(), ToolsConf.asBoolean("False"));
    }

    @Test
    void garbageNeverThrows() throws IOException {
        Random random = new Random(5);
        for (int i = 0; i < 2_000; i++) {
            String alphabet = "[]=#; \t\r\nab01";
            char[] text = new char[random.nextInt(80)];
            for (int j = 0; j < text.length; j++) {
                text[j] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            ToolsConf conf = ToolsConf.parse(new String(text));
            conf.entry("vmbackup", "a").ifPresent(e -> ToolsConf.asBoolean(e.value()));
        }
        assertTrue(Files.exists(Path.of("src/test/resources/glib/keyfile.py")));
    }
}
