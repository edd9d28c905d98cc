package dev.quiesce.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * One simulated call of a script by vmtoolsd: which script, its argument ({@code freeze}, {@code thaw}
 * or {@code freezeFail}), what the stand-ins answer ({@code freeze} and {@code thaw}: a session's exit
 * status, or {@code hang}), which instances run, which are installed (a second, stopped one in the
 * one-instance scenarios when two names are given), and what a correct script does.
 */
public record Scenario(String id, String title, Script script, String argument, String freeze, String thaw,
        List<String> running, List<String> installed, Expectation expectation) {
    public Scenario {
        running = List.copyOf(running);
        installed = List.copyOf(installed);
    }

    /** The two legacy scripts, at the paths vmtoolsd runs them from (the sandbox puts them there). */
    public enum Script {
        PRE_FREEZE("/usr/sbin/pre-freeze-script"), POST_THAW("/usr/sbin/post-thaw-script");

        public final String path;

        Script(String path) {
            this.path = path;
        }
    }

    /** What a correct script does in a scenario; {@link Verdicts} judges it. */
    public enum Expectation {
        /** Freeze answered 5: exit 0, every running instance frozen, none thawed. */
        FROZEN,
        /** Freeze answered 3 or was refused (1): exit non-zero. */
        FREEZE_FAILED,
        /** Freeze never answers: anything but exit 0 (killed while waiting, or giving up non-zero). */
        FREEZE_HANGS,
        /** Thaw answered 5: exit 0, every running instance thawed. */
        THAWED,
        /** Thaw answered 3: exit non-zero, a thaw tried for every running instance. */
        THAW_FAILED,
        /** {@code freezeFail}: every running instance thawed; vmtoolsd ignores the exit status. */
        THAWED_AFTER_FAILED_FREEZE
    }

    /**
     * The scenarios of issue 9 for the scripts given: freeze answering 5, 3, 1 (session refused) and
     * hanging; thaw answering 5 and 3; post-thaw called with {@code freezeFail}; each with one running
     * instance and, when two names are given, with two (the hang with one only: a second adds nothing).
     */
    public static List<Scenario> all(List<String> instances, boolean preFreeze, boolean postThaw) {
        List<List<String>> counts = instances.size() >= 2
                ? List.of(instances.subList(0, 1), instances.subList(0, 2)) : List.of(instances.subList(0, 1));
        List<String> installed = instances.subList(0, Math.min(2, instances.size()));
        List<Scenario> all = new ArrayList<>();
        if (preFreeze) {
            add(all, counts, installed, "freeze-5", "freeze answers 5", Script.PRE_FREEZE, "freeze", "5", "5",
                    Expectation.FROZEN);
            add(all, counts, installed, "freeze-3", "freeze answers 3", Script.PRE_FREEZE, "freeze", "3", "5",
                    Expectation.FREEZE_FAILED);
            add(all, counts, installed, "freeze-1", "session refused (1)", Script.PRE_FREEZE, "freeze", "1", "5",
                    Expectation.FREEZE_FAILED);
            add(all, counts.subList(0, 1), installed, "freeze-hang", "freeze hangs", Script.PRE_FREEZE, "freeze",
                    "hang", "5", Expectation.FREEZE_HANGS);
        }
        if (postThaw) {
            add(all, counts, installed, "thaw-5", "thaw answers 5", Script.POST_THAW, "thaw", "5", "5",
                    Expectation.THAWED);
            add(all, counts, installed, "thaw-3", "thaw answers 3", Script.POST_THAW, "thaw", "5", "3",
                    Expectation.THAW_FAILED);
            add(all, counts, installed, "freezeFail", "called with freezeFail", Script.POST_THAW, "freezeFail", "5", "5",
                    Expectation.THAWED_AFTER_FAILED_FREEZE);
        }
        return List.copyOf(all);
    }

    private static void add(List<Scenario> all, List<List<String>> counts, List<String> installed, String id,
            String title, Script script, String argument, String freeze, String thaw, Expectation expectation) {
        for (List<String> running : counts) {
            all.add(new Scenario(id + "/" + running.size(), title + ", " + running.size() + " running", script,
                    argument, freeze, thaw, running, installed, expectation));
        }
    }
}
