package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real shell tells the host's IANA zone: from {@code TZ}, the {@code /etc/localtime} link or
 * {@code /etc/timezone}; under a root only from the tree's files, resolved inside the tree.
 */
class ProbeZoneTest {
    @TempDir
    Path tree;

    static Stream<ShellProbe.Shell> shells() {
        return Stream.concat(Stream.of(ShellProbe.sh()), ShellProbe.busybox().stream());
    }

    private static ProbeInfo info(ShellProbe.Shell shell, String root) {
        return ShellProbe.run(shell, root, List.of()).facts().info();
    }

    @ParameterizedTest
    @MethodSource("shells")
    void aLiveHostsTzNamesItsZone(ShellProbe.Shell shell) {
        ProbeInfo info = info(shell.withPrelude("TZ=:America/New_York; export TZ\n"), "");
        assertEquals(Optional.of(ZoneId.of("America/New_York")), info.zoneId());
        assertEquals(Optional.of(new ProbeInfo.HostZone(ZoneId.of("America/New_York"), "TZ")), info.localZone());
    }

    @ParameterizedTest
    @MethodSource("shells")
    void underARootTheTreesLocaltimeLinkNamesTheZoneAndThisMachinesTzDoesNot(ShellProbe.Shell shell) {
        ShellProbe.shell(tree, "mkdir etc && ln -s ../usr/share/zoneinfo/Europe/Berlin etc/localtime"
                + " && echo Asia/Tokyo >etc/timezone");
        ProbeInfo info = info(shell.withPrelude("TZ=America/New_York; export TZ\n"), tree.toString());
        assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), info.zoneId());
        assertEquals("/etc/localtime -> Europe/Berlin", info.zoneIdSource());
    }

    @ParameterizedTest
    @MethodSource("shells")
    void underARootWithOnlyEtcTimezoneItsFirstLineNamesTheZone(ShellProbe.Shell shell) {
        // /etc is a link inside the tree: it is followed there, never to this machine's /etc
        ShellProbe.shell(tree, "mkdir -p sys/etc && printf 'Asia/Tokyo\\nEurope/Paris\\n' >sys/etc/timezone"
                + " && ln -s /sys/etc etc");
        ProbeInfo info = info(shell, tree.toString());
        assertEquals(Optional.of(new ProbeInfo.HostZone(ZoneId.of("Asia/Tokyo"), "/etc/timezone")), info.localZone());
    }

    @ParameterizedTest
    @MethodSource("shells")
    void aTreeWithNoZoneFilesHasNoZoneIdNotThisMachines(ShellProbe.Shell shell) {
        ShellProbe.shell(tree, "mkdir etc && ln -s /etc/nothing etc/timezone");
        assertEquals(Optional.empty(), info(shell, tree.toString()).zoneId());
    }

    @ParameterizedTest
    @MethodSource("shells")
    void aLinkTargetHoldingANewlineCannotSetTheClock(ShellProbe.Shell shell) {
        ShellProbe.shell(tree, "mkdir etc && ln -s \"$(printf '/usr/share/zoneinfo/UTC\\nclock=1')\" etc/localtime");
        ProbeInfo info = info(shell, tree.toString());
        assertEquals(Optional.of(ZoneId.of("UTC")), info.zoneId());
        Instant clock = info.clock().orElseThrow();
        assertEquals(true, clock.isAfter(Instant.parse("2020-01-01T00:00:00Z")), clock.toString());
    }
}
