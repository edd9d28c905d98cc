package dev.quiesce.check;

import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.ShellQuote;
import java.nio.file.Path;

/**
 * The fix for a symbolic link where a root-run script belongs: replace the link with a copy of its
 * target, owned by root, mode 0700. Never chmod or chown the link: both follow it, to whatever file
 * it points at.
 */
final class LinkFix {
    private LinkFix() {}

    static String advice(FileInfo link) {
        String path = link.path();
        String target = link.linkTarget().map(t -> Path.of(path).resolveSibling(t).normalize().toString()).orElse("?");
        return "vmtoolsd runs the link's target as root, whoever owns it: replace the link with the script itself "
                + "(rm " + ShellQuote.word(path) + " && install -o root -g root -m 0700 " + ShellQuote.word(target)
                + " " + ShellQuote.word(path) + "); chmod or chown on the link would change "
                + dev.quiesce.facts.ShownText.escaped(target) + " instead";
    }
}
