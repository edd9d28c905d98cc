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
 * The built-in rules against a live guest: a tree of real files and stand-in commands laid over this
 * machine's {@code /} in a sandbox, probed by the real probe as a host is over SSH (commands run, owners
 * read as set), starting from the article's freeze/thaw pair on a Caché guest and breaking one thing.
 */
class GuestEndToEndTest {
    private static final Path ARTICLE = Path.of("src", "test", "resources", "scripts", "article");

    @TempDir
    Path dir;

    @Test
    void theGuestsOwnUsersNameTheOwnersTheProbeReads() throws IOException {
        GuestTree tree = articleGuest().owner(GuestTree.THAW, 1000, 1000);
        HostResult host = TreeAudit.auditLive(tree, Set.of("guest"));
        assertEquals(HostStatus.AUDITED, host.status(), host.toString());
        Finding owner = TreeAudit.finding(host, "QZ-FT-003");
        assertEquals(Status.FAIL, owner.status(), owner.toString());
        assertTrue(owner.message().contains("owner dbadmin"), owner.message());
    }

    @Test
    void aHealthyGuestPassesEveryVmwareToolsAndInstanceRule() throws IOException {
        HostResult host = TreeAudit.auditLive(articleGuest(), Set.of("guest", "cache"));
        for (String rule : new String[] {"QZ-VT-001", "QZ-VT-002", "QZ-VT-003", "QZ-VT-004", "QZ-VT-005", "QZ-IN-001"}) {
            Finding f = TreeAudit.finding(host, rule);
            assertEquals(Status.PASS, f.status(), f.toString());
        }
        assertTrue(TreeAudit.finding(host, "QZ-IN-001").observed().contains("CACHE"),
                TreeAudit.finding(host, "QZ-IN-001").observed());
    }

    @Test
    void execScriptsFalseInToolsConfFailsTheScriptsSetting() throws IOException {
        GuestTree tree = articleGuest().file("/etc/vmware-tools/tools.conf", "[vmbackup]\nexecScripts=false\n", "0644");
        Finding f = TreeAudit.finding(TreeAudit.auditLive(tree, Set.of("guest")), "QZ-VT-005");
        assertEquals(Status.FAIL, f.status(), f.toString());
        assertTrue(f.message().contains("execScripts"), f.message());
    }

    @Test
    void onlyAPerUserVmtoolsdFailsTheServiceRule() throws IOException {
        GuestTree tree = articleGuest().standIn("/usr/bin/ps", "echo 'dbadmin  /usr/bin/vmtoolsd -n vmusr --blockFd 3'\n");
        Finding f = TreeAudit.finding(TreeAudit.auditLive(tree, Set.of("guest")), "QZ-VT-003");
        assertEquals(Status.FAIL, f.status(), f.toString());
    }

    private GuestTree articleGuest() throws IOException {
        return GuestTree.vmwareCacheGuest(dir.resolve("guest"), Files.readString(ARTICLE.resolve("pre-freeze-script")),
                Files.readString(ARTICLE.resolve("post-thaw-script")));
    }
}
