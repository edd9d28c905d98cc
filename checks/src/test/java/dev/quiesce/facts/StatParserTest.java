package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.FileMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** File status as {@code stat -c} and as {@code ls -lnd} (GNU and BusyBox) print it. */
class StatParserTest {
    private static FileInfo parse(String text) {
        return StatParser.parse("/p", text).orElseThrow(() -> new AssertionError("not parsed: " + text));
    }

    @Test
    void statFormatGivesRawModeIdsNamesAndSize() {
        FileInfo info = parse("89ed|0|42|root|wheel|6|1795606803\n");
        assertEquals(FileKind.REGULAR, info.kind());
        assertEquals(new FileMode(04755), info.mode());
        assertEquals(0, info.uid());
        assertEquals(42, info.gid());
        assertEquals(Optional.of("root"), info.owner());
        assertEquals(Optional.of("wheel"), info.group());
        assertEquals(6, info.size());
        assertEquals(Optional.empty(), info.linkTarget());
    }

    @Test
    void statFormatWithoutNamesOrWithUnknownNames() {
        FileInfo gnu = parse("43ff|1234|5678|UNKNOWN|UNKNOWN|4096|1795606803\n");
        assertEquals(FileKind.DIRECTORY, gnu.kind());
        assertEquals(new FileMode(01777), gnu.mode());
        assertEquals(Optional.empty(), gnu.owner());
        assertEquals(Optional.empty(), gnu.group());
        FileInfo busybox = parse("11a4|1|2|||0|1795606803\n");
        assertEquals(FileKind.FIFO, busybox.kind());
        assertEquals(Optional.empty(), busybox.owner());
    }

