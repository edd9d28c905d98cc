package dev.quiesce.check;

import com.google.auto.service.AutoService;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ShellQuote;
import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.vmtools.Setting;
import dev.quiesce.facts.vmtools.ToolsConf;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code tools-conf-boolean}: boolean keys of one tools.conf group do not take the forbidden value, as
 * vmtoolsd reads them ({@link ToolsConf}: GLib's key file). A key that is unset, or whose value GLib
 * cannot read as a boolean, takes vmtoolsd's default; a missing file means every default. A file GLib
 * refuses is ERROR: vmtoolsd ignores all of it, but which settings it then runs with depends on when it
 * last loaded the file (libvmtools/vmtoolsConfig.c: a refused reload keeps the dictionary loaded before;
 * only a vmtoolsd started with the refused file runs with its defaults). The exception is a key before the
 * first group, which vmtoolsd loads as an empty file: every key takes its default ({@link ToolsConf.Refusal}).
 * How the file is loaded is {@link ToolsConfFile}'s, shared with the other tools.conf checks.
 */
@AutoService(Check.class)
public final class ToolsConfBooleanCheck extends BaseCheck<ToolsConfBooleanCheck.Parameters> {

    public record Parameters(
            @Param(value = "The tools.conf file.", required = false, path = true,
                    defaultValue = "/etc/vmware-tools/tools.conf") String path,
            @Param(value = "The [group] the keys are in.", required = false, defaultValue = "vmbackup") String group,
            @Param(value = "The keys, each read as a GLib boolean.", example = "[execScripts, enableSyncDriver]")
            List<String> keys,
            @Param(value = "The value none of the keys may have.", example = "false") Boolean forbidden,
            @Param(value = "The value vmtoolsd takes for a key that is unset or not a boolean GLib reads (its "
                    + "default in the open-vm-tools source).", example = "true") Boolean whenUnset,
            @Param(value = "For each key, what the forbidden value does, for the message.", required = false,
                    example = "{execScripts: no freeze or thaw script runs}") Map<String, String> consequences) {

        ToolsConfFile file() {
            return new ToolsConfFile(path);
        }
    }

    public ToolsConfBooleanCheck() {
        super("tools-conf-boolean", Parameters.class,
                "Boolean keys of a tools.conf group, as vmtoolsd reads them, do not take the forbidden value.");
    }

    @Override
    public List<String> crossCheck(Parameters p) {
        return p.consequences().keySet().stream().filter(k -> !p.keys().contains(k))
                .map(k -> "'consequences' names " + k + ", which is not one of 'keys'").toList();
    }

    @Override
    public Needs needs(Parameters p, HostInfo host) {
        return Needs.of(p.file().request());
    }

    @Override
    public Verdict evaluate(Parameters p, HostView view) {
        Tally tally = new Tally();
        String expected = "[" + p.group() + "] " + String.join(", ", p.keys()) + " not " + p.forbidden()
                + " (unset means " + p.whenUnset() + ")";
        Optional<ToolsConfFile.Loaded> loaded = p.file().read(view, tally, defaults(p));
        loaded.ifPresent(l -> inspect(p, l, tally));
        return tally.verdict(expected, loaded.isPresent() && loaded.get().conf().isEmpty()
                ? p.path() + " does not exist, so vmtoolsd uses its defaults: " + defaults(p)
                : "none of " + String.join(", ", p.keys()) + " is " + p.forbidden() + " in " + p.path());
    }

    private static void inspect(Parameters p, ToolsConfFile.Loaded loaded, Tally tally) {
        if (loaded.defaultsWhy().isPresent()) {
            p.keys().forEach(key -> judge(p, key, p.whenUnset(), key + " takes its default " + p.whenUnset()
                    + " (" + loaded.defaultsWhy().get() + ")", tally));
            return;
        }
        for (String key : p.keys()) {
            Setting<Boolean> setting = Setting.bool(loaded.conf(), p.group(), key, p.whenUnset());
            String shown = setting.entry().map(e -> key + "=" + ShownText.escaped(e.value().stripTrailing())
                    + " (line " + e.line() + ")").orElse(key);
            judge(p, key, setting.value(), switch (setting.source()) {
                case SET -> shown;
                case UNREADABLE -> shown + " is not a boolean GLib reads (true, false, 1, 0), so vmtoolsd uses the "
                        + "default " + p.whenUnset();
                case UNSET, NO_FILE -> key + " unset: default " + p.whenUnset();
            }, tally);
        }
    }

    private static void judge(Parameters p, String key, boolean value, String seen, Tally tally) {
        tally.observe(seen);
        if (value == p.forbidden()) {
            tally.fail(key + " is " + value + " in effect (" + seen + ")"
                    + (p.consequences().containsKey(key) ? ": " + p.consequences().get(key) : "")
                    + "; set " + key + "=" + !p.forbidden() + " under [" + p.group() + "] in " + ShellQuote.word(p.path())
                    + " (vmtoolsd rereads it within 5 seconds)");
        }
    }

    private static String defaults(Parameters p) {
        return String.join(", ", p.keys().stream().map(k -> k + "=" + p.whenUnset()).toList());
    }
}
