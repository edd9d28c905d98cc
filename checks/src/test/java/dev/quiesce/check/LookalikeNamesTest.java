package dev.quiesce.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
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

    @ParameterizedTest
    @ValueSource(strings = {"...", "-", "#", "_ _", "#.#"})
    void aNameOfOnlyDotsSeparatorsOrMarksIsNoLookalike(String name) {
        assertFalse(LookalikeNames.looksLike(name, "pre-freeze-script"), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pre-freez-script.bak", "Pre_Frez_Script.sh", "pre-freez-script.20240105.orig",
            "pre-frez-script"})
    void aNearMissUnderABackupSuffixIsStillOneAndTwoLettersOffIsANearMiss(String name) {
        assertTrue(LookalikeNames.looksLike(name, "pre-freeze-script"), name);
    }

    @Test
    void threeLettersOffIsAnotherName() {
        assertFalse(LookalikeNames.looksLike("pre-frz-script", "pre-freeze-script"));
    }

    @Test
    void aNameKeepingACoreOfSixLettersOrMoreOfAScriptNameIsALookalike() {
        assertTrue(LookalikeNames.looksLike("freeze.sh", "freeze-script"), "core 'freeze'");
        assertFalse(LookalikeNames.looksLike("thaw.sh", "thaw-script"), "a core of four letters is too common");
    }

    @Test
    void aNameOfEightLettersOrMoreMatchesOneOrTwoLettersOffAndAShorterOneDoesNot() {
        assertTrue(LookalikeNames.looksLike("posthaw", "post-thaw"));
        assertFalse(LookalikeNames.looksLike("prethw", "pre-thaw"));
    }
}
