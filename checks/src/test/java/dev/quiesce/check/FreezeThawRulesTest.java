package dev.quiesce.check;

import static dev.quiesce.testing.GuestTree.FREEZE;
import static dev.quiesce.testing.GuestTree.SCRIPTS_D;
import static dev.quiesce.testing.GuestTree.THAW;
import static dev.quiesce.testing.TreeAudit.audit;
import static dev.quiesce.testing.TreeAudit.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.Finding;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.Status;
import dev.quiesce.testing.GuestTree;
import dev.quiesce.testing.TreeAudit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The freeze-thaw-scripts pack on real file trees: a guest that passes everything, then one mistake
 * at a time, each failing exactly the rule that is about it.
 */
class FreezeThawRulesTest {
    @TempDir
    Path root;

    @Test
    void aCorrectGuestPassesEveryRule() {
        HostResult host = audit(GuestTree.passing(root));
        Map<String, Status> statuses = statuses(host);
        assertTrue(statuses.keySet().containsAll(List.of("QZ-FT-001", "QZ-FT-002", "QZ-FT-003", "QZ-FT-004",
                "QZ-FT-005", "QZ-FT-006", "QZ-FT-007")), statuses.toString());
        host.findings().stream().filter(f -> !TreeAudit.needsRunningHost(f) && !TreeAudit.notForRoles(f))
                .forEach(f -> assertEquals(Status.PASS, f.status(), f.rule() + ": " + f.message()));
    }

    @Test
    void freezeScriptWithMode0755FailsTheModeRuleOnly() {
        HostResult host = audit(GuestTree.passing(root).mode(FREEZE, "0755"));
        Finding mode = finding(host, "QZ-FT-004");
        assertEquals(Status.FAIL, mode.status());
        assertTrue(mode.observed().contains(FREEZE + ": 0755"), mode.observed());
        assertTrue(mode.message().contains("chmod 0700 " + FREEZE), mode.message());
        assertOnlyFailing(host, "QZ-FT-004");
    }

    @Test
    void missingThawScriptFailsExistence() {
        HostResult host = audit(GuestTree.passing(root).delete(THAW));
        Finding exists = finding(host, "QZ-FT-002");
        assertEquals(Status.FAIL, exists.status());
        assertEquals(THAW + ": missing", exists.observed());
        assertEquals(Status.PASS, finding(host, "QZ-FT-001").status());
    }

    /** Fails before only_if: the missing script failed QZ-FT-002, -003 and -004, three FAILs for one problem. */
    @Test
    void aMissingScriptFailsItsExistenceRuleOnceAndTheOthersSayTheyDidNotCheckIt() {
        HostResult host = audit(GuestTree.passing(root).delete(THAW));
        assertOnlyFailing(host, "QZ-FT-002");
        for (String rule : new String[] {"QZ-FT-003", "QZ-FT-004"}) {
            Finding finding = finding(host, rule);
            assertTrue(finding.message().contains("(not checked: " + THAW + " is missing)"), rule + ": "
                    + finding.message());
        }
    }

    @Test
    void withBothScriptsMissingTheOwnerAndModeRulesAreSkippedWithTheReason() {
        HostResult host = audit(GuestTree.passing(root).delete(THAW).delete(FREEZE));
        Finding mode = finding(host, "QZ-FT-004");
        assertEquals(Status.SKIPPED, mode.status());
        assertEquals("not checked: " + FREEZE + " is missing; " + THAW + " is missing", mode.message());
    }

    /**
     * Fails before: a script that is a link got "mode 0777: chmod 0700" from QZ-FT-004, and chmod follows
     * the link (here to /etc/shadow). QZ-FT-001 reports the link once, with the fix that replaces it.
     */
    @Test
    void aSymlinkedScriptGetsTheFixThatReplacesTheLinkAndNoChmod() {
        HostResult host = audit(GuestTree.passing(root).delete(FREEZE).symlink(FREEZE, "/etc/shadow"));
        Finding exists = finding(host, "QZ-FT-001");
        assertEquals(Status.FAIL, exists.status());
        assertTrue(exists.message().contains("rm " + FREEZE + " && install -o root -g root -m 0700 /etc/shadow "
                + FREEZE), exists.message());
        assertOnlyFailing(host, "QZ-FT-001");
        host.findings().forEach(f -> assertTrue(!f.message().contains("chmod 0700 " + FREEZE)
                && !f.message().contains("chown root " + FREEZE), f.rule() + ": " + f.message()));
        assertTrue(finding(host, "QZ-FT-004").message().contains("not checked: " + FREEZE
                + " is a symbolic link to /etc/shadow"), finding(host, "QZ-FT-004").message());
    }

