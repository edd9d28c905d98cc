package dev.quiesce.facts.vmtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** excludedFileSystems as lib/syncDriver/syncDriverPosix.c applies it, and GLib's string reading before it. */
class ExcludedFileSystemsTest {
    @Test
    void theValueSplitsAtEveryCommaKeepingBlanksAndDroppingEmptyItems() {
        assertEquals(List.of("/data", " /journal", "/x "), ExcludedFileSystems.parse("/data,, /journal,/x ,").patterns());
        assertEquals(List.of(), ExcludedFileSystems.parse("").patterns());
        assertEquals(Optional.empty(), ExcludedFileSystems.parse("/data, /journal").matching("/journal"));
        assertTrue(ExcludedFileSystems.padded(" /journal"));
        assertFalse(ExcludedFileSystems.padded("/journal"));
    }

    @Test
    void patternsAreGlibPatternsMatchedAgainstTheWholeMountPoint() {
        ExcludedFileSystems e = ExcludedFileSystems.parse("/opt/app/project-*,/iris/?b,/exact");
        assertEquals(Optional.of("/opt/app/project-*"), e.matching("/opt/app/project-a/deep"), "* crosses /");
        assertEquals(Optional.of("/iris/?b"), e.matching("/iris/db"));
        assertEquals(Optional.empty(), e.matching("/iris/db2"), "the whole path must match");
        assertEquals(Optional.empty(), e.matching("/exact/sub"));
        assertEquals(Optional.empty(), e.matching("/exac"));
        assertEquals(Optional.of("/exact"), e.matching("/exact"));
        assertTrue(ExcludedFileSystems.matches("[ab]", "[ab]"), "brackets are plain characters to GLib");
        assertFalse(ExcludedFileSystems.matches("[ab]", "a"));
        assertTrue(ExcludedFileSystems.matches("*", ""));
        assertTrue(ExcludedFileSystems.matches("/a*b*c", "/a-b-x-c"));
        assertFalse(ExcludedFileSystems.matches("/a*b*c", "/a-b-x-"));
        assertTrue(ExcludedFileSystems.matches("/\\*", "/\\x"), "a backslash escapes nothing");
    }

    @Test
    void stringsAreReadWithGlibsEscapes() {
        assertEquals(Optional.of("/a b\t\\"), ToolsConf.asString("/a\\sb\\t\\\\"));
        assertEquals(Optional.of("/data "), ToolsConf.asString("/data "), "blanks at the end are kept");
        assertEquals(Optional.empty(), ToolsConf.asString("/data\\x"));
        assertEquals(Optional.empty(), ToolsConf.asString("/data\\"));
        ToolsConf conf = ToolsConf.parse("[vmbackup]\nexcludedFileSystems = /a\\s,/b\n");
        Setting<String> s = Setting.string(Optional.of(conf), "vmbackup", "excludedFileSystems", "");
        assertEquals("/a ,/b", s.value());
        assertEquals(Setting.Source.SET, s.source());
        assertEquals(Setting.Source.UNREADABLE, Setting.string(Optional.of(ToolsConf.parse("[vmbackup]\nexcludedFileSystems=\\q\n")),
                "vmbackup", "excludedFileSystems", "").source());
    }
}
