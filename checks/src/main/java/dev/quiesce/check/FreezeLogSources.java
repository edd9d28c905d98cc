package dev.quiesce.check;

import dev.quiesce.facts.Content;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.freezelog.FreezeLogStrings;
import dev.quiesce.facts.script.ScriptLogFiles;
import dev.quiesce.facts.script.ShellScript;
import dev.quiesce.facts.iris.Instance;
import dev.quiesce.model.HostInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a host's freeze logs are, and how each was found. The inventory variable {@value #VARIABLE}
 * (comma-separated absolute paths or globs) replaces discovery. Otherwise: the files the legacy freeze and
 * thaw scripts write when they run for the running instances (the LogFile of each ExternalFreeze and
 * ExternalThaw, and the wrapper's own log, such as the article's {@code $SNAPLOG}), and each instance's
 * console log, {@code <install>/mgr/messages.log} (IRIS) or {@code mgr/cconsole.log} (Caché). Every log is scanned with its rotated copies ({@code name*}:
 * {@code messages.log.1}, {@code messages.log.2.gz}, logrotate's dated names), those older than the window
 * left unread on the host, for the fixed strings of {@link FreezeLogStrings} only.
 *
 * <p>The scripts and the instance list are first-stage facts; the scans are the second stage, so the
 * scripts of {@code backupScripts.d} (themselves read in the second stage) are not followed: their logs are
 * named with {@value #VARIABLE}. The journal directories of the instances are listed in the same stage,
 * for the rule that the journal files the markers name still exist.
 */
final class FreezeLogSources {
    /** The inventory variable that names the freeze logs instead of discovery. */
    static final String VARIABLE = "freeze_logs";
    /** The inventory variable that names more journal directories to list (comma-separated absolute paths). */
    static final String JOURNALS_VARIABLE = "journal_dirs";
    /** Matched lines a scan keeps: a few hundred bytes a freeze, so years of nightly freezes fit. */
    static final int MAX_BYTES = 8 * 1024 * 1024;
    /** Logs named by one host, at most: each is one scan of the second stage. */
    static final int MAX_LOGS = 64;

    private final List<String> freezeScripts;
    private final List<String> thawScripts;
    private final Duration window;

    FreezeLogSources(List<String> freezeScripts, List<String> thawScripts, Duration window) {
        this.freezeScripts = List.copyOf(freezeScripts);
        this.thawScripts = List.copyOf(thawScripts);
        this.window = window;
    }

    /** One log to scan: the request, how it was found (for evidence), and the instance it belongs to if known. */
    record Source(FactRequest.FileLines scan, String how, Optional<String> instance) {
        String shown() {
            return ShownText.escaped(scan.pattern());
        }
    }

    /** What discovery found: the logs, the journal directories to list, and what kept it from finding more. */
    record Plan(List<Source> sources, List<FactRequest.DirectoryListing> journals, List<String> problems) {
        Plan {
            sources = List.copyOf(sources);
            journals = List.copyOf(journals);
            problems = List.copyOf(problems);
        }

        List<FactRequest<?>> requests() {
            List<FactRequest<?>> all = new ArrayList<>();
            sources.forEach(s -> all.add(s.scan()));
            all.addAll(journals);
            return all;
        }
    }

    Needs needs(HostInfo host) {
        List<FactRequest<?>> first = new ArrayList<>(InstanceFacts.commands());
        if (!host.vars().containsKey(VARIABLE)) {
            freezeScripts.forEach(p -> first.add(ScriptSources.content(p)));
            thawScripts.forEach(p -> first.add(ScriptSources.content(p)));
        }
        return Needs.of(first).then(facts -> plan(host, facts).requests());
    }

    /** The plan, from the first-stage facts (or all of them: it reads only first-stage ones). */
    Plan plan(HostInfo host, Facts facts) {
        InstanceReading reading = InstanceFacts.read(host, facts);
        List<String> problems = new ArrayList<>();
        String named = host.vars().get(VARIABLE);
        // With the logs named, the instances only add journal directories, which QZ-JM-006 says it lacks.
        if (reading instanceof InstanceReading.Unknown u && named == null) {
            problems.add("the instances are not known (" + u.reason() + "), so their messages.log and the logs "
                    + "their freeze scripts write cannot all be named");
        }
        Map<String, Source> sources = new LinkedHashMap<>();
        if (named != null) {
            fromInventory(named, sources, problems);
        } else {
            List<String> running = running(reading);
            for (String path : freezeScripts) {
                fromScript(path, ScriptSide.FREEZE, running, facts, sources, problems);
            }
            for (String path : thawScripts) {
                fromScript(path, ScriptSide.THAW, running, facts, sources, problems);
            }
            for (ListedInstance listed : reading.instances()) {
                Instance instance = listed.instance();
                if (instance.directory().startsWith("/") && !instance.directory().contains("\0")) {
                    for (String name : consoleLogs(listed.source().product())) {
                        add(sources, mgr(instance) + "/" + name, "the " + name + " of instance "
                                + ShownText.escaped(instance.name()) + " (" + listed.source().label() + ")",
                                Optional.of(instance.name()), problems);
                    }
                }
            }
        }
        return new Plan(List.copyOf(sources.values()), journals(host, reading, problems), problems);
    }

    /** Each instance's default journal directory, and those the inventory adds. */
    private static List<FactRequest.DirectoryListing> journals(HostInfo host, InstanceReading reading,
                                                              List<String> problems) {
        List<String> directories = new ArrayList<>(reading.instances().stream().map(ListedInstance::instance)
                .filter(i -> i.directory().startsWith("/") && !i.directory().contains("\0"))
                .map(i -> mgr(i) + "/journal").toList());
        for (String entry : host.vars().getOrDefault(JOURNALS_VARIABLE, "").split(",")) {
            String directory = entry.strip().replaceAll("(?<=.)/+$", "");
            if (directory.isEmpty()) {
                continue;
            }
            if (directory.startsWith("/") && !directory.contains("\0")) {
                directories.add(directory);
            } else {
                problems.add("the inventory variable " + JOURNALS_VARIABLE + " holds '" + ShownText.escaped(entry)
                        + "', which is not an absolute directory path");
            }
        }
        return directories.stream().distinct().map(FactRequest.DirectoryListing::new).toList();
    }

    /** The instance's console log: IRIS writes mgr/messages.log, Caché mgr/cconsole.log; both where unknown. */
    static List<String> consoleLogs(InstanceSource.Product product) {
        return switch (product) {
            case IRIS -> List.of("messages.log");
            case CACHE -> List.of("cconsole.log");
            case UNKNOWN -> List.of("messages.log", "cconsole.log");
        };
    }

    /** Whether a file is an instance's console log or a rotated copy of one (by its name). */
    static boolean consoleLog(String file) {
        return file.matches("(?s)(.*/)?(messages|cconsole)\\.log([.-][^/]*)?");
    }

    private static String mgr(Instance instance) {
        String directory = instance.directoryPath();
        return (directory.equals("/") ? "" : directory) + "/mgr";
    }

    private void fromInventory(String value, Map<String, Source> sources, List<String> problems) {
        for (String entry : value.split(",", -1)) {
            String path = entry.strip();
            if (!path.startsWith("/") || path.endsWith("/") || path.contains("\0")) {
                problems.add("the inventory variable " + VARIABLE + " holds " + "'" + ShownText.escaped(path) + "'"
                        + ", which is not an absolute file path or glob (write /var/log/IRIS-pre_post.log,"
                        + "/usr/irissys/mgr/messages.log)");
                continue;
            }
            add(sources, path, "named in the inventory variable " + VARIABLE, Optional.empty(), problems);
        }
    }

    private void fromScript(String path, ScriptSide side, List<String> running, Facts facts,
                            Map<String, Source> sources, List<String> problems) {
        Fact<Content> fact = facts.get(ScriptSources.content(path));
        if (!(fact instanceof Fact.Present<Content> present)) {
            return; // a missing or unreadable script is another rule's finding; the messages.log remain
        }
        ShellScript script = ShellScript.parse(present.value().text());
        if (!script.readable()) {
            problems.add(ShownText.escaped(path) + " could not be read as a shell script, so the logs it writes "
                    + "are not known (name them in the inventory variable " + VARIABLE + ")");
            return;
        }
        ScriptTarget target = new ScriptTarget(path, side, script, false);
        ScriptLogFiles logs = ScriptLogFiles.of(target.run(5, running));
        for (ScriptLogFiles.LogFileUse use : logs.files()) {
            add(sources, use.path(), origin(use.origin()) + " in " + ShownText.escaped(path) + " line " + use.line(),
                    use.instance(), problems);
        }
        for (ScriptLogFiles.UnknownLogFile unknown : logs.unknown()) {
            problems.add(ShownText.escaped(path) + " line " + unknown.line() + ": " + ShownText.escaped(unknown.why())
                    + " (name the log in the inventory variable " + VARIABLE + ")");
        }
    }

    private static String origin(ScriptLogFiles.Origin origin) {
        return switch (origin) {
            case FREEZE_LOGFILE -> "the LogFile of ExternalFreeze";
            case THAW_LOGFILE -> "the LogFile of ExternalThaw";
            case WRITTEN -> "written by the script";
        };
    }

    private void add(Map<String, Source> sources, String path, String how, Optional<String> instance,
                     List<String> problems) {
        if (sources.containsKey(path)) {
            return;
        }
        if (sources.size() == MAX_LOGS) {
            String tooMany = "more than " + MAX_LOGS + " freeze logs were named; the others were not read";
            if (!problems.contains(tooMany)) {
                problems.add(tooMany);
            }
            return;
        }
        // name* takes the log with its rotated copies; a glob ending in * already does.
        String pattern = path.endsWith("*") ? path : path + "*";
        FactRequest.FileLines scan = new FactRequest.FileLines(pattern, FreezeLogStrings.FIXED, MAX_BYTES)
                .modifiedWithin(window).decompressing();
        sources.put(path, new Source(scan, how, instance));
    }

    /** The instances a freeze script freezes: the running ones, and every one the inventory names. */
    private static List<String> running(InstanceReading reading) {
        return reading.instances().stream()
                .filter(l -> l.instance().state() == Instance.State.RUNNING || l.source() == InstanceSource.INVENTORY)
                .map(l -> l.instance().name()).distinct().sorted().toList();
    }
}
