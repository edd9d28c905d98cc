package dev.quiesce.facts.vmtools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingTest {
    private static final Optional<ToolsConf> CONF = Optional.of(ToolsConf.parse(
            "[vmbackup]\ntimeout = 1200\nexecScripts=False\nignoreFrozenFileSystems=1\n"));

    @Test
    void aWrittenValueIsTakenWithItsLine() {
        Setting<Integer> timeout = Setting.integer(CONF, "vmbackup", "timeout", 900);
        assertEquals(1200, timeout.value());
        assertEquals(Setting.Source.SET, timeout.source());
        assertEquals(2, timeout.entry().orElseThrow().line());
        assertEquals(true, Setting.bool(CONF, "vmbackup", "ignoreFrozenFileSystems", false).value());
    }

    @Test
    void unreadableUnsetAndNoFileTakeTheDefault() {
        Setting<Boolean> exec = Setting.bool(CONF, "vmbackup", "execScripts", true);
        assertEquals(new Setting<>(true, Setting.Source.UNREADABLE, CONF.get().entry("vmbackup", "execScripts")), exec);
        assertEquals(new Setting<>(900, Setting.Source.UNSET, Optional.empty()),
                Setting.integer(CONF, "logging", "timeout", 900));
        assertEquals(new Setting<>(false, Setting.Source.NO_FILE, Optional.empty()),
                Setting.bool(Optional.empty(), "vmbackup", "ignoreFrozenFileSystems", false));
    }
}
