package dev.quiesce.facts.script;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiesce.facts.script.ScriptLogFiles.LogFileUse;
import dev.quiesce.facts.script.ScriptLogFiles.Origin;
import dev.quiesce.facts.script.ScriptLogFiles.UnknownLogFile;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Which log files a run finds: the LogFile of freeze and thaw calls, and the files the script writes. */
class ScriptLogFilesTest {
    private static final List<String> TWO = List.of("IRIS", "TEST");

    private static ScriptRun.Result run(String body) {
        return ScriptRun.run(ShellScript.parse("#!/bin/bash\n" + body + "\n"),
                ScriptRun.Scenario.of("freeze", 5, 5, TWO));
    }

    private static ScriptLogFiles files(String body) {
        return ScriptLogFiles.of(run(body));
    }

    private static LogFileUse written(String path, int line, boolean append) {
        return new LogFileUse(path, Origin.WRITTEN, line, Optional.empty(), append);
    }

    private static LogFileUse freeze(String path, int line, String instance) {
        return new LogFileUse(path, Origin.FREEZE_LOGFILE, line, Optional.ofNullable(instance), false);
    }

    @Test
    void theArticleFreezeScriptWritesTheSnapshotLogAndOneLogFilePerInstance() {
        ScriptLogFiles f = ScriptLogFiles.of(Scripts.run("article/pre-freeze-script", "freeze", 5, 5, TWO));
        assertEquals(List.of(written("/var/log/snapshot.log", 12, true),
                freeze("/var/log/IRIS-pre_post.log", 25, "IRIS"),
                freeze("/var/log/TEST-pre_post.log", 25, "TEST")), f.files());
        assertEquals(List.of(), f.unknown());
        assertEquals(List.of("/var/log/snapshot.log", "/var/log/IRIS-pre_post.log", "/var/log/TEST-pre_post.log"),
                f.paths());
    }

    @Test
    void theArticleThawScriptGivesItsLogFilesAsThawLogFiles() {
        ScriptLogFiles f = ScriptLogFiles.of(Scripts.run("article/post-thaw-script", "thaw", 5, 5, TWO));
        assertEquals(List.of(written("/var/log/snapshot.log", 13, true),
                new LogFileUse("/var/log/IRIS-pre_post.log", Origin.THAW_LOGFILE, 27, Optional.of("IRIS"), false),
                new LogFileUse("/var/log/TEST-pre_post.log", Origin.THAW_LOGFILE, 27, Optional.of("TEST"), false)),
                f.files(), "ExternalSetHistory's argument is no thaw log file");
        assertEquals(List.of(), f.unknown());
    }

    @Test
    void aLiteralLogFileIsUnquoted() {
        assertEquals(List.of(freeze("/tmp/freeze.log", 2, "IRIS")),
                files("iris session IRIS -U%SYS '##Class(Backup.General).ExternalFreeze(\"/tmp/freeze.log\")'").files());
        assertEquals(List.of(freeze("/tmp/a\"b.log", 2, "IRIS")),
                files("iris session IRIS -U%SYS '##Class(Backup.General).ExternalFreeze(\"/tmp/a\"\"b.log\",,,,,,600)'")
                        .files(), "\"\" in an ObjectScript string is one quote");
    }

    @Test
    void aLogFileThatIsNoLiteralStringIsUnknownWithWhy() {
        ScriptLogFiles variable = files("iris session IRIS -U%SYS \"##Class(Backup.General).ExternalFreeze(logfile)\"");
        assertEquals(List.of(), variable.files());
        assertEquals(List.of(new UnknownLogFile(2, CallKind.FREEZE, "the LogFile argument logfile is not a string literal")),
                variable.unknown());
        assertEquals(List.of(new UnknownLogFile(2, CallKind.THAW,
                "the LogFile argument \"/tmp/\"_x is not a string literal")),
                files("iris session IRIS -U%SYS '##Class(Backup.General).ExternalThaw(\"/tmp/\"_x)'").unknown());
        assertEquals(List.of(new UnknownLogFile(3, CallKind.FREEZE, "the ObjectScript text of the call is not known")),
                files("D=$(cat /etc/dir)\niris session IRIS -U%SYS \"##Class(Backup.General).ExternalFreeze(\\\"$D/f.log\\\")\"")
                        .unknown(), "an unknown part makes the whole shell word unknown");
        assertEquals(List.of(new UnknownLogFile(3, CallKind.FREEZE,
                "the LogFile argument \"?/f.log\" holds a shell value that is not known")),
                files("D=$(cat /etc/dir)\niris session IRIS -U%SYS <<EOF\n"
                        + "set sc=##Class(Backup.General).ExternalFreeze(\"$D/f.log\")\nEOF").unknown(),
                "a heredoc shows the unknown part as ?; the line is the session command's");
        assertEquals(List.of(new UnknownLogFile(2, CallKind.FREEZE, "the LogFile rel.log is not an absolute path")),
                files("iris session IRIS -U%SYS '##Class(Backup.General).ExternalFreeze(\"rel.log\")'").unknown());
        assertEquals(List.of(new UnknownLogFile(2, CallKind.FREEZE,
                "instfreeze is Epic's wrapper: the log file it passes is not in the script")),
                files("instfreeze IRIS").unknown());
    }

