package dev.quiesce.check;

import dev.quiesce.facts.Fact;
import dev.quiesce.facts.Lines;
import dev.quiesce.facts.ProbeInfo;
import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.freezelog.FreezeHistory;
import dev.quiesce.facts.freezelog.LogSource;
import dev.quiesce.model.Evidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The freezes a host's logs record in the window, as every {@code freeze-log} rule reads them: the plan of
 * {@link FreezeLogSources} read back from the facts, each scan's lines turned into freezes in the host's time
 * zone. What the reading could not see goes to the tally as unknown: a log that could not be read, a scan
 * cut at its cap, a window or zone that is not known. With no log read at all there is no reading: the rule
 * is ERROR with where it looked (QZ-JM-007), never a pass because nothing was found.
 */
record FreezeLogReading(FreezeHistory history, AuditWindow window, Instant asOf, FreezeLogSources.Plan plan,
                        HostView view) {

    Instant windowStart() {
        return window.start(asOf);
    }

    static Optional<FreezeLogReading> read(FreezeLogSources sources, HostView view, Tally tally) {
        AuditWindow window = AuditWindow.of(view.host());
        if (window.problem().isPresent()) {
            tally.evidence(new Evidence("inventory", "the host variable " + AuditWindow.VARIABLE,
                    view.host().vars().get(AuditWindow.VARIABLE), view.asOf()));
            tally.observe("the window: unknown");
            tally.unknown(window.problem().get());
            return Optional.empty();
        }
        FreezeLogSources.Plan plan = sources.plan(view.host(), view.facts());
        plan.problems().forEach(tally::unknown);
        ProbeInfo info = view.facts().info();
        Optional<ProbeInfo.HostZone> zone = info.localZone();
        if (zone.isEmpty()) {
            tally.observe("the host's time zone: unknown");
            tally.unknown("the host's time zone is not known (the probe could read neither TZ, /etc/localtime, "
                    + "/etc/timezone nor date +%z; a directory tree needs its own /etc/localtime or /etc/timezone), so "
                    + "the logs' local times cannot be placed");
            return Optional.empty();
        }
        List<LogSource> logs = new ArrayList<>();
        List<String> lookedAt = new ArrayList<>();
        List<String> read = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (FreezeLogSources.Source source : plan.sources()) {
            lookedAt.add(source.shown() + " (" + source.how() + ")");
            Fact<Lines> fact = view.get(source.scan());
            tally.evidence(fact.evidence());
            switch (fact) {
                case Fact.Present<Lines> p -> {
                    Lines lines = p.value();
                    if (lines.truncated()) {
                        tally.unknown(source.shown() + ": the matching lines exceed " + FreezeLogSources.MAX_BYTES
                                / (1024 * 1024) + " MiB, so the newest were cut and the window cannot be read whole "
                                + "(name fewer files in the inventory variable " + FreezeLogSources.VARIABLE + ")");
                    }
                    lines.skipped().stream().filter(s -> s.reason() == Lines.Reason.NO_DECOMPRESSOR)
                            .forEach(s -> tally.unknown(ShownText.escaped(s.path()) + " could not be read: the host "
                                    + "has neither gzip nor zcat"));
                    lines.files().forEach(f -> read.add(ShownText.escaped(f) + " (" + source.how() + ")"));
                    lines.skipped().stream().filter(s -> s.reason() == Lines.Reason.OLDER_THAN_WINDOW)
                            .forEach(s -> read.add(ShownText.escaped(s.path()) + " (not read: last written before "
                                    + "the window)"));
                    logs.add(new LogSource(source.scan().pattern(), source.how(), source.instance(), lines.lines()));
                }
                case Fact.Absent<Lines> a -> missing.add(source.shown() + " (" + source.how() + ")");
                case Fact.Unknown<Lines> u -> {
                    tally.observe(source.shown() + ": unknown");
                    tally.unknown(u.reason() + (u.cause() == Fact.Cause.NOT_COLLECTED ? " (a capture holds the scans of "
                            + "the window it was collected for: audit it with the same --since)" : ""));
                }
            }
        }
        if (logs.isEmpty()) {
            tally.observe("no freeze log found");
            tally.unknown("no freeze log to read in " + window.describe() + (lookedAt.isEmpty()
                    ? ": no instance was found and the freeze scripts name no log" : ": looked for " + String.join("; ",
                    lookedAt)) + " (name the logs in the inventory variable " + FreezeLogSources.VARIABLE + ")");
            return Optional.empty();
        }
        tally.note("read " + String.join("; ", read) + (missing.isEmpty() ? "" : "; not found: " + String.join("; ",
                missing)) + "; local times in " + zone.get().zone() + " (" + ShownText.escaped(zone.get().source()) + ")");
        Instant asOf = view.asOf();
        FreezeHistory history = FreezeHistory.assemble(logs, zone.get().zone(), info.zoneName(), window.start(asOf), asOf);
        history.problems().forEach(problem -> tally.unknown(ShownText.escaped(problem)));
        return Optional.of(new FreezeLogReading(history, window, asOf, plan, view));
    }
}
