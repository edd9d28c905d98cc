package dev.quiesce.check;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vmware-tools pack on real file trees through the probe ({@code --root}): what a tree can answer
 * (DMI, vmtoolsd on disk, tools.conf) is decided, and what needs the running host is ERROR with why.
 */
class VmwareToolsRulesTest {
    private static final String CONF = "/etc/vmware-tools/tools.conf";
    private static final String PACK = "vmware-tools";

    @TempDir
    Path root;

    @Test
    void aCorrectTreePassesWhatATreeCanShowAndSaysWhyTheRestNeedsTheHost() {
        HostResult host = audit(GuestTree.passing(root), PACK);
        for (String rule : List.of("QZ-VT-001", "QZ-VT-002", "QZ-VT-005")) {
            assertEquals(Status.PASS, finding(host, rule).status(), rule + ": " + finding(host, rule).message());
        }
        assertTrue(finding(host, "QZ-VT-005").message().contains("does not exist, so vmtoolsd uses its defaults"));
        for (String rule : List.of("QZ-VT-003", "QZ-VT-004")) {
            assertTrue(TreeAudit.needsRunningHost(finding(host, rule)), rule + ": " + finding(host, rule).message());
        }
    }

    @Test
    void execScriptsFalseFailsQzVt005Only() {
        HostResult host = audit(GuestTree.passing(root).file(CONF, "[vmbackup]\nexecScripts = false\n", "0644"), PACK);
        Finding conf = finding(host, "QZ-VT-005");
        assertEquals(Status.FAIL, conf.status(), conf.message());
        assertTrue(conf.message().contains("execScripts is false in effect (execScripts=false (line 2)): no freeze or "
                + "thaw script runs"), conf.message());
        host.findings().stream().filter(f -> !f.rule().equals("QZ-VT-005") && !TreeAudit.needsRunningHost(f))
                .forEach(f -> assertEquals(Status.PASS, f.status(), f.rule() + ": " + f.message()));
    }

    @Test
    void aSemicolonLineMakesQzVt005ErrorWithTheLine() {
        HostResult host = audit(GuestTree.passing(root).file(CONF, "[vmbackup]\n; off\nexecScripts=false\n", "0644"), PACK);
        Finding conf = finding(host, "QZ-VT-005");
        assertEquals(Status.ERROR, conf.status());
        assertTrue(conf.message().contains("GLib refuses " + CONF + " at line 2"), conf.message());
    }

    @Test
    void withoutVmtoolsdOnDiskATreeFailsQzVt002() {
        HostResult host = audit(GuestTree.passing(root).delete("/usr/bin/vmtoolsd"), PACK);
        Finding installed = finding(host, "QZ-VT-002");
        assertEquals(Status.FAIL, installed.status(), installed.message());
        assertTrue(installed.observed().contains("dpkg-query: not run"), installed.observed());
    }

    @Test
    void anotherVendorsDmiFailsQzVt001() {
        HostResult host = audit(GuestTree.passing(root).file("/sys/class/dmi/id/sys_vendor", "QEMU\n", "0444")
                .file("/sys/class/dmi/id/product_name", "Standard PC (i440FX + PIIX, 1996)\n", "0444"), PACK);
        assertEquals(Status.FAIL, finding(host, "QZ-VT-001").status());
    }
}
