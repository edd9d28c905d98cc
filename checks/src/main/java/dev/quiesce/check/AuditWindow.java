package dev.quiesce.check;

import dev.quiesce.facts.ShownText;
import dev.quiesce.model.DurationText;
import dev.quiesce.model.HostInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far back the log rules read: the host variable {@value #VARIABLE} ({@code audit --since} sets it on
 * every host), 8 days when not given, measured back from the host's own clock as the probe read it. A value
 * that is not a duration is kept as the problem: the rules that read logs are then ERROR, saying what to write.
 */
public record AuditWindow(Duration length, Optional<String> problem) {
    /** The host variable that holds the window; {@code audit --since} sets it. */
    public static final String VARIABLE = "since";
    static final Duration DEFAULT = Duration.ofDays(8);

    static AuditWindow of(HostInfo host) {
        String value = host.vars().get(VARIABLE);
        if (value == null) {
            return new AuditWindow(DEFAULT, Optional.empty());
        }
        return parse(value.strip()).map(d -> new AuditWindow(d, Optional.<String>empty())).orElseGet(() -> new AuditWindow(DEFAULT,
                Optional.of("the host variable " + VARIABLE + " holds '" + ShownText.escaped(value) + "', which is not a "
                        + "duration: write one such as 8d, 36h or 1d12h")));
    }

    /** A window as written ({@code 8d}, {@code 36h}); empty for anything else, a zero length included. */
    public static Optional<Duration> parse(String text) {
        return DurationText.parse(text).filter(d -> !d.isZero());
    }

    Instant start(Instant asOf) {
        return asOf.minus(length);
    }

    String describe() {
        return "the last " + DurationText.format(length);
    }
}
