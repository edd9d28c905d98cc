package dev.quiesce.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiesce.facts.FactRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A capture's scan request: the window and decompress settings round-trip; a capture made before reads as none. */
class FactRequestJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FactRequest.FileLines PLAIN = FactRequest.FileLines.in("/usr/irissys/mgr", "messages.log*",
            List.of("freeze", "thaw"), 4096);

    @Test
    void aScanOfEveryFileWritesWhatCapturesMadeBeforeHeld() throws Exception {
        assertEquals("{\"kind\":\"lines\",\"pattern\":\"/usr/irissys/mgr/messages.log*\",\"fixedStrings\":[\"freeze\","
                + "\"thaw\"],\"maxBytes\":4096}", JSON.writeValueAsString(FactRequestJson.write(PLAIN)));
        assertEquals(PLAIN, FactRequestJson.read(JSON.readTree("{\"kind\":\"lines\",\"pattern\":"
                + "\"/usr/irissys/mgr/messages.log*\",\"fixedStrings\":[\"freeze\",\"thaw\"],\"maxBytes\":4096}")));
    }

    @Test
    void theWindowAndDecompressRoundTrip() throws Exception {
        FactRequest.FileLines windowed = PLAIN.modifiedWithin(Duration.ofDays(8)).decompressing();
        String written = JSON.writeValueAsString(FactRequestJson.write(windowed));
        assertEquals("{\"kind\":\"lines\",\"pattern\":\"/usr/irissys/mgr/messages.log*\",\"fixedStrings\":[\"freeze\","
                + "\"thaw\"],\"maxBytes\":4096,\"modifiedWithinSeconds\":691200,\"decompress\":true}", written);
        assertEquals(windowed, FactRequestJson.read(JSON.readTree(written)));
        FactRequest.FileLines onlyGz = PLAIN.decompressing();
        assertEquals(onlyGz, FactRequestJson.read(FactRequestJson.write(onlyGz)));
    }

    @Test
    void settingsOfTheWrongTypeOrRangeAreRefused() throws Exception {
        String base = "{\"kind\":\"lines\",\"pattern\":\"/l/*\",\"fixedStrings\":[\"x\"],\"maxBytes\":10,";
        for (String bad : List.of("\"modifiedWithinSeconds\":\"8d\"}", "\"modifiedWithinSeconds\":1.5}",
                "\"modifiedWithinSeconds\":-1}", "\"decompress\":\"yes\"}", "\"decompress\":1}")) {
            assertThrows(IllegalArgumentException.class, () -> FactRequestJson.read(JSON.readTree(base + bad)), bad);
        }
    }
}
