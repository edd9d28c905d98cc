package dev.quiesce.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.Finding;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.Status;
import dev.quiesce.testing.GuestTree;
import dev.quiesce.testing.TreeAudit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script-content rules (QZ-SC-*) against a live Caché guest in the sandbox: the host's own sh runs the
 * syntax check, ccontrol qlist gives the running instance. The article's pair passes every rule; each copy
 * with one defect fails the rule about it.
 */
class ScriptContentEndToEndTest {
    private static final Path ARTICLE = Path.of("src", "test", "resources", "scripts", "article");

    @TempDir
    Path dir;

    @Test
    void theArticlePairPassesEveryScriptContentRule() throws IOException {
        HostResult host = audit(pre(), post());
        assertEquals(HostStatus.AUDITED, host.status(), host.toString());
        for (int i = 1; i <= 9; i++) {
            Finding f = TreeAudit.finding(host, "QZ-SC-00" + i);
            assertEquals(Status.PASS, f.status(), f.toString());
        }
        assertTrue(TreeAudit.finding(host, "QZ-SC-005").observed().contains("running instances: CACHE"));
    }

    @Test
    void aCopyThatExitsWithTheSessionsStatusFailsTheExitStatusRule() throws IOException {
        String copy = pre().replace("exit $exit_code", "exit $status");
        Finding f = TreeAudit.finding(audit(copy, post()), "QZ-SC-004");
        assertEquals(Status.FAIL, f.status(), f.toString());
        assertTrue(f.message().contains("exits 5 when the session returns 5"), f.message());
    }

    @Test
    void aPostThawThatDoesNothingOnFreezeFailFailsTheFreezeFailRule() throws IOException {
        String copy = post().replace("exit_code=0\n", "exit_code=0\n[ \"$1\" = freezeFail ] && exit 0\n");
        HostResult host = audit(pre(), copy);
        Finding f = TreeAudit.finding(host, "QZ-SC-006");
        assertEquals(Status.FAIL, f.status(), f.toString());
        assertEquals(Status.PASS, TreeAudit.finding(host, "QZ-SC-004").status());
    }

    @Test
    void aHardCodedInstanceThatIsNotRunningFailsTheInstancesRule() throws IOException {
        String copy = pre().replaceFirst("for INST in `[^`]*`; do", "for INST in TEST; do");
        Finding f = TreeAudit.finding(audit(copy, post()), "QZ-SC-005");
        assertEquals(Status.FAIL, f.status(), f.toString());
        assertTrue(f.message().contains("TEST (line 25), which is not running (running: CACHE)"), f.message());
        assertTrue(f.message().contains("for the running instance(s) CACHE"), f.message());
    }

    private HostResult audit(String freeze, String thaw) {
        return TreeAudit.auditLive(GuestTree.vmwareCacheGuest(dir.resolve("guest"), freeze, thaw), Set.of("guest"));
    }

    private static String pre() throws IOException {
        return Files.readString(ARTICLE.resolve("pre-freeze-script"));
    }

    private static String post() throws IOException {
        return Files.readString(ARTICLE.resolve("post-thaw-script"));
    }
}
