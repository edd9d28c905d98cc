package dev.quiesce.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.facts.AllowedCommand;
import dev.quiesce.facts.CommandResult;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.facts.ProcessList;
import dev.quiesce.facts.ShellProbe;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Status;
import dev.quiesce.model.Verdict;
import dev.quiesce.model.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The command-reading VMware Tools checks through a real probe script and shell, with stand-in commands
 * (shell functions ahead of the script) that answer only when called with exactly the argv the
 * AllowedCommand declares: a quoting mistake on the way shows as a command that failed, not as a pass.
 */
class VmwareToolsProbeTest {
    private static final HostInfo HOST = new HostInfo("guest", Set.of("guest"), Map.of());
    private static final String STAND_INS = """
            ps() { [ "$*" = '-e -o user= -o args=' ] || return 9
              printf 'root     /sbin/init\\nroot     /usr/bin/vmtoolsd\\nalice    /usr/bin/vmtoolsd -n vmusr\\n'; }
            systemctl() { [ "$1 $2" = 'is-enabled --' ] || return 9
              case $3 in open-vm-tools.service) echo enabled;; vmtoolsd.service) echo alias;; *) return 9;; esac; }
            dpkg-query() { [ "$1|$2|$3|$4" = '-W|--showformat=${Status}\\n|--|open-vm-tools' ] || return 9
              echo 'install ok installed'; }
            rpm() { [ "$*" = '-q -- open-vm-tools' ] || return 9; echo 'package open-vm-tools is not installed'; return 1; }
            vmware-toolbox-cmd() { [ "$*" = '-v' ] || return 9; echo '12.3.5.46049 (build-22544099)'; }
            """;

    private static <P extends Record> Verdict run(Check<P> check, P parameters, String standIns) {
        List<FactRequest<?>> requests = check.needs(parameters, HOST).here().first();
        // bash: dash takes no '-' in a function name (dpkg-query, vmware-toolbox-cmd).
        ShellProbe.Shell bash = new ShellProbe.Shell("bash", List.of("/bin/bash", "-s"), standIns);
        Facts facts = ShellProbe.run(bash, "", requests).facts();
        return check.evaluate(parameters, new HostView(HOST, facts, Facts.unknown(Fact.Cause.UNAVAILABLE, "no link",
                Instant.EPOCH)));
    }

    @Test
    void standInsCalledWithTheDeclaredArgvPass() {
        Verdict service = run(new ServiceCheck(), new ServiceCheck.Parameters("vmtoolsd", List.of("vmusr"),
                List.of("open-vm-tools.service", "vmtoolsd.service")), STAND_INS);
        assertEquals(Status.PASS, service.status(), service.message());
        assertTrue(service.observed().contains("alice, a per-user instance"), service.observed());

        Verdict installed = run(new InstalledCheck(), new InstalledCheck.Parameters("open-vm-tools",
                List.of("/nonexistent/quiesce/vmtoolsd")), STAND_INS);
        assertEquals(Status.PASS, installed.status(), installed.message());
        assertTrue(installed.observed().contains("rpm: open-vm-tools is not installed"), installed.observed());

        Verdict version = run(new ToolsVersionCheck(), new ToolsVersionCheck.Parameters(Version.parse("12.3.5")
                .orElseThrow()), STAND_INS);
        assertEquals(Status.PASS, version.status(), version.message());
    }

    @Test
    void aStandInThatRefusesItsArgvIsACommandThatFailedNeverAPass() {
        Verdict service = run(new ServiceCheck(), new ServiceCheck.Parameters("vmtoolsd", List.of("vmusr"),
                List.of("open-vm-tools.service")), STAND_INS + "ps() { return 9; }\n");
        assertEquals(Status.ERROR, service.status(), service.message());
        assertTrue(service.message().contains("ps -e -o user= -o args= exited 9"), service.message());
    }

    /** This machine's own ps, through the probe: the JVM running this test is a process named java. */
    @Test
    void theRealPsListsThisJvmByItsProgramName() {
        FactRequest.CommandOutput ps = new FactRequest.CommandOutput(AllowedCommand.PS_USER_ARGS);
        Fact<CommandResult> fact = ShellProbe.run(ShellProbe.sh(), "", List.of(ps)).facts().get(ps);
        CommandResult result = assertInstanceOf(Fact.Present.class, fact, fact.toString()).value() instanceof
                CommandResult r ? r : null;
        assertFalse(ProcessList.parse(result.stdout()).named("java").isEmpty(), result.stdout());
    }
}
