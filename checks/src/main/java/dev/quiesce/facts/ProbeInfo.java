package dev.quiesce.facts;

import java.util.Map;
import java.util.Optional;

/** What the probe said of itself: the uid it ran as, the host's node name, how it read file status. */
public record ProbeInfo(Optional<Long> uid, String nodeName, String statMethod) {
    public static final ProbeInfo UNKNOWN = new ProbeInfo(Optional.empty(), "", "");

    static ProbeInfo parse(String text) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        String uid = values.getOrDefault("uid", "");
        return new ProbeInfo(uid.matches("[0-9]{1,10}") ? Optional.of(Long.parseLong(uid)) : Optional.empty(),
                values.getOrDefault("host", ""), values.getOrDefault("stat", ""));
    }

    public boolean root() {
        return uid.map(u -> u == 0).orElse(false);
    }
}