    /** Fails before: a missing directory above the scripts passed as if owned by root. */
    @Test
    void aMissingDirectoryAboveTheScriptsIsNotPassedAsRootOwned() {
        HostResult host = audit(GuestTree.passing(root).delete(FREEZE).delete(THAW).delete("/usr/sbin"));
        Finding ancestors = finding(host, "QZ-FT-006");
        assertTrue(ancestors.message().contains("(not checked: /usr/sbin does not exist)"), ancestors.message());
        assertTrue(!ancestors.observed().contains("/usr/sbin: "), ancestors.observed());
        assertTrue(ancestors.observed().contains("/usr: 0755 0:0"), ancestors.observed());
    }

    @Test
    void aSymlinkInsteadOfTheScriptIsNotARegularFile() {
        HostResult host = audit(GuestTree.passing(root).delete(FREEZE).symlink(FREEZE, "/opt/freeze.sh"));
        Finding exists = finding(host, "QZ-FT-001");
        assertEquals(Status.FAIL, exists.status());
        assertTrue(exists.message().contains("symbolic link to /opt/freeze.sh"), exists.message());
    }

    @Test
    void aScriptOwnedByAUserFailsOwnership() {
        HostResult host = audit(GuestTree.passing(root).owner(THAW, 1000, 0));
        Finding owner = finding(host, "QZ-FT-003");
        assertEquals(Status.FAIL, owner.status());
        assertTrue(owner.message().contains(THAW + " has owner 1000, expected root"), owner.message());
        assertOnlyFailing(host, "QZ-FT-003");
    }

    @Test
    void aScriptInTheRootGroupOfAnotherIdFailsOnTheGroup() {
        HostResult host = audit(GuestTree.passing(root).owner(FREEZE, 0, 50));
        assertTrue(finding(host, "QZ-FT-003").message().contains("has group 50, expected root"));
    }

    @Test
    void lookalikesAreFoundWhereverTheyHide() {
        GuestTree tree = GuestTree.passing(root)
                .file("/usr/sbin/pre-freeze-script.sh", "x", "0700")
                .file("/usr/local/sbin/post-thaw-script", "x", "0700")
                .file("/root/Pre_Freeze_Script.bak", "x", "0600")
                .file("/opt/prefreeze-script~", "x", "0600");
        Finding lookalikes = finding(audit(tree), "QZ-FT-005");
        assertEquals(Status.FAIL, lookalikes.status());
        for (String path : new String[] {"/usr/sbin/pre-freeze-script.sh", "/usr/local/sbin/post-thaw-script",
                "/root/Pre_Freeze_Script.bak", "/opt/prefreeze-script~"}) {
            assertTrue(lookalikes.observed().contains(path), path + " not in " + lookalikes.observed());
        }
    }

    @Test
    void unrelatedFilesAreNotLookalikes() {
        GuestTree tree = GuestTree.passing(root).file("/usr/sbin/sshd", "x", "0755")
                .file("/usr/sbin/freeze-monitor", "x", "0755").file("/usr/local/bin/thaw", "x", "0755");
        assertEquals(Status.PASS, finding(audit(tree), "QZ-FT-005").status());
    }

    @Test
    void aGroupWritableDirectoryAboveTheScriptsFails() {
        HostResult host = audit(GuestTree.passing(root).mode("/usr/sbin", "0775"));
        Finding ancestors = finding(host, "QZ-FT-006");
        assertEquals(Status.FAIL, ancestors.status());
        assertTrue(ancestors.message().contains("/usr/sbin has mode 0775 and is writable by its group"),
                ancestors.message());
        assertOnlyFailing(host, "QZ-FT-006");
    }

    @Test
    void aDirectoryAboveOwnedByAUserFails() {
        Finding ancestors = finding(audit(GuestTree.passing(root).owner("/usr", 1000, 0)), "QZ-FT-006");
        assertEquals(Status.FAIL, ancestors.status());
        assertTrue(ancestors.message().contains("/usr has owner 1000, expected root"), ancestors.message());
    }

