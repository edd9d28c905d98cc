package dev.quiesce.facts.iris;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.nio.charset.StandardCharsets;
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
            });

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
