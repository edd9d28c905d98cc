package dev.quiesce.check;

import com.google.auto.service.AutoService;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code freeze-log}: what the freezes of the window left in the logs (the LogFile the scripts name, the
 * wrapper's own log, each instance's {@code messages.log}): whether each switched the journal and set a
 * marker, was thawed, how long writes were suspended, whether any failed, whether the backup ran lately, and
 * whether the journal a restore rolls forward from is still there. One check type, one {@code judge} per
 * rule. No log to read is ERROR with where it looked, never a pass; every finding carries the table of the
 * window's freezes and their durations as a time series.
 */
@AutoService(Check.class)
public final class FreezeLogCheck extends BaseCheck<FreezeLogCheck.Parameters> {

    /** What the rule judges. */
    public enum Judge {
        MARKER(new MarkerJudge()), RESUMED(new ResumedJudge()), DURATION(new DurationJudge()),
        FAILURES(new FailuresJudge()), RECENT(new RecentJudge()), JOURNAL_FILES(new JournalFilesJudge());

        private final FreezeJudge judge;

        Judge(FreezeJudge judge) {
            this.judge = judge;
        }
    }

    public record Parameters(
            @Param(value = "What is judged: marker (each freeze switched the journal and set a marker), resumed "
                    + "(each suspend resumed; none frozen now), duration (each freeze under max_frozen), failures (no "
                    + "failed freeze or thaw logged), recent (a successful freeze within max_age), journal-files (the "
                    + "journal file of each instance's last freeze still exists).", example = "marker") Judge judge,
            @Param(value = "For duration: the longest time writes may stay suspended.", required = false,
                    defaultValue = "60s") Duration maxFrozen,
            @Param(value = "For recent: how old the last successful freeze may be.", required = false,
                    defaultValue = "26h") Duration maxAge,
            @Param(value = "The legacy freeze scripts, whose logs are read.", path = true, required = false,
                    defaultValue = "/usr/sbin/pre-freeze-script") List<String> freezeScripts,
            @Param(value = "The legacy thaw scripts, whose logs are read.", path = true, required = false,
                    defaultValue = "/usr/sbin/post-thaw-script") List<String> thawScripts) {

        FreezeLogSources sources(HostInfo host) {
            return new FreezeLogSources(freezeScripts, thawScripts, AuditWindow.of(host).length());
        }
    }

    public FreezeLogCheck() {
        super("freeze-log", Parameters.class,
                "The freezes the logs record in the window switched the journal, set a marker, thawed in time and ran lately.");
    }

    @Override
    public Needs needs(Parameters p, HostInfo host) {
        return p.sources(host).needs(host);
    }

    @Override
    public Verdict evaluate(Parameters p, HostView view) {
        Tally tally = new Tally();
        FreezeJudge judge = p.judge().judge;
        Optional<FreezeLogReading> reading = FreezeLogReading.read(p.sources(view.host()), view, tally);
        reading.ifPresent(r -> {
            judge.judge(r, p, tally);
            tally.details(FreezeTable.details(r.history(), p.maxFrozen()));
        });
        return tally.verdict(judge.expected(p), judge.passMessage(p));
    }
}