    @Test
    void notesBackupsAndDotFilesInBackupScriptsDFail() {
        GuestTree tree = GuestTree.passing(root).file(SCRIPTS_D + "/README.txt", "notes", "0600")
                .file(SCRIPTS_D + "/10-sync~", "x", "0700").file(SCRIPTS_D + "/.hidden", "x", "0700")
                .file(SCRIPTS_D + "/20-x.dpkg-old", "x", "0700");
        Finding entries = finding(audit(tree), "QZ-FT-007");
        assertEquals(Status.FAIL, entries.status());
        for (String name : new String[] {"README.txt", "10-sync~", ".hidden", "20-x.dpkg-old"}) {
            assertTrue(entries.message().contains(SCRIPTS_D + "/" + name + " is named like a backup"), name);
        }
    }

    @Test
    void aLooseModeOrAForeignOwnerInBackupScriptsDFails() {
        GuestTree tree = GuestTree.passing(root).file(SCRIPTS_D + "/20-freeze", "x", "0750")
                .file(SCRIPTS_D + "/30-thaw", "x", "0700").owner(SCRIPTS_D + "/30-thaw", 1000, 1000);
        Finding entries = finding(audit(tree), "QZ-FT-007");
        assertTrue(entries.message().contains("20-freeze has mode 0750, more than 0700"), entries.message());
        assertTrue(entries.message().contains("30-thaw has owner 1000, expected root"), entries.message());
    }

    @Test
    void stricterModesAndSubdirectoriesInBackupScriptsDPass() {
        GuestTree tree = GuestTree.passing(root).file(SCRIPTS_D + "/20-freeze", "x", "0500")
                .directory(SCRIPTS_D + "/old", "0777");
        assertEquals(Status.PASS, finding(audit(tree), "QZ-FT-007").status());
    }

    @Test
    void aSymlinkInBackupScriptsDFails() {
        GuestTree tree = GuestTree.passing(root).symlink(SCRIPTS_D + "/50-link", "/tmp/anything");
        Finding entries = finding(audit(tree), "QZ-FT-007");
        assertEquals(Status.FAIL, entries.status());
        assertTrue(entries.message().contains("50-link is a symbolic link to /tmp/anything"), entries.message());
    }

    @Test
    void aMissingBackupScriptsDPassesAndSaysSo() {
        GuestTree tree = GuestTree.passing(root).delete(SCRIPTS_D + "/10-sync").delete(SCRIPTS_D);
        Finding entries = finding(audit(tree), "QZ-FT-007");
        assertEquals(Status.PASS, entries.status());
        assertTrue(entries.observed().contains("does not exist"), entries.observed());
        assertTrue(entries.message().contains("does not exist"), entries.message());
    }

    @Test
    void everyFindingCarriesEvidenceOfWhatWasRead() {
        HostResult host = audit(GuestTree.passing(root).mode(FREEZE, "0755"));
        for (Finding f : host.findings().stream().filter(f -> !TreeAudit.notForRoles(f)).toList()) {
            assertTrue(!f.evidence().isEmpty(), f.rule() + " has no evidence");
            // What the inventory says is not read from the tree; everything read from it says where.
            f.evidence().stream().filter(e -> !e.fact().equals("inventory"))
                    .forEach(e -> assertTrue(e.source().contains("(under " + root), e.source()));
        }
        assertTrue(finding(host, "QZ-FT-004").evidence().get(0).excerpt().contains("0755"));
    }

    private static Map<String, Status> statuses(HostResult host) {
        Map<String, Status> statuses = new TreeMap<>();
        host.findings().forEach(f -> statuses.put(f.rule(), f.status()));
        return statuses;
    }

    /** {@code rule} fails; no other rule fails or stays undecided (a rule may skip what another reports). */
    private static void assertOnlyFailing(HostResult host, String rule) {
        host.findings().forEach(f -> {
            if (f.rule().equals(rule)) {
                assertEquals(Status.FAIL, f.status(), f.rule() + ": " + f.message());
            } else if (!TreeAudit.needsRunningHost(f)) {
                assertTrue(!f.status().isProblem(), f.rule() + " is " + f.status() + ": " + f.message());
            }
        });
    }
}
