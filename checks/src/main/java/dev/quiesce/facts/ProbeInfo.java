package dev.quiesce.facts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the probe said of itself: the uid it ran as, the host's node name, how it read file status, and
 * the host's clock and time zone at the start of the stage ({@code date -u +%s}, {@code date +%z %Z}).
 */
public record ProbeInfo(Optional<Long> uid, String nodeName, String statMethod, Optional<Instant> clock,
                        Optional<ZoneOffset> zoneOffset, String zoneName) {
    public static final ProbeInfo UNKNOWN = new ProbeInfo(Optional.empty(), "", "", Optional.empty(), Optional.empty(),
            "");

    static ProbeInfo parse(String text) {
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        String uid = values.getOrDefault("uid", "");
        String clock = values.getOrDefault("clock", "");
        String[] zone = values.getOrDefault("zone", "").split(" ", 2);
        return new ProbeInfo(uid.matches("[0-9]{1,10}") ? Optional.of(Long.parseLong(uid)) : Optional.empty(),
                values.getOrDefault("host", ""), values.getOrDefault("stat", ""),
                clock.matches("[0-9]{1,12}") ? Optional.of(Instant.ofEpochSecond(Long.parseLong(clock)))
                        : Optional.empty(), offset(zone[0]), zone.length > 1 ? zone[1] : "");
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
