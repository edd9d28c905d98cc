package dev.quiesce.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The logs a guest's nightly freezes leave, written into a {@link GuestTree} as the article's scripts and the
 * instance write them: the wrapper's {@code /var/log/snapshot.log} ({@code date}'s default form), the LogFile
 * {@code /var/log/<INST>-pre_post.log} ({@code MM/DD/YYYY HH:MM:SS}, multi-line entries) and the instance's
 * console log, {@code <install>/mgr/messages.log} (IRIS) or {@code cconsole.log} (Caché), in the form
 * {@code MM/DD/YY-HH:MM:SS:mmm}, without the marker, which IRIS logs only in the LogFile; all in the host's
 * local time, with the journal files the markers name.
 */
public final class FreezeLogs {
    private static final DateTimeFormatter LOGFILE = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MESSAGES = DateTimeFormatter.ofPattern("MM/dd/yy-HH:mm:ss:SSS", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss zzz yyyy", Locale.US);

    /** One freeze: when it began, how long writes stayed suspended, and what it logged. */
    public record Night(Instant start, int frozenSeconds, boolean marker, boolean resumed) {
        public static Night good(Instant start, int frozenSeconds) {
            return new Night(start, frozenSeconds, true, true);
        }
    }

    private final String instance;
    private final String install;
    private final String consoleLog;
    private final ZoneId zone;
    private final List<Night> nights = new ArrayList<>();

    /** @param consoleLog {@code messages.log} for IRIS, {@code cconsole.log} for Caché */
    public FreezeLogs(String instance, String install, String consoleLog, ZoneId zone) {
        this.instance = instance;
        this.install = install;
        this.consoleLog = consoleLog;
        this.zone = zone;
    }

    public FreezeLogs night(Night night) {
        nights.add(night);
        return this;
    }

    /** {@code count} good nights at 03:10 local, the last one the night before {@code now}. */
    public FreezeLogs nightly(Instant now, int count) {
        ZonedDateTime last = now.atZone(zone).withHour(3).withMinute(10).withSecond(1).withNano(0);
        if (last.toInstant().isAfter(now)) {
            last = last.minusDays(1);
        }
        for (int i = count - 1; i >= 0; i--) {
            night(Night.good(last.minusDays(i).toInstant(), 7 + i));
        }
        return this;
    }

    public String journal(Night night) {
        return install + "/mgr/journal/" + night.start().atZone(zone).format(DateTimeFormatter.BASIC_ISO_DATE)
                .substring(0, 8) + ".002";
    }

    public GuestTree writeTo(GuestTree tree) {
        StringBuilder snap = new StringBuilder();
        StringBuilder logFile = new StringBuilder();
        StringBuilder messages = new StringBuilder(at(MESSAGES, Instant.EPOCH.plusSeconds(1_700_000_000))
                + " (1201) 0 [Generic.Event] Instance " + instance + " started\n");
        tree.directory(install + "/mgr", "0755").directory(install + "/mgr/journal", "0755");
        for (Night n : nights) {
            Instant suspended = n.start().plusSeconds(1);
            Instant resumed = suspended.plus(Duration.ofSeconds(n.frozenSeconds()));
            String journal = journal(n);
            String freeze = "Backup.General.ExternalFreeze: ";
            snap.append('\n').append(at(DATE, n.start())).append(": Pre freeze script started\n");
            logFile.append(at(LOGFILE, n.start())).append(": ").append(freeze).append("Suspending system\n");
            messages.append(at(MESSAGES, n.start())).append(" (4242) 0 [Utility.Event] ").append(freeze)
                    .append("Suspending system\n");
            if (n.marker()) {
                logFile.append("\nJournal file switched to:\n").append(journal).append('\n')
                        .append(at(LOGFILE, n.start())).append(": ").append(freeze)
                        .append("Start a journal restore for this backup with journal file: ").append(journal)
                        .append("\n\nJournal marker set at\noffset 136104 of ").append(journal).append('\n');
                messages.append(at(MESSAGES, n.start())).append(" (4242) 0 [Generic.Event] INTERSYSTEMS IRIS ")
                        .append("JOURNALING SYSTEM MESSAGE\nJournaling switched to: ").append(journal).append('\n')
                        .append(at(MESSAGES, n.start())).append(" (4242) 0 [Utility.Event] ").append(freeze)
                        .append("Start a journal restore for this backup with journal file: ").append(journal)
                        .append('\n');
                tree.file(journal, "", "0660");
            }
            logFile.append(at(LOGFILE, suspended)).append(": ").append(freeze).append("System suspended\n");
            messages.append(at(MESSAGES, suspended)).append(" (4242) 0 [Utility.Event] ").append(freeze)
                    .append("System suspended\n");
            snap.append(at(DATE, suspended)).append(":   ").append(instance).append(" IS FROZEN\n");
            if (n.resumed()) {
                for (String what : new String[] {"Resuming system", "System resumed"}) {
                    logFile.append(at(LOGFILE, resumed)).append(": Backup.General.ExternalThaw: ").append(what)
                            .append('\n');
                    messages.append(at(MESSAGES, resumed)).append(" (4243) 0 [Utility.Event] ")
                            .append("Backup.General.ExternalThaw: ").append(what).append('\n');
                }
                snap.append(at(DATE, resumed)).append(":   ").append(instance).append(" IS THAWED\n");
            }
        }
        tree.file("/var/log/snapshot.log", snap.toString(), "0644");
        tree.file("/var/log/" + instance + "-pre_post.log", logFile.toString(), "0644");
        tree.file(install + "/mgr/" + consoleLog, messages.toString(), "0644");
        return tree;
    }

    private String at(DateTimeFormatter format, Instant instant) {
        return instant.atZone(zone).format(format);
    }
}
