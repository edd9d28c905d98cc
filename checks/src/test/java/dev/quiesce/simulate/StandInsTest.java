package dev.quiesce.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.facts.iris.Instance;
import dev.quiesce.facts.iris.InstanceList;
import dev.quiesce.facts.iris.QallParser;
import dev.quiesce.facts.iris.QlistParser;
import dev.quiesce.testing.Bwrap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-ins answer as the scenario says, record what they were called with, and list in the parsers' formats. */
class StandInsTest {
    @TempDir
    Path dir;

    private static final Scenario ONE_OF_TWO = new Scenario("t", "test", Scenario.Script.PRE_FREEZE, "freeze", "5", "3",
            List.of("IRIS"), List.of("IRIS", "TEST"), Scenario.Expectation.FROZEN);

    private static ScenarioResult exercise(String script) {
        Bwrap.required();
        return new Simulator(Optional.empty(), Duration.ofSeconds(10), Sandbox.Limits.DEFAULT).run(ONE_OF_TWO,
                script.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyStandInPassesTheShellsSyntaxCheck() throws Exception {
        for (String name : StandIns.NAMES) {
            Path file = Files.writeString(dir.resolve(name), StandIns.script(name));
            Process p = new ProcessBuilder("/bin/sh", "-n", file.toString()).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), name + ": " + said);
        }
    }

    @Test
    void sessionsAnswerByMethodInstanceAndState() {
        ScenarioResult r = exercise("""
                #!/bin/sh
                iris session IRIS -U %SYS "##class(Backup.General).IsWDSuspendedExt()"; echo "a $?"
                iris session iris -U %SYS "##class(Backup.General).ExternalFreeze(\\"/var/log/f.log\\",,,,,,1800)"; echo "b $?"
                irissession IRIS -U '%SYS' <<EOF
                write ##class(Backup.General).IsWDSuspendedExt()
                halt
                EOF
                echo "c $?"
                csession TEST -U%SYS '##Class(Backup.General).ExternalFreeze()'; echo "d $?"
                csession IRIS -U%SYS <<EOF
                do ##Class(Backup.General).ExternalThaw()
                EOF
                echo "e $?"
                csession IRIS -U%SYS '##Class(Backup.General).ExternalSetHistory()'; echo "f $?"
                /usr/irissys/bin/iris stop IRIS; echo "g $?"
                /opt/iris/test/bin/iris freeze IRIS; echo "h $?"
                logger -p user.err "freeze of IRIS failed"; echo "i $?"
                echo piped | logger -t tag; sync; echo "j $?"
                """);
        assertEquals("a 3\nb 5\nc 5\nd 1\ne 3\nf 1\ng 1\nh 0\ni 0\nj 0\n", r.run().stdout().text(), r.run().stderr().text());
        List<Call> calls = r.calls().calls();
        assertEquals(List.of("iris IRIS IsWDSuspendedExt=3", "iris iris ExternalFreeze=5", "irissession IRIS IsWDSuspendedExt=5",
                "csession TEST ExternalFreeze=1", "csession IRIS ExternalThaw=3", "csession IRIS ExternalSetHistory=1",
                "iris stop", "iris IRIS CommandLineFreeze=0", "logger", "logger", "sync"),
                calls.stream().map(Call::summary).toList());
        assertEquals(List.of("session", "iris", "-U", "%SYS", "##class(Backup.General).ExternalFreeze(\"/var/log/f.log\",,,,,,1800)"),
                calls.get(1).arguments());
        assertEquals("write ##class(Backup.General).IsWDSuspendedExt()\nhalt", calls.get(2).input());
        assertEquals("piped", calls.get(9).input());
        assertEquals(List.of("-p", "user.err", "freeze of IRIS failed"), calls.get(8).arguments());
        assertEquals(Optional.empty(), r.calls().problem());
    }

    @Test
    void listingsReadBackThroughTheParsersAsTheScenarioSays() {
        ScenarioResult r = exercise("#!/bin/sh\niris qlist; echo =; ccontrol qall; echo =; iris qlist test; echo =; "
                + "/usr/cachesys/bin/ccontrol qlist\n");
        String[] parts = r.run().stdout().text().split("=\n", -1);
        InstanceList qlist = QlistParser.parse(parts[0]);
        assertEquals(List.of(), qlist.skipped());
        assertEquals(List.of("IRIS", "TEST"), qlist.instances().stream().map(Instance::name).toList());
        assertEquals(List.of(Instance.State.RUNNING, Instance.State.DOWN),
                qlist.instances().stream().map(Instance::state).toList());
        InstanceList qall = QallParser.parse(parts[1]);
        assertEquals(List.of(), qall.skipped());
        assertEquals(List.of(Instance.State.RUNNING, Instance.State.DOWN), qall.instances().stream().map(Instance::state).toList());
        assertEquals("/usr/cachesys", qall.instances().get(0).directory());
        assertEquals(List.of("TEST"), QlistParser.parse(parts[2]).instances().stream().map(Instance::name).toList());
        assertEquals(2, QlistParser.parse(parts[3]).instances().size());
        assertTrue(parts[3].contains("cache.cpf"), parts[3]);
    }

    @Test
    void absolutePathsAScriptMentionsGetAStandIn() {
        assertEquals(List.of("/opt/cache/bin/csession", "/usr/local/bin/logger", "/bin/sync"), StandIns.mentioned(
                "CS=/opt/cache/bin/csession\n$DIR/bin/csession x; /usr/local/bin/logger -t x; /usr/bin/csessions; "
                        + "/bin/sync; /a//b/iris; /x/../iris; /dev/iris"));
        ScenarioResult r = exercise("#!/bin/sh\n/opt/cache/bin/csession IRIS 'ExternalFreeze()'; echo \"a $?\"\n");
        assertEquals("a 5\n", r.run().stdout().text(), r.run().stderr().text());
    }
}
