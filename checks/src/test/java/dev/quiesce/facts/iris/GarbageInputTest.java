package dev.quiesce.facts.iris;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The instance and CPF readers take what a host printed: random bytes and every cut of real output never throw. */
class GarbageInputTest {
    private static final List<String> SAMPLES = List.of(
            "IRIS^/usr/irissys^2023.1.0.235.1^running, since x^iris.cpf^1972^52773^0^ok^IRIS^Failover^Primary^/d\n",
            "Instance Name  Version  Port  Directory\n-----  -----\nup >IRIS  2023.1  1972  /usr/irissys\n",
            "[Mirrors]\nM=a,b,c,d,8000,0\n[MirrorMember]\nSystemName=A/B\n[Journal]\nCurrentDirectory=/j/\n");
    private static final List<Consumer<String>> READERS = List.of(QlistParser::parse, QallParser::parse,
            text -> {
                Cpf cpf = Cpf.parse(text);
                cpf.mirrors();
                cpf.journalDirectories();
                cpf.mirrorMemberEntries();
            }, InventoryInstances::parse);

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(9);
        String alphabet = "^[]=,\n\r -/>updnIRS0123456789\t\u0000";
        for (int n = 0; n < 3_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                text.append(random.nextBoolean() ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) random.nextInt(0x250));
            }
            String input = text.toString();
            READERS.forEach(reader -> assertDoesNotThrow(() -> reader.accept(input), input));
        }
        byte[] bytes = new byte[4096];
        random.nextBytes(bytes);
        String noise = new String(bytes, StandardCharsets.ISO_8859_1);
        READERS.forEach(reader -> assertDoesNotThrow(() -> reader.accept(noise)));
    }

    /**
     * Real output with random edits (a character replaced, inserted or deleted, a line doubled): unlike random
     * bytes, these reach the readers' deeper branches (a row that almost parses, a mirror line one field short).
     */
    @Test
    void realOutputWithRandomEditsNeverThrowsAndEveryLineIsReadOrSkipped() {
        Random random = new Random(90);
        String alphabet = "^[]=,\n\r -/>updnIRS09\t\u0000\u00e9\ud83d";
        for (int n = 0; n < 6_000; n++) {
            StringBuilder text = new StringBuilder(SAMPLES.get(n % SAMPLES.size()));
            for (int edits = 1 + random.nextInt(6); edits > 0 && !text.isEmpty(); edits--) {
                int at = random.nextInt(text.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(4)) {
                    case 0 -> text.setCharAt(at, c);
                    case 1 -> text.insert(at, c);
                    case 2 -> text.deleteCharAt(at);
                    default -> text.append(text, 0, at);
                }
            }
            String input = text.toString();
            READERS.forEach(reader -> assertDoesNotThrow(() -> reader.accept(input), input));
            long lines = input.lines().filter(l -> !l.isBlank()).count();
            InstanceList qlist = assertDoesNotThrow(() -> QlistParser.parse(input));
            assertTrue(qlist.instances().size() + qlist.skipped().size() == lines,
                    "every non-blank line is an instance or skipped: " + input);
        }
    }

    /** A host's output is read in time linear in its length: a long run of one character cannot stall the audit. */
    @Test
    void longRunsOfOneCharacterAreReadInLinearTime() {
        String dashes = "-".repeat(300_000) + "x\n";
        String slashes = "/".repeat(300_000) + "x";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            QallParser.parse(dashes);
            QallParser.parse("h\n" + dashes + "up  IRIS 1 1 /" + slashes + "\n");
            QlistParser.parse("IRIS^/" + slashes + "^1^running\n");
            Cpf.parse("[Mirrors]\nM=" + ",".repeat(300_000) + "\n").mirrors();
            InventoryInstances.parse("IRIS=/" + slashes + "/");
        });
    }

    @Test
    void everyCutOfRealOutputNeverThrows() {
        for (String sample : SAMPLES) {
            for (int cut = 0; cut <= sample.length(); cut++) {
                String input = sample.substring(0, cut);
                READERS.forEach(reader -> assertDoesNotThrow(() -> reader.accept(input), input));
            }
        }
    }
}
