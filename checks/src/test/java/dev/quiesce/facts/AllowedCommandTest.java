package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Commands with per-position argument patterns: the syntax check runs a known shell with -n on an absolute path only. */
class AllowedCommandTest {
    @Test
    void syntaxCheckTakesAShellMinusNAndAnAbsoluteScript() {
        FactRequest.CommandOutput ok = new FactRequest.CommandOutput(AllowedCommand.SHELL_SYNTAX_CHECK,
                List.of("/bin/bash", "-n", "/usr/sbin/pre-freeze-script"));
        assertEquals(List.of("/bin/bash", "-n", "/usr/sbin/pre-freeze-script"), ok.argv());
        for (String shell : List.of("/bin/sh", "/usr/bin/dash", "/bin/ksh", "/usr/bin/mksh", "/usr/local/bin/zsh")) {
            AllowedCommand.SHELL_SYNTAX_CHECK.checkArguments(List.of(shell, "-n", "/etc/x"));
        }
    }

    @Test
    void syntaxCheckRefusesAnythingElse() {
        for (List<String> bad : List.of(List.of("/usr/bin/python3", "-n", "/x"), List.of("bash", "-n", "/x"),
                List.of("/tmp/evil/sh", "-n", "/x"), List.of("/bin/sh", "-c", "/x"), List.of("/bin/sh", "-n", "-x"),
                List.of("/bin/sh", "-n", "x"), List.of("/bin/sh", "-n", "/x\n/y"), List.of("/bin/sh", "-n"),
                List.of("/bin/sh", "-n", "/x", "/y"))) {
            assertThrows(IllegalArgumentException.class, () -> AllowedCommand.SHELL_SYNTAX_CHECK.checkArguments(bad),
                    bad.toString());
        }
    }

    @Test
    void fixedCountCommandsStillCheckEveryArgument() {
        AllowedCommand.SYSTEMCTL_IS_ACTIVE.checkArguments(List.of("vmtoolsd.service"));
        assertThrows(IllegalArgumentException.class, () -> AllowedCommand.SYSTEMCTL_IS_ACTIVE.checkArguments(
                List.of("x; reboot")));
        assertThrows(IllegalArgumentException.class, () -> AllowedCommand.UNAME.checkArguments(List.of("-a")));
    }
}