    @Test
    void statFormatSymbolicLinkTargetFollowsOnItsOwnLine() {
        FileInfo info = parse("a1ff|0|0|root|root|6|1795606803\n>/etc/a\n>b\n");
        assertEquals(FileKind.SYMLINK, info.kind());
        assertEquals(Optional.of("/etc/a\n>b"), info.linkTarget());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "-rwsr-x---, 4750", "-rwS------, 4600", "-rwxr-s---, 2750", "-rwxr-S---, 2740",
            "drwxrwxrwt, 1777", "drwxrwxrwT, 1776", "-rwsr-sr-t, 7755", "-rwSrwSrwT, 7666",
            "----------, 0000", "-rwxrwxrwx, 0777", "-r--r-----, 0440",
            // GNU ls marks an ACL with '+' and an SELinux context with '.' after the mode.
            "-rw-r--r--+, 0644", "-rw-r--r--., 0644", "drwsrws--T+, 7770"})
    void lsModeStrings(String mode, String octal) {
        FileInfo info = parse(mode + " 1 0 0 5 Nov 25 11:22 /p\n");
        assertEquals(FileMode.parse(octal).orElseThrow(), info.mode());
        assertEquals(mode.charAt(0) == 'd' ? FileKind.DIRECTORY : FileKind.REGULAR, info.kind());
        assertEquals(Optional.empty(), info.owner(), "ls -n gives numbers only");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "-rwsr-x--- 1 1234 5678 123 Nov 25 11:22 /p",
            "-rwsr-x---    1 1234     5678           123 Nov 25 11:22 /p",       // BusyBox columns
            "-rwsr-x--- 1 1234 5678 123 Nov 25  2023 /p with  spaces -> x"})
    void lsNumericIdsAndSize(String line) {
        FileInfo info = parse(line + "\n");
        assertEquals(1234, info.uid());
        assertEquals(5678, info.gid());
        assertEquals(123, info.size());
        assertEquals(new FileMode(04750), info.mode());
        assertEquals(Optional.empty(), info.linkTarget(), "only a symbolic link has a target");
    }

    @Test
    void lsKindsOtherThanFilesAndDirectories() {
        assertEquals(FileKind.CHARACTER_DEVICE, parse("crw-rw-rw- 1 0 0 1, 3 Nov 22 22:26 /dev/null\n").kind());
        assertEquals(-1, parse("crw-rw-rw-    1 0        0           1,   3 Nov 22 22:26 /dev/null\n").size());
        assertEquals(FileKind.BLOCK_DEVICE, parse("brw-rw---- 1 0 6 8, 0 Nov 22 22:26 /dev/sda\n").kind());
        assertEquals(FileKind.FIFO, parse("prw-r--r-- 1 0 0 0 Nov 25 11:22 /p\n").kind());
        assertEquals(FileKind.SOCKET, parse("srwxrwxrwx 1 0 0 0 Nov 25 11:22 /p\n").kind());
    }

    @Test
    void lsSymbolicLinkTargetFromTheArrowOrFromTheReadlinkLine() {
        FileInfo arrow = parse("lrwxrwxrwx 1 0 0 6 Nov 25 11:22 /p -> /etc/a\n");
        assertEquals(FileKind.SYMLINK, arrow.kind());
        assertEquals(new FileMode(0777), arrow.mode());
        assertEquals(Optional.of("/etc/a"), arrow.linkTarget());
        FileInfo readlink = parse("lrwxrwxrwx 1 0 0 6 Nov 25 11:22 /p -> /etc/a\n>/etc/a\n");
        assertEquals(Optional.of("/etc/a"), readlink.linkTarget());
    }

    @Test
    void anLsPathHoldingNewlineAndAngleBracketIsNotALinkTarget() {
        // ls prints the path raw; a regular file named "nl\n>gt" must not read as a link to "gt".
        FileInfo regular = parse("-rw-r----- 1 0 0 0 Nov 25 11:22 /d/nl\n>gt\n");
        assertEquals(FileKind.REGULAR, regular.kind());
        assertEquals(new FileMode(0640), regular.mode());
        assertEquals(Optional.empty(), regular.linkTarget());
        // A link so named still gets the target readlink gave, even a target holding the same pair.
        FileInfo link = parse("lrwxrwxrwx 1 0 0 4 Nov 25 11:22 /d/ln\n>x -> t\n>u\n>t\n>u\n");
        assertEquals(FileKind.SYMLINK, link.kind());
        assertEquals(Optional.of("t\n>u"), link.linkTarget());
    }

    @Test
    void aLinkWhoseTargetCouldNotBeReadHasNoTargetRatherThanAnEmptyOne() {
        // readlink failed after stat or ls: the probe printed '>' and nothing after it
        assertEquals(Optional.empty(), parse("a1ff|0|0|root|root|6|1795606803\n>\n").linkTarget());
        assertEquals(FileKind.SYMLINK, parse("a1ff|0|0|root|root|6|1795606803\n>\n").kind());
        assertEquals(Optional.empty(), parse("lrwxrwxrwx 1 0 0 6 Nov 25 11:22 /p -> \n").linkTarget());
        assertEquals(Optional.empty(), parse("lrwxrwxrwx 1 0 0 6 Nov 25 11:22 /p -> \n>\n").linkTarget());
    }

    @Test
    void anLsLineIsReadByItsModeIdsAndSizeWhateverItsDateAndNameColumnsLookLike() {
        // dates differ by locale and age (11:22, 2023, "25 nov."); only the first five columns are read
        FileInfo info = parse("-rwx------ 1 0 42 5\n");
        assertEquals(new FileMode(0700), info.mode());
        assertEquals(42, info.gid());
        assertEquals(5, info.size());
        assertTrue(StatParser.parse("/p", "-rwx------ 1 0 42\n").isEmpty(), "no size column");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "total 0\n", "hello world this is not ls\n", "-rwxrwxrwz 1 0 0 5 Nov 25 /p\n",
            "-rw-r--r-- 1 root root 5 Nov 25 11:22 /p\n", "xyz|0|0|a|b|1|2\n", "81a4|0|0|a|b|notanumber|2\n",
            "81a4|0|0|a|b\n", "stat: cannot statx '/p': No such file or directory\n"})
    void textInNeitherFormIsNotAFileStatus(String text) {
        assertTrue(StatParser.parse("/p", text).isEmpty(), text);
    }

    /** Fails before: a link whose target readlink could not give kept a stray "\n>" in the target ls showed. */
    @Test
    void underTheLsFallbackAnUnreadableTargetLeavesTheTargetLsShowed() {
        assertEquals(java.util.Optional.of("/etc/a"), StatParser.parse("/p", "lrwxrwxrwx 1 0 0 6 Nov 25 11:22 /p -> "
                + "/etc/a\n>\n").orElseThrow().linkTarget());
    }
}
