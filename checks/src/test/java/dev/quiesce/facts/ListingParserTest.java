package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.FileMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A directory listing's answer: {@code <token>@} records of {@code stat -c} (or {@code ls -lnd}) lines,
 * {@code L<n>|<path><target>} link records and the {@code N<found>|<listed>} count last. Anything
 * malformed makes the whole listing unknown: a listing partly understood is not evidence.
 */
class ListingParserTest {
    private static final String T = "00112233445566778899aabbccddeeff";
    private static final FactRequest.DirectoryListing LIST = new FactRequest.DirectoryListing("/d");

    private static AnswerContext context(String root) {
        ProbeInfo info = new ProbeInfo(Optional.of(1000L), "h", "stat", Optional.empty(), Optional.empty(), "");
        return new AnswerContext(T, root, info, "", Instant.parse("2026-06-01T12:00:00Z"));
    }

    private static Fact<Listing> read(FactRequest.DirectoryListing request, String root, String status, String body,
                                      String stderr) {
        return assertDoesNotThrow(() -> ListingParser.read(request, new Answer(status, bytes(body), bytes(stderr)),
                context(root)));
    }

    private static Fact<Listing> read(String status, String body) {
        return read(LIST, "", status, body, "");
    }

    private static Listing present(Fact<Listing> fact) {
        if (fact instanceof Fact.Present<Listing> p) {
            return p.value();
        }
        throw new AssertionError("not present: " + fact);
    }

    /** The records of the body, each after the token and '@', each on its own line. */
    private static String records(String... records) {
        StringBuilder body = new StringBuilder();
        for (String record : records) {
            body.append(T).append('@').append(record).append('\n');
        }
        return body.toString();
    }

