package dev.quiesce.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CallLogTest {
    private static byte[] record(String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String f : fields) {
            out.writeBytes(f.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }

    private static final byte[] TWO = concat(record("QZCALL", "csession", "ExternalFreeze", "IRIS", "5", "", "3", "IRIS",
            "-U%SYS", "##Class(Backup.General).ExternalFreeze()"), record("QZCALL", "logger", "logger", "", "0",
            "line one\nline two", "0"));

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void recordsAreReadWithTheirArgumentsAndInput() {
        CallLog log = CallLog.parse(TWO);
        assertEquals(Optional.empty(), log.problem());
        assertEquals(2, log.calls().size());
        assertEquals(List.of("IRIS", "-U%SYS", "##Class(Backup.General).ExternalFreeze()"), log.calls().get(0).arguments());
        assertEquals("csession IRIS ExternalFreeze=5", log.calls().get(0).summary());
        assertEquals("line one\nline two", log.calls().get(1).input());
        assertEquals(new CallLog(List.of(), Optional.empty()), CallLog.parse(new byte[0]));
    }

    @Test
    void aLogCutAtAnyByteKeepsTheCompleteCallsAndSaysItBroke() {
        int first = record("QZCALL", "csession", "ExternalFreeze", "IRIS", "5", "", "3", "IRIS", "-U%SYS",
                "##Class(Backup.General).ExternalFreeze()").length;
        for (int cut = 1; cut < TWO.length; cut++) {
            CallLog log = CallLog.parse(Arrays.copyOf(TWO, cut));
            assertEquals(cut < first ? 0 : 1, log.calls().size(), "cut at " + cut);
            if (cut != first) {
                assertTrue(log.problem().isPresent(), "cut at " + cut);
            }
        }
    }

    @Test
    void garbageNeverThrows() {
        Random random = new Random(9);
        for (int i = 0; i < 5000; i++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            if (random.nextBoolean() && bytes.length > 10) {
                byte[] head = record("QZCALL", "iris", "qall", "", "0", "", Integer.toString(random.nextInt(5) - 1));
                System.arraycopy(head, 0, bytes, 0, Math.min(head.length, bytes.length));
            }
            CallLog log = CallLog.parse(bytes);
            assertTrue(log.calls().size() <= bytes.length);
        }
        assertTrue(CallLog.parse(record("QZCALL", "a", "b", "c", "d", "e", "99999999999")).problem().isPresent());
        assertTrue(CallLog.parse(record("QZCALL", "a", "b", "c", "d", "e", "-1")).problem().isPresent());
        assertTrue(CallLog.parse(record("forged")).problem().isPresent());
    }
}
