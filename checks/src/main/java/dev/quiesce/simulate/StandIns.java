package dev.quiesce.simulate;

import dev.quiesce.facts.ShellQuote;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stand-ins a simulated script calls instead of IRIS, Caché, {@code logger} and {@code sync}: one
 * POSIX {@code sh} body ({@code quiesce/simulate/standin.sh}) per name, which records its argv (and a
 * session's heredoc input) in {@link #CALLS} and answers as the scenario's {@link #SCENARIO} file says.
 *
 * <p>Answers: {@code iris session}, {@code irissession} and {@code csession} exit with the scenario's
 * freeze status for a command naming {@code ExternalFreeze}, its thaw status for {@code ExternalThaw},
 * {@value #HISTORY_STATUS} for {@code ExternalSetHistory} (what a real session returns there is
 * unconfirmed; a script should not depend on it), 5 or 3 for {@code IsWDSuspendedExt} by whether this run
 * froze the instance and did not thaw it, 0 for another command, and 1 (refused) for an instance that is
 * not running; a status {@code hang} sleeps forever. {@code iris freeze}/{@code thaw} answer 0 for a
 * scenario status 5, else 1. {@code qlist}, {@code qall}/{@code all} and {@code list} print the scenario's
 * instances in the formats of the domain notes. Another {@code iris}/{@code ccontrol} subcommand is
 * recorded and answers 1 (not simulated); {@code logger} and {@code sync} answer 0.
 */
final class StandIns {
    static final String DIR = "/.quiesce";
    static final String BIN = DIR + "/bin";
    static final String CALLS = DIR + "/calls";
    static final String STATE = DIR + "/state";
    static final String SCENARIO = DIR + "/scenario";
    static final int HISTORY_STATUS = 1;
    static final List<String> NAMES = List.of("iris", "irissession", "csession", "ccontrol", "logger", "sync");
    private static final List<String> DATABASE = List.of("iris", "irissession", "csession", "ccontrol");
    /** An absolute path ending in a stand-in's name, not the tail of a longer word or of a variable. */
    private static final Pattern MENTIONED = Pattern.compile(
            "(?<![A-Za-z0-9_.})$/-])(/[A-Za-z0-9_.+@%-]+)*/(" + String.join("|", NAMES) + ")(?![A-Za-z0-9_.+@%/-])");
    private static final String BODY = load();

    private StandIns() {}

    private static String load() {
        try (InputStream in = StandIns.class.getResourceAsStream("/quiesce/simulate/standin.sh")) {
            if (in == null) {
                throw new IllegalStateException("quiesce/simulate/standin.sh is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stand-in for {@code name}, one of {@link #NAMES}. */
    static String script(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no stand-in for " + name);
        }
        return BODY.replace("@TOOL@", name);
    }

    /**
     * Where the stand-ins go: {@link #BIN} (first on PATH), the usual absolute places, each instance's
     * own {@code bin}, and every absolute path ending in a stand-in's name that a script's text mentions.
     */
    static TreeSet<String> places(List<String> instanceDirectories, List<String> scriptTexts) {
        TreeSet<String> places = new TreeSet<>();
        NAMES.forEach(n -> places.add(BIN + "/" + n));
        List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/usr/irissys/bin", "/usr/cachesys/bin"));
        instanceDirectories.forEach(d -> dirs.add(d + "/bin"));
        dirs.forEach(d -> DATABASE.forEach(n -> places.add(d + "/" + n)));
        for (String text : scriptTexts) {
            places.addAll(mentioned(text));
        }
        return places;
    }

    /** The absolute paths ending in a stand-in's name in {@code text}, by a plain token scan. */
    static List<String> mentioned(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = MENTIONED.matcher(text);
        while (m.find()) {
            String path = m.group();
            if (!path.contains("//") && !path.contains("/../") && !path.contains("/./") && !path.startsWith("/dev/")
                    && !path.startsWith("/proc/") && !path.startsWith(DIR + "/")) {
                found.add(path);
            }
        }
        return found;
    }

    /** The scenario file the stand-ins source: running instances and the statuses to answer. */
    static String scenarioFile(Scenario scenario) {
        return "running=" + ShellQuote.quote(String.join(" ", scenario.running())) + "\n"
                + "freeze=" + ShellQuote.quote(scenario.freeze()) + "\n"
                + "thaw=" + ShellQuote.quote(scenario.thaw()) + "\n"
                + "history=" + HISTORY_STATUS + "\n";
    }

    /** An installed instance as the listings show it. */
    record Listed(String name, String directory, boolean running, boolean first) {}

    /** The instances of a scenario for one flavour ({@code iris} or {@code cache}). */
    static List<Listed> listed(Scenario scenario, String flavour) {
        List<Listed> listed = new ArrayList<>();
        for (String name : scenario.installed()) {
            boolean first = listed.isEmpty();
            String dir = flavour.equals("iris") ? (first ? "/usr/irissys" : "/opt/iris/" + name.toLowerCase(Locale.ROOT))
                    : (first ? "/usr/cachesys" : "/opt/cache/" + name.toLowerCase(Locale.ROOT));
            listed.add(new Listed(name, dir, scenario.running().contains(name), first));
        }
        return listed;
    }

    private static final String SINCE = "Mon Dec  1 09:00:00 2025";

    /** {@code qlist}: one ^-separated line per instance (Caché's older nine fields). */
    static String qlist(List<Listed> instances, String flavour) {
        StringBuilder out = new StringBuilder();
        int port = 1972;
        for (Listed i : instances) {
            String status = i.running() ? "running, since " + SINCE : "down, last used " + SINCE;
            if (flavour.equals("iris")) {
                out.append(String.join("^", i.name(), i.directory(), "2023.1.0.235.1", status, "iris.cpf",
                        Integer.toString(port), Integer.toString(port + 50801), "0", "ok", "IRIS", "", "",
                        i.directory() + "/mgr/")).append('\n');
            } else {
                out.append(String.join("^", i.name(), i.directory(), "2018.1.4.505.1", status, "cache.cpf",
                        Integer.toString(port), Integer.toString(port + 55800), "62972", "ok")).append('\n');
            }
            port++;
        }
        return out.toString();
    }

    /** {@code qall}: two header lines, then status, default mark and name from the fifth column. */
    static String qall(List<Listed> instances, String flavour) {
        StringBuilder out = new StringBuilder("Instance Name     Version ID        Port   Directory\n"
                + "----------------  ----------------  -----  --------------------------------\n");
        int port = 1972;
        for (Listed i : instances) {
            out.append(String.format(Locale.ROOT, "%s %s%-18s%-18s%-7d%s%n", i.running() ? "up" : "dn",
                    i.first() ? ">" : " ", i.name(), flavour.equals("iris") ? "2023.1.0.235.1" : "2018.1.4.505.1",
                    port++, i.directory()));
        }
        return out.toString();
    }

    /** {@code list}: a block per instance. */
    static String list(List<Listed> instances, String flavour) {
        StringBuilder out = new StringBuilder();
        for (Listed i : instances) {
            out.append("Configuration '").append(i.name()).append("'").append(i.first() ? "   (default)" : "")
                    .append("\n\tdirectory:    ").append(i.directory())
                    .append("\n\tversionid:    ").append(flavour.equals("iris") ? "2023.1.0.235.1" : "2018.1.4.505.1")
                    .append("\n\tconf file:    ").append(flavour.equals("iris") ? "iris.cpf" : "cache.cpf")
                    .append("\n\tstatus:       ").append(i.running() ? "running, since " : "down, last used ")
                    .append(SINCE).append("\n\tstate:        ok\n");
        }
        return out.toString();
    }
}
