package dev.quiesce.facts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the probe said of itself: the uid it ran as, the host's node name, how it read file status, and
 * the host's clock and time zone at the start of the stage ({@code date -u +%s}, {@code date +%z %Z}),
 * with the host's IANA zone where it can be told ({@link #zoneId()}, from {@code TZ}, the
 * {@code /etc/localtime} link or {@code /etc/timezone}; under a root, the tree's files only).
 */
public record ProbeInfo(Optional<Long> uid, String nodeName, String statMethod, Optional<Instant> clock,
                        Optional<ZoneOffset> zoneOffset, String zoneName, Optional<ZoneId> zoneId,
                        String zoneIdSource) {
    public static final ProbeInfo UNKNOWN = new ProbeInfo(Optional.empty(), "", "", Optional.empty(), Optional.empty(),
            "", Optional.empty(), "");

    /** The zone to read a host's local log times in, and where it came from (for evidence). */
    public record HostZone(ZoneId zone, String source) {}

    /** Without a zone id: the probe gave only the offset, or nothing. */
    public ProbeInfo(Optional<Long> uid, String nodeName, String statMethod, Optional<Instant> clock,
                     Optional<ZoneOffset> zoneOffset, String zoneName) {
        this(uid, nodeName, statMethod, clock, zoneOffset, zoneName, Optional.empty(), "");
    }

    static ProbeInfo parse(String text) {
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                // The first of a name counts: the probe writes each once, before anything a host chose.
                values.putIfAbsent(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        String uid = values.getOrDefault("uid", "");
        String clock = values.getOrDefault("clock", "");
        String[] zone = values.getOrDefault("zone", "").split(" ", 2);
        Optional<HostZone> named = named(values);
        return new ProbeInfo(uid.matches("[0-9]{1,10}") ? Optional.of(Long.parseLong(uid)) : Optional.empty(),
                values.getOrDefault("host", ""), values.getOrDefault("stat", ""),
                clock.matches("[0-9]{1,12}") ? Optional.of(Instant.ofEpochSecond(Long.parseLong(clock)))
                        : Optional.empty(), offset(zone[0]), zone.length > 1 ? zone[1] : "",
                named.map(HostZone::zone), named.map(HostZone::source).orElse(""));
    }

    /**
     * The zone to read the host's local times in: its IANA zone when the probe could tell it (a zone
     * knows the host's summer time), else the fixed offset of the probe's moment, else empty.
     */
    public Optional<HostZone> localZone() {
        if (zoneId.isPresent()) {
            return Optional.of(new HostZone(zoneId.get(), zoneIdSource));
        }
        return zoneOffset.map(o -> new HostZone(o, "offset " + offsetText(o) + " only"));
    }

    /** TZ when set to a zone name, else the link /etc/localtime, else the first line of /etc/timezone. */
    private static Optional<HostZone> named(Map<String, String> values) {
        Optional<ZoneId> tz = zone(after(values.getOrDefault("tz", "").replaceFirst("^:", ""), "zoneinfo/"));
        if (tz.isPresent()) {
            return Optional.of(new HostZone(tz.get(), "TZ"));
        }
        String link = values.getOrDefault("localtime", "");
        Optional<ZoneId> linked = link.contains("zoneinfo/") ? zone(after(link, "zoneinfo/")) : Optional.empty();
        if (linked.isPresent()) {
            return Optional.of(new HostZone(linked.get(), "/etc/localtime -> " + linked.get().getId()));
        }
        return zone(values.getOrDefault("timezone", "")).map(z -> new HostZone(z, "/etc/timezone"));
    }

    /** What follows the last {@code marker}, without zoneinfo's {@code posix/} and {@code right/} trees. */
    private static String after(String text, String marker) {
        int at = text.lastIndexOf(marker);
        String name = at < 0 ? text : text.substring(at + marker.length());
        return name.replaceFirst("^(posix|right)/", "");
    }

    /**
     * A name of the zone database ({@code Europe/Berlin}, {@code UTC}, {@code Etc/GMT+1}); never an offset
     * or a prefixed one ({@code UTC+1}, which ZoneId would read as east of UTC and POSIX as west of it).
     */
    private static Optional<ZoneId> zone(String name) {
        if (name.length() > 64 || !name.matches("[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,3}")
                || !ZoneId.getAvailableZoneIds().contains(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(name));
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
    }

    private static String offsetText(ZoneOffset offset) {
        int minutes = offset.getTotalSeconds() / 60;
        return String.format("%s%02d%02d", minutes < 0 ? "-" : "+", Math.abs(minutes) / 60, Math.abs(minutes) % 60);
    }

    /** {@code +0100}, {@code -0530}: the host's offset from UTC. */
    private static Optional<ZoneOffset> offset(String text) {
        if (!text.matches("[+-](0[0-9]|1[0-8])[0-5][0-9]")) {
            return Optional.empty();
        }
        int sign = text.charAt(0) == '-' ? -1 : 1;
        try {
            return Optional.of(ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(text.substring(1, 3)),
                    sign * Integer.parseInt(text.substring(3, 5))));
        } catch (java.time.DateTimeException outOfRange) {
            return Optional.empty();
        }
    }

    public boolean root() {
        return uid.map(u -> u == 0).orElse(false);
    }
}
