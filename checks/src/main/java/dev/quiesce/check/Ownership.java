package dev.quiesce.check;

import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.ShellQuote;
import java.util.Optional;

/** The owner and group conditions every file check shares, with the command that fixes a mismatch. */
final class Ownership {
    private Ownership() {}

    static void requireOwner(FileInfo file, String expected, Tally tally) {
        require(file.path(), "owner", expected, file.ownedBy(expected), file.ownerLabel(), "chown", tally);
    }

    static void requireGroup(FileInfo file, String expected, Tally tally) {
        require(file.path(), "group", expected, file.inGroup(expected), file.groupLabel(), "chgrp", tally);
    }

    private static void require(String path, String what, String expected, Optional<Boolean> matches, String actual,
                                String command, Tally tally) {
        if (matches.isEmpty()) {
            tally.unknown("only the numeric " + what + " of " + dev.quiesce.facts.ShownText.escaped(path) + " is known "
                    + "(owner names are not read under --root, nor where the host's stat has no -c); write the " + what
                    + " as a number");
        } else if (!matches.get()) {
            tally.fail(dev.quiesce.facts.ShownText.escaped(path) + " has " + what + " " + actual + ", expected "
                    + expected + ": " + command + " "
                    + ShellQuote.word(expected) + " " + ShellQuote.word(path));
        }
    }
}
