package dev.quiesce.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LookalikeNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"pre-freeze-script.sh", "pre_freeze_script", "prefreeze-script", "pre-freeze-script.bak",
            "Pre-Freeze-Script", "PRE-FREEZE-SCRIPT", "pre-freeze-script~", ".pre-freeze-script.swp",
            "pre-freeze-script.orig", "pre-freeze-script.20240105", "pre-freeze.sh", "pre-freez-script",
            "pre-freeze-scripts", "old-pre-freeze-script", "pre freeze script", "pre-freeze-script.dpkg-dist",
            "#pre-freeze-script#", "pre-freeze-script"})
    void nearMissesOfTheFreezeScriptAreLookalikes(String name) {
        assertTrue(LookalikeNames.looksLike(name, "pre-freeze-script"), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"post-thaw-script", "sshd", "freeze", "thaw", "prepare-script", "pre-commit",
            "frozen-script", "vmware-toolbox-cmd", "postfix", "iris", ".bak", "~"})
    void otherNamesAreNot(String name) {
        assertFalse(LookalikeNames.looksLike(name, "pre-freeze-script"), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"post-thaw-script.sh", "Post_Thaw_Script", "post-thaw.sh", "postthaw-script.rpmsave"})
    void nearMissesOfTheThawScriptAreLookalikes(String name) {
        assertTrue(LookalikeNames.looksLike(name, "post-thaw-script"), name);
    }
}
