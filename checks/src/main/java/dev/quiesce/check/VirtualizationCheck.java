package dev.quiesce.check;

import com.google.auto.service.AutoService;
import dev.quiesce.facts.AllowedCommand;
import dev.quiesce.facts.CommandResult;
import dev.quiesce.facts.Content;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ShownText;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code virtualization}: the host is a virtual machine of the given platform, by
 * {@code systemd-detect-virt} or, where that cannot say (no systemd, a container, {@code --root}), by the
 * DMI vendor and product name the firmware reports. One source that names the platform passes; one that
 * names another platform, or no virtualisation, fails; when neither can say, ERROR.
 */
@AutoService(Check.class)
public final class VirtualizationCheck extends BaseCheck<VirtualizationCheck.Parameters> {
    static final String VENDOR = "/sys/class/dmi/id/sys_vendor";
    static final String PRODUCT = "/sys/class/dmi/id/product_name";
    private static final FactRequest.CommandOutput DETECT_VIRT = new FactRequest.CommandOutput(
            AllowedCommand.SYSTEMD_DETECT_VIRT).meaning(1);
    private static final List<FactRequest.FileContent> DMI = List.of(new FactRequest.FileContent(VENDOR, 256),
            new FactRequest.FileContent(PRODUCT, 256));
    /** What systemd-detect-virt prints inside a container: it then says nothing of the machine underneath. */
    private static final Set<String> CONTAINERS = Set.of("openvz", "lxc", "lxc-libvirt", "systemd-nspawn", "docker",
            "podman", "rkt", "wsl", "proot", "pouch");

    public record Parameters(
            @Param(value = "What systemd-detect-virt prints on the platform.", required = false,
                    defaultValue = "vmware") String detectVirt,
            @Param(value = "What the DMI sys_vendor or product_name of the platform's machines match (whole value).",
                    required = false, defaultValue = "VMware.*") Pattern dmi) {}

    /** What the sources said: the platform, another one, or nothing decisive. */
    private record Seen(List<String> platform, List<String> other, List<String> unknown) {
        Seen() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    public VirtualizationCheck() {
        super("virtualization", Parameters.class,
                "The host is a virtual machine of the platform, by systemd-detect-virt or else by DMI.");
    }

    @Override
    public Needs needs(Parameters p, HostInfo host) {
        List<FactRequest<?>> all = new ArrayList<>(DMI);
        all.add(0, DETECT_VIRT);
        return Needs.of(all);
    }

    @Override
    public Verdict evaluate(Parameters p, HostView view) {
        Tally tally = new Tally();
        Seen seen = new Seen();
        detectVirt(p, view.get(DETECT_VIRT), seen, tally);
        for (FactRequest.FileContent file : DMI) {
            dmi(p, file.path(), view.get(file), seen, tally);
        }
        String expected = "a " + p.detectVirt() + " virtual machine";
        if (seen.platform().isEmpty()) {
            if (!seen.other().isEmpty()) {
                tally.fail("this host is not a " + p.detectVirt() + " virtual machine (" + String.join("; ", seen.other())
                        + "): VMware Tools, quiesced snapshots and the rules that follow do not apply to it; "
                        + "take it out of the guest role in the inventory");
            } else {
                seen.unknown().forEach(tally::unknown);
                tally.unknown("neither systemd-detect-virt nor DMI says what this host runs on");
            }
        }
        return tally.verdict(expected, "a " + p.detectVirt() + " virtual machine (" + String.join("; ", seen.platform())
                + ")");
    }

    private static void detectVirt(Parameters p, Fact<CommandResult> fact, Seen seen, Tally tally) {
        tally.evidence(fact.evidence());
        switch (fact) {
            case Fact.Present<CommandResult> r -> {
                String word = r.value().stdout().strip();
                String shown = "systemd-detect-virt: " + ShownText.escaped(word.isEmpty() ? "(nothing)" : word);
                tally.observe(shown);
                if (r.value().exitStatus() == 1 || word.equals("none")) {
                    seen.other().add(shown + " (not virtualised)");
                } else if (word.equals(p.detectVirt())) {
                    seen.platform().add(shown);
                } else if (CONTAINERS.contains(word)) {
                    seen.unknown().add(shown + " is a container, which says nothing of the machine under it");
                } else if (word.matches("[a-z0-9-]{1,40}")) {
                    seen.other().add(shown);
                } else {
                    seen.unknown().add("unexpected answer for " + DETECT_VIRT.describe() + ": " + shown);
                }
            }
            case Fact.Absent<CommandResult> a -> {
                tally.observe("systemd-detect-virt: not installed");
                seen.unknown().add("systemd-detect-virt is not installed");
            }
            case Fact.Unknown<CommandResult> u -> {
                tally.observe("systemd-detect-virt: unknown");
                seen.unknown().add(u.reason());
            }
        }
    }

    private static void dmi(Parameters p, String path, Fact<Content> fact, Seen seen, Tally tally) {
        tally.evidence(fact.evidence());
        switch (fact) {
            case Fact.Present<Content> c -> {
                String value = c.value().text().strip();
                String shown = path + ": " + ShownText.escaped(value);
                tally.observe(shown);
                if (p.dmi().matcher(value).matches()) {
                    seen.platform().add(shown);
                } else {
                    seen.other().add(shown);
                }
            }
            case Fact.Absent<Content> a -> {
                tally.observe(path + ": missing");
                seen.unknown().add(path + " does not exist (no DMI on this machine, or a tree without /sys)");
            }
            case Fact.Unknown<Content> u -> {
                tally.observe(path + ": unknown");
                seen.unknown().add(u.reason());
            }
        }
    }
}
