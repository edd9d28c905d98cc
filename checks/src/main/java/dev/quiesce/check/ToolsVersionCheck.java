package dev.quiesce.check;

import com.google.auto.service.AutoService;
import dev.quiesce.facts.AllowedCommand;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.vmtools.ToolsVersion;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import dev.quiesce.model.Version;

/**
 * {@code vmware-tools-version}: the release {@code vmware-toolbox-cmd -v} prints ({@link ToolsVersion}, in
 * either of its forms) is at least the minimum. A host without the command cannot say its version: ERROR,
 * never a pass (whether Tools are installed at all is another rule's).
 */
@AutoService(Check.class)
public final class ToolsVersionCheck extends BaseCheck<ToolsVersionCheck.Parameters> {
    private static final FactRequest.CommandOutput VERSION = new FactRequest.CommandOutput(
            AllowedCommand.VMWARE_TOOLBOX_VERSION);

    public record Parameters(
            @Param(value = "The oldest VMware Tools release accepted (major.minor.update; the build is not "
                    + "compared).", example = "\"12.3.5\"") Version minVersion) {}

    public ToolsVersionCheck() {
        super("vmware-tools-version", Parameters.class,
                "The VMware Tools release vmware-toolbox-cmd -v reports is at least the minimum.");
    }

    @Override
    public Needs needs(Parameters p, HostInfo host) {
        return Needs.of(VERSION);
    }

    @Override
    public Verdict evaluate(Parameters p, HostView view) {
        Tally tally = new Tally();
        tally.read(VERSION.subject(), view.get(VERSION), result -> {
            var version = ToolsVersion.parse(result.stdout());
            if (version.isEmpty()) {
                String shown = ShownText.escaped(firstLine(result.stdout()));
                tally.observe("vmware-toolbox-cmd -v printed '" + shown + "'");
                tally.unknown("unexpected answer for " + VERSION.describe() + ": '" + shown + "' is in neither known form "
                        + "(12.3.5.46049 (build-22544099), 13.1.0.0.25218885)");
                return;
            }
            ToolsVersion v = version.get();
            tally.observe("VMware Tools " + v.release() + v.build().map(b -> " build " + b).orElse("") + " ("
                    + ShownText.escaped(v.shown()) + ")");
            if (!v.atLeast(p.minVersion())) {
                tally.fail("VMware Tools " + v.release() + " is older than " + p.minVersion() + ": upgrade "
                        + "open-vm-tools (apt-get install --only-upgrade open-vm-tools, or dnf upgrade open-vm-tools)");
            }
        }, () -> {
            tally.observe("vmware-toolbox-cmd: command not found");
            tally.unknown("vmware-toolbox-cmd is not on the host's PATH, so the VMware Tools version cannot be read "
                    + "(whether VMware Tools are installed is the installed rule's to say)");
        });
        return tally.verdict("VMware Tools " + p.minVersion() + " or newer", "VMware Tools are " + p.minVersion()
                + " or newer");
    }

    /** The first non-blank line, at most 200 characters: what a message quotes of unknown output. */
    private static String firstLine(String output) {
        String line = output.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
