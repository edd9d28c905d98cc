package dev.quiesce.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.Finding;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.Status;
import dev.quiesce.testing.FreezeLogs;
import dev.quiesce.testing.GuestTree;
import dev.quiesce.testing.TreeAudit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The freeze-log rules against a live Caché guest in a sandbox, in Europe/Berlin: the article's scripts name the
 * logs (their $SNAPLOG and each instance's LogFile), ccontrol names the instance and its cconsole.log, and the
 * real probe scans them on the host. Three good nights pass; a log where one freeze set no marker, one lasted
 * 95 s and the last was never resumed fails QZ-JM-001, -003 and -002.
 */
class FreezeLogEndToEndTest {
    private static final Path ARTICLE = Path.of("src", "test", "resources", "scripts", "article");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    @Test
    void threeGoodNightsPassEveryFreezeLogRule() throws IOException {
        GuestTree tree = guest();
        new FreezeLogs("CACHE", "/usr/cachesys", "cconsole.log", BERLIN).nightly(Instant.now(), 3).writeTo(tree);
        HostResult host = TreeAudit.auditLive(tree, Set.of("guest", "cache"));
        assertEquals(HostStatus.AUDITED, host.status(), host.toString());
        for (String rule : new String[] {"QZ-JM-001", "QZ-JM-002", "QZ-JM-003", "QZ-JM-004", "QZ-JM-005", "QZ-JM-006"}) {
            Finding f = TreeAudit.finding(host, rule);
            assertEquals(Status.PASS, f.status(), f.toString());
        }
        Finding marker = TreeAudit.finding(host, "QZ-JM-001");
        assertTrue(marker.observed().contains("3 of 3 freeze(s) switched the journal and set a marker"), marker.observed());
        for (String log : new String[] {"/var/log/CACHE-pre_post.log (the LogFile of ExternalFreeze in "
                + "/usr/sbin/pre-freeze-script line", "/var/log/snapshot.log (written by the script",
                "/usr/cachesys/mgr/cconsole.log (the cconsole.log of instance CACHE", "local times in Europe/Berlin"}) {
            assertTrue(marker.observed().contains(log), log + " not in: " + marker.observed());
        }
        assertEquals(3, marker.details().tables().get(0).rows().size(), marker.details().toString());
        assertEquals(3, marker.details().series().get(0).points().size(), marker.details().toString());
    }

    @Test
    void aMissingMarkerA95SecondFreezeAndAnUnresumedLastFreezeFailTheirRules() throws IOException {
        GuestTree tree = guest();
        Instant night = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.DAYS);
        new FreezeLogs("CACHE", "/usr/cachesys", "cconsole.log", BERLIN)
                .night(new FreezeLogs.Night(night, 8, false, true))
                .night(FreezeLogs.Night.good(night.plus(1, ChronoUnit.DAYS), 95))
                .night(new FreezeLogs.Night(night.plus(2, ChronoUnit.DAYS), 0, true, false))
                .writeTo(tree);
        HostResult host = TreeAudit.auditLive(tree, Set.of("guest", "cache"));
        Finding marker = TreeAudit.finding(host, "QZ-JM-001");
        assertEquals(Status.FAIL, marker.status(), marker.toString());
        assertTrue(marker.message().contains("neither switched the journal nor set a marker"), marker.message());
        Finding duration = TreeAudit.finding(host, "QZ-JM-003");
        assertEquals(Status.FAIL, duration.status(), duration.toString());
        assertTrue(duration.message().contains("for 95 s, max_frozen is 60 s"), duration.message());
        Finding resumed = TreeAudit.finding(host, "QZ-JM-002");
        assertEquals(Status.FAIL, resumed.status(), resumed.toString());
        assertTrue(resumed.message().contains("CACHE is frozen now"), resumed.message());
    }

    private GuestTree guest() throws IOException {
        GuestTree tree = GuestTree.vmwareCacheGuest(dir, Files.readString(ARTICLE.resolve("pre-freeze-script")),
                Files.readString(ARTICLE.resolve("post-thaw-script")));
        return tree.symlink("/etc/localtime", "/usr/share/zoneinfo/Europe/Berlin");
    }
}
