package dev.quiesce.facts.iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpfTest {
    /** The shape of a real IRIS mirror primary's CPF (15 values per [Mirrors] line; QoS is the fifth). */
    private static final String PRIMARY = """
            [ConfigFile]
            Product=IRIS
            Version=2023.1
            [Journal]
            AlternateDirectory=/journal2/
            CurrentDirectory=/journal1/
            JournalFilePrefix=
            [MirrorMember]
            AsyncMemberType=0
            JoinMirror=1
            SystemName=MIRRORA/IRIS
            ValidatedMember=1
            [Mirrors]
            MIRRORA=0c8a6c0e-1e2f-4b4f-9d7e-5a1b2c3d4e5f,2,1,,8000,0,1,,0,arbiter.example.internal|2188,0,0,0,0,0
            """;

    @Test
    void theQosTimeoutIsTheFifthValueInMilliseconds() {
        Cpf cpf = Cpf.parse(PRIMARY);
        assertEquals(List.of(new Cpf.Mirror("MIRRORA", Optional.of(Duration.ofSeconds(8)), false, "", 14)), cpf.mirrors());
        assertEquals(List.of("/journal1/", "/journal2/"), cpf.journalDirectories());
        assertEquals(4, cpf.mirrorMemberEntries().size());
        assertEquals(List.of(), cpf.unreadLines());
    }

    @Test
    void anEmptyFifthValueIsTheDefaultAndSaysSo() {
        Cpf.Mirror mirror = Cpf.parse("[Mirrors]\nM=a,b,c,d,,f\n").mirrors().get(0);
        assertEquals(Optional.of(Cpf.DEFAULT_QOS), mirror.qosTimeout());
        assertTrue(mirror.qosDefaulted());
    }

    @Test
    void aFifthValueThatIsNoNumberOrMissingLeavesTheTimeoutUnknownWithWhy() {
        List<Cpf.Mirror> mirrors = Cpf.parse("[Mirrors]\nM=a,b,c,d,8s\nN=a,b\nO=a,b,c,d,99999999999\n").mirrors();
        assertEquals(List.of(Optional.<Duration>empty(), Optional.<Duration>empty(), Optional.<Duration>empty()),
                mirrors.stream().map(Cpf.Mirror::qosTimeout).toList());
        assertTrue(mirrors.get(0).why().contains("'8s' is not a number"), mirrors.get(0).why());
        assertTrue(mirrors.get(1).why().contains("2 comma-separated values"), mirrors.get(1).why());
    }

    @Test
    void aDefaultCpfsEmptyMirrorMemberSectionIsNoMembership() {
        Cpf cpf = Cpf.parse("[MirrorMember]\nAsyncMemberType=\nJoinMirror=\nSystemName=\n[Mirrors]\n[Journal]\n");
        assertEquals(List.of(), cpf.mirrorMemberEntries());
        assertEquals(List.of(), cpf.mirrors());
        assertEquals(List.of(), cpf.journalDirectories());
    }

    @Test
    void aLaterValueOverridesAnEarlierOneAndStrayLinesAreCounted() {
        Cpf cpf = Cpf.parse("stray before any section\n[Journal]\nCurrentDirectory=/a/\nno equals here\n"
                + "CurrentDirectory=/b/\r\n");
        assertEquals(Optional.of("/b/"), cpf.value("Journal", "CurrentDirectory"));
        assertEquals(List.of(1, 4), cpf.unreadLines());
    }
}