    @Test
    void aCallWithoutLogFileNamesNoFileAndIsNotUnknown() {
        ScriptLogFiles f = files("iris session IRIS -U%SYS '##Class(Backup.General).ExternalFreeze()'");
        assertEquals(List.of(), f.files());
        assertEquals(List.of(), f.unknown());
    }

    @Test
    void aHeredocSessionGivesItsLogFile() {
        ScriptLogFiles f = files("""
                iris session IRIS -U%SYS <<EOF
                set sc=##Class(Backup.General).ExternalFreeze("/var/log/h.log",,,,,,600)
                halt
                EOF""");
        assertEquals(List.of(freeze("/var/log/h.log", 2, "IRIS")), f.files());
    }

    @Test
    void teeAndRedirectionsWriteFiles() {
        assertEquals(List.of(written("/var/log/x.log", 2, true)), files(
                "iris session IRIS -U%SYS '##Class(Backup.General).ExternalFreeze()' 2>&1 | tee -a /var/log/x.log")
                .files());
        assertEquals(List.of(written("/var/log/y.log", 2, false), written("/var/log/z.log", 2, false)),
                files("echo a | tee /var/log/y.log /var/log/z.log").files());
        assertEquals(List.of(written("/var/log/t.log", 2, false), written("/var/log/err.log", 3, true),
                written("/var/log/g.log", 4, true)),
                files("echo a > /var/log/t.log\necho b 2>> /var/log/err.log\n{ echo c; } >> /var/log/g.log").files());
        ScriptRun.Path path = run("echo a >> /var/log/w.log").paths().get(0);
        assertEquals(List.of(new WrittenFile("/var/log/w.log", 2, true)), path.written());
    }

    @Test
    void devicesUnknownAndRelativeTargetsAreIgnored() {
        assertEquals(List.of(), files("echo a > /dev/null 2>&1").files());
        assertEquals(List.of(), files("X=$(cat /etc/dir)\necho a >> $X/log\necho b | tee -a $X/log").files());
        assertEquals(List.of(), files("echo a >> snap.log\necho b | tee out.log").files());
    }

    @Test
    void filesOfEveryPathAreGivenOnce() {
        ScriptRun.Result result = run("""
                if [ -f /etc/a ]; then
                  echo a >> /var/log/a.log
                else
                  echo b >> /var/log/b.log
                fi
                echo c >> /var/log/a.log""");
        assertEquals(2, result.paths().size());
        assertEquals(List.of(new WrittenFile("/var/log/a.log", 3, true), new WrittenFile("/var/log/a.log", 7, true)),
                result.paths().get(0).written());
        assertEquals(List.of(new WrittenFile("/var/log/b.log", 5, true), new WrittenFile("/var/log/a.log", 7, true)),
                result.paths().get(1).written());
        assertEquals(List.of(written("/var/log/a.log", 3, true), written("/var/log/b.log", 5, true)),
                ScriptLogFiles.of(result).files());
    }

    @Test
    void thePathShapeWithoutFilesStillBuilds() {
        ScriptRun.Path p = new ScriptRun.Path(List.of(), List.of(), 0, null, 0, false, false, false);
        assertEquals(List.of(), p.written());
        assertEquals(0, p.exitCode());
    }

    @Test
    void garbageArgumentsNeverThrow() {
        Random random = new Random(10);
        String alphabet = "\"\"(),_?/ax$\\'";
        for (int i = 0; i < 2000; i++) {
            StringBuilder arg = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                arg.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String body = "iris session IRIS -U%SYS '##Class(Backup.General).ExternalFreeze(" + arg.toString()
                    .replace("'", "") + "' >> " + arg;
            assertDoesNotThrow(() -> files(body), body);
        }
    }
}
