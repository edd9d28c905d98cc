package dev.quiesce.facts.vmtools;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import dev.quiesce.facts.ProcessList;
import dev.quiesce.facts.UnitFileState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The VMware Tools readers take what a host holds or printed: random text, random bytes and every cut
 * of real files and outputs never throw (each reading is used as a check uses it).
 */
class GarbageInputTest {
    private static final List<String> SAMPLES = List.of(
            "[logging]\nlog = true\n\n[vmbackup]\n# scripts\nexecScripts = false\r\nenableSyncDriver=0\ntimeout=900\n"
                    + "excludedFileSystems=/mnt/a,/mnt/b\nkey[de_DE]=x\n",
            "12.3.5.46049 (build-22544099)\n", "13.1.0.0.25218885\n",
            "root     /usr/bin/vmtoolsd\nalice    /usr/bin/vmtoolsd -n vmusr --blockFd 3\nroot [kworker/0:1]\n",
            "ntp.service is not a native service\nenabled\n");
    private static final List<Consumer<String>> READERS = List.of(
            text -> {
                ToolsConf conf = ToolsConf.parse(text);
                conf.refusal();
                for (String key : List.of("execScripts", "enableSyncDriver", "timeout", "", "[", "key[de_DE]")) {
                    conf.entry("vmbackup", key).ifPresent(e -> {
                        ToolsConf.asBoolean(e.value());
                        ToolsConf.asInteger(e.value());
                    });
                }
                ToolsConf.asBoolean(text);
                ToolsConf.asInteger(text);
                ToolsConf.asString(text).ifPresent(v -> {
                    ExcludedFileSystems excluded = ExcludedFileSystems.parse(v);
                    excluded.matching(text);
                    excluded.patterns().forEach(p -> excluded.matching(p + text));
                });
            },
            text -> ToolsVersion.parse(text).ifPresent(v -> v.atLeast(v.release())),
            text -> ProcessList.parse(text).processes().forEach(p -> {
                p.program();
                p.optionValues("n", "name");
                p.commandLine();
            }),
            UnitFileState::parse);

    @Test
    void randomTextNeverThrows() {
        Random random = new Random(91);
        String alphabet = "[]=#;. \t\r\n-+0123456789abfnrtuelsvx()/\u0000\u00e9\ud83d\ude00";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(160);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(4) > 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) random.nextInt(0x10000));
            }
            String input = text.toString();
            READERS.forEach(reader -> assertDoesNotThrow(() -> reader.accept(input), input));
        }
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(19);
        for (int n = 0; n < 200; n++) {
            byte[] bytes = new byte[random.nextInt(4096)];
            random.nextBytes(bytes);
            for (String input : List.of(new String(bytes, StandardCharsets.UTF_8),
                    new String(bytes, StandardCharsets.ISO_8859_1))) {
                READERS.forEach(reader -> assertDoesNotThrow(() -> reader.accept(input)));
            }
        }
    }

    @Test
    void everyCutOfRealInputNeverThrows() {
        for (String sample : SAMPLES) {
            for (int cut = 0; cut <= sample.length(); cut++) {
                String head = sample.substring(0, cut);
                String tail = sample.substring(cut);
                READERS.forEach(reader -> {
                    assertDoesNotThrow(() -> reader.accept(head), head);
                    assertDoesNotThrow(() -> reader.accept(tail), tail);
                });
            }
        }
    }
}