    private static String stat(String path) {
        return "81c0|0|0|root|root|5|1780000000|" + path;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void entriesComeSortedWithTheirStatusAndALinksTargetFromItsOwnRecord() {
        Fact<Listing> fact = read("0", records("a1ff|0|0|root|root|1|1780000000|/d/l", stat("/d/a"), "L4|/d/l../t",
                "N2|2|0"));
        Listing listing = present(fact);
        assertEquals(List.of("/d/a", "/d/l"), listing.entries().stream().map(FileInfo::path).toList());
        FileInfo a = listing.entries().get(0);
        assertEquals(FileKind.REGULAR, a.kind());
        assertEquals(new FileMode(0700), a.mode());
        assertEquals(Optional.of(Instant.ofEpochSecond(1780000000)), a.modified());
        assertEquals(Optional.of("../t"), listing.entries().get(1).linkTarget());
        assertEquals(0, listing.vanished());
        assertFalse(listing.cut());
        assertEquals("regular file 0700 root:root  a\nsymbolic link 0777 root:root -> ../t  l", fact.evidence().excerpt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/d/sub/pre-freeze-script", "/d/", "/d/.", "/d/.."})
    void anEntryNoDirectoryCanHoldIsAForgeryAndTheListingIsUnknown(String forged) {
        // A name with a slash would show as "pre-freeze-script", a file this directory does not have.
        Fact<Listing> fact = read("0", records(stat("/d/a"), stat(forged), "N2|2|0"));
        assertEquals(Fact.Cause.UNEXPECTED, assertInstanceOf(Fact.Unknown.class, fact).cause(), forged);
    }

    @Test
    void underARootAnEntryWithASlashIsAForgeryToo() {
        assertInstanceOf(Fact.Unknown.class, read(LIST, "/srv/vm1", "0", records(stat("./a/b"), "N1|1|0"), ""));
    }

    @Test
    void anEmptyDirectoryIsPresentAndShownAsEmpty() {
        Fact<Listing> fact = read("0", records("N0|0|0"));
        assertEquals(List.of(), present(fact).entries());
        assertEquals("(empty)", fact.evidence().excerpt());
    }

    @Test
    void theRootDirectorysEntriesAreNamedWithoutItsSlash() {
        FactRequest.DirectoryListing root = new FactRequest.DirectoryListing("/");
        Listing listing = present(read(root, "", "0", records(stat("/etc"), "N1|1|0"), ""));
        assertEquals("/etc", listing.entries().get(0).path());
        assertEquals("etc", listing.entries().get(0).name());
    }

    @Test
    void underARootTheHostsPathsAreShownAsTheTreesOwn() {
        // Under a root the probe lists from inside the directory it resolved in the tree: names start "./".
        Listing listing = present(read(LIST, "/srv/vm1", "0", records(stat("./a"), "N1|1|0"), ""));
        assertEquals("/d/a", listing.entries().get(0).path());
        // a capture made by the probe before it listed from inside the directory names entries in full
        assertEquals("/d/a", present(read(LIST, "/srv/vm1", "0", records(stat("/srv/vm1/d/a"), "N1|1|0"), ""))
                .entries().get(0).path());
        // a name the host printed outside the tree's directory is not the tree's: malformed
        assertInstanceOf(Fact.Unknown.class, read(LIST, "/srv/vm1", "0", records(stat("/d/a"), "N1|1|0"), ""));
    }

    @Test
    void entriesThatVanishWhileTheDirectoryIsReadAreCountedAndSaidWithWhatStatSaid() {
        Fact<Listing> fact = read(LIST, "", "1", records(stat("/d/a"), "N3|3|2"),
                "stat: cannot statx '/d/b': No such file or directory\nstat: cannot statx '/d/c': No such file");
        Listing listing = present(fact);
        assertEquals(2, listing.vanished());
        assertEquals(1, listing.entries().size());
        assertEquals("regular file 0700 root:root  a\n(2 entries vanished while the directory was read: stat: cannot "
                + "statx '/d/b': No such file or directory)", fact.evidence().excerpt());
        Fact<Listing> quiet = read(LIST, "", "1", records(stat("/d/a"), "N2|2|1"), "");
        assertEquals("regular file 0700 root:root  a\n(1 entries vanished while the directory was read)",
                quiet.evidence().excerpt());
        assertFalse(read("0", records(stat("/d/a"), "N1|1|0")).evidence().excerpt().contains("vanished"));
    }

    @Test
    void entriesOverTheCapAreCountedAndTheListingSaysItIsCut() {
        Fact<Listing> fact = read("0", records(stat("/d/a"), stat("/d/b"), "N10|2|0"));
        Listing listing = present(fact);
        assertEquals(8, listing.omitted());
        assertTrue(listing.cut());
        assertTrue(fact.evidence().excerpt().endsWith("\n(8 more entries not listed: over the cap)"),
                fact.evidence().excerpt());
        assertFalse(read("0", records(stat("/d/a"), "N1|1|0")).evidence().excerpt().contains("not listed"));
    }

    @Test
    void statFailingWithEveryEntryReadIsAnErrorItDidNotExplain() {
        Fact.Unknown<?> unknown = assertInstanceOf(Fact.Unknown.class, read(LIST, "", "1", records(stat("/d/a"),
                "N1|1|0"), "stat: /d/a: Input/output error\nsecond line"));
        assertEquals(Fact.Cause.UNEXPECTED, unknown.cause());
        assertEquals("listing /d failed: stat: /d/a: Input/output error", unknown.reason());
    }

    @Test
    void statusWordsMeanWhatTheProbesTestsDecided() {
        assertInstanceOf(Fact.Absent.class, read(Answer.NOT_FOUND, ""));
        assertInstanceOf(Fact.Absent.class, read(Answer.NO_PATH, ""));
        Fact.Unknown<?> notDir = assertInstanceOf(Fact.Unknown.class, read(Answer.NOT_DIRECTORY, ""));
        assertEquals(Fact.Cause.WRONG_KIND, notDir.cause());
        assertEquals("/d is not a directory", notDir.reason());
        Fact.Unknown<?> denied = assertInstanceOf(Fact.Unknown.class, read(Answer.DENIED, ""));
        assertEquals(Fact.Cause.DENIED, denied.cause());
        assertEquals("permission denied reading /d (probe ran as uid 1000); audit as root", denied.reason());
        Fact.Unknown<?> other = assertInstanceOf(Fact.Unknown.class, read(LIST, "", "2", "", "stat: out of memory"));
        assertEquals(Fact.Cause.UNEXPECTED, other.cause());
        assertEquals("could not read /d: stat: out of memory", other.reason());
    }

    @Test
    void underTheLsFallbackEntriesAndLinksAreReadFromLsLines() {
        Listing listing = present(read("0", records("-rwx------ 1 0 0 5 Nov 25 11:22 /d/a",
                "lrwxrwxrwx 1 0 0 4 Nov 25 11:22 /d/l -> /t/x", "L4|/d/l/t/x", "N2|2|0")));
        assertEquals(List.of("/d/a", "/d/l"), listing.entries().stream().map(FileInfo::path).toList());
        assertEquals(Optional.empty(), listing.entries().get(0).owner(), "ls -n gives numbers only");
        assertEquals(Optional.of("/t/x"), listing.entries().get(1).linkTarget());
    }

    @Test
    void anLsRecordThatDoesNotStartWithItsModeIsNotAnEntryEvenUnderTheRoot() {
        // Under "/" the path " /rw-r--r-- ..." starts at the line's first byte and looks like a mode once trimmed.
        FactRequest.DirectoryListing root = new FactRequest.DirectoryListing("/");
        Fact.Unknown<?> unknown = assertInstanceOf(Fact.Unknown.class, read(root, "", "0", records(
                " /rw-r--r-- 1 0 0 5 Nov 25 11:22 /x", "N1|1|0"), ""));
        assertTrue(unknown.reason().startsWith("unexpected answer for list /"), unknown.reason());
        assertEquals("etc", present(read(root, "", "0", records("drwxr-xr-x 1 0 0 5 Nov 25 11:22 /etc", "N1|1|0"), ""))
                .entries().get(0).name());
    }

    @Test
    void aNameHoldingANewlineOrTheMarkerWithinALineStaysOneEntry() {
        Listing listing = present(read("0", records(stat("/d/x\ny"), stat("/d/z" + T + "@N9|9|0"), "N2|2|0")));
        assertEquals(List.of("x\ny", "z" + T + "@N9|9|0"), listing.entries().stream().map(FileInfo::name).toList());
    }

    @Test
    void aLinkWhoseTargetCouldNotBeReadHasNoTargetRatherThanAnEmptyOne() {
        // readlink failed after stat listed the link: the probe's "|| echo" left the record's target empty
        Fact<Listing> fact = read("0", records("a1ff|0|0|root|root|1|1780000000|/d/l", "L4|/d/l", "N1|1|0"));
        FileInfo link = present(fact).entries().get(0);
        assertEquals(FileKind.SYMLINK, link.kind());
        assertEquals(Optional.empty(), link.linkTarget());
        assertEquals("symbolic link 0777 root:root  l", fact.evidence().excerpt());
    }

    @Test
    void aCountWithLeadingZerosIsStillItsCount() {
        Listing listing = present(read("0", records("a1ff|0|0|root|root|1|1780000000|/d/l", "L000000004|/d/lt",
                "N01|001|0")));
        assertEquals(Optional.of("t"), listing.entries().get(0).linkTarget());
    }

    /** Fails before: under the ls fallback a link named "x -> y" was read as /d/x with the target "y -> z". */
    @Test
    void underTheLsFallbackALinksOwnRecordTellsWhereItsNameEnds() {
        Listing listing = present(read("0", records("lrwxrwxrwx 1 0 0 4 Nov 25 11:22 /d/x -> y -> z",
                "L9|/d/x -> yz", "N1|1|0")));
        FileInfo link = listing.entries().get(0);
        assertEquals("/d/x -> y", link.path());
        assertEquals(Optional.of("z"), link.linkTarget());
    }

    /** Answers no probe sends: each makes the listing unknown as an unexpected answer, never an exception. */
    @ParameterizedTest
    @ValueSource(strings = {
            "",                                                 // no count record
            "junk\n" + T + "@N0|0|0\n",                           // text before the first record
            T + "@N0|0|0\n" + T + "@81c0|0|0|root|root|5|1|/d/a\n", // a record after the count
            T + "@\n" + T + "@N0|0|0\n",                          // an empty record
            T + "@N\n",                                         // a count record with no counts
            T + "@N1\n",
            T + "@N1|x\n",
            T + "@N1234567890|1|0\n",                             // ten digits: more than a directory holds
            T + "@81c0|0|0|root|root|5|1|/d/a\n" + T + "@81c0|0|0|root|root|5|1|/d/b\n" + T + "@N2|1|0\n", // more than listed
            T + "@N1|2|0\n",                                      // more listed than found
            T + "@81c0|0|0|root|root|5|1|/other/a\n" + T + "@N1|1|0\n", // outside the directory
            T + "@81c0|0|0|root|root|5|1|/d/a\n" + T + "@81c0|0|0|root|root|5|1|/d/a\n" + T + "@N2|2|0\n", // twice
            T + "@81c0|0|0|root|root|x|1|/d/a\n" + T + "@N1|1|0\n", // a field out of range
            T + "@81c0|0|0|root|root|5|1\n" + T + "@N1|1|0\n",     // no path
            T + "@not an ls line /d/a\n" + T + "@N1|1|0\n",
            T + "@L\n" + T + "@N0|0|0\n",                         // link records: no count,
            T + "@L|/d/a\n" + T + "@N0|0|0\n",                    // no digits,
            T + "@L12\n" + T + "@N0|0|0\n",                       // no bar,
            T + "@L5x/d/a\n" + T + "@N0|0|0\n",
            T + "@L99|/d/a\n" + T + "@N0|0|0\n",                  // a count larger than the record,
            T + "@L5|/d/a\n" + T + "@N0|0|0\n",                   // or just one more,
            T + "@L0000000004|/d/a\n" + T + "@N0|0|0\n",          // a count of ten digits
            T + "@L99999999999999999999|/d/a\n" + T + "@N0|0|0\n"})
    void aMalformedListingIsUnknownNeverPartlyRead(String body) {
        Fact.Unknown<?> unknown = assertInstanceOf(Fact.Unknown.class, read("0", body));
        assertEquals(Fact.Cause.UNEXPECTED, unknown.cause());
        assertTrue(unknown.reason().startsWith("unexpected answer for list /d"), unknown.reason());
    }
}
