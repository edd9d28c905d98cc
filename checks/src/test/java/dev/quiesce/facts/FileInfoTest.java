package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiesce.model.FileMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A file's status as checks judge it: its name, and whether an owner or group written in a rule is its own. */
class FileInfoTest {
    private static FileInfo file(String path, long uid, long gid, Optional<String> owner, Optional<String> group) {
        return new FileInfo(path, FileKind.REGULAR, new FileMode(0700), uid, gid, owner, group, 0, Optional.empty(),
                Optional.empty());
    }

    @Test
    void theNameIsWhatFollowsTheLastSlashEvenDirectlyUnderTheRoot() {
        assertEquals("pre-freeze-script", file("/usr/sbin/pre-freeze-script", 0, 0, Optional.empty(), Optional.empty())
                .name());
        assertEquals("etc", file("/etc", 0, 0, Optional.empty(), Optional.empty()).name());
        assertEquals("relative", file("relative", 0, 0, Optional.empty(), Optional.empty()).name());
    }

    @Test
    void anOwnerOrGroupIsMatchedByNameWhenTheHostGaveNamesAndByNumberAlways() {
        FileInfo named = file("/x", 1000, 50, Optional.of("oper"), Optional.of("staff"));
        assertEquals(Optional.of(true), named.ownedBy("oper"));
        assertEquals(Optional.of(false), named.ownedBy("root"));
        assertEquals(Optional.of(true), named.ownedBy("1000"));
        assertEquals(Optional.of(false), named.ownedBy("0"));
        assertEquals(Optional.of(true), named.inGroup("staff"));
        assertEquals(Optional.of(true), named.inGroup("50"));
        assertEquals(Optional.of(false), named.inGroup("wheel"));
    }

    @Test
    void withNumbersOnlyRootIsUidZeroAndAnyOtherNameCannotBeTold() {
        FileInfo rootOwned = file("/x", 0, 0, Optional.empty(), Optional.empty());
        FileInfo userOwned = file("/x", 1000, 50, Optional.empty(), Optional.empty());
        assertEquals(Optional.of(true), rootOwned.ownedBy("root"));
        assertEquals(Optional.of(false), userOwned.ownedBy("root"));
        assertEquals(Optional.of(true), rootOwned.inGroup("root"));
        assertEquals(Optional.empty(), userOwned.ownedBy("oper"));
        assertEquals(Optional.empty(), rootOwned.inGroup("wheel"));
        assertEquals("1000", userOwned.ownerLabel());
        assertEquals("50", userOwned.groupLabel());
    }
}
