package dev.quiesce.facts;

import dev.quiesce.model.FileMode;
import java.time.Instant;
import java.util.Optional;

/**
 * The status of one path on a host. {@code owner} and {@code group} are names when the host's
 * {@code stat} gave them (empty under the {@code ls -lnd} fallback, which gives numbers only);
 * {@code linkTarget} is set for symbolic links when it could be read; {@code modified} is the mtime
 * by the host's clock (empty under the {@code ls} fallback, whose dates are not exact).
 */
public record FileInfo(String path, FileKind kind, FileMode mode, long uid, long gid, Optional<String> owner,
                       Optional<String> group, long size, Optional<Instant> modified, Optional<String> linkTarget) {

    /** The same status under another path (listings name entries as reports show them). */
    public FileInfo at(String otherPath, Optional<String> target) {
        return new FileInfo(otherPath, kind, mode, uid, gid, owner, group, size, modified, target);
    }

    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** "root" when the name is known, else the number. */
    public String ownerLabel() {
        return owner.orElse(Long.toString(uid));
    }

    public String groupLabel() {
        return group.orElse(Long.toString(gid));
    }

    /** One line such as {@code regular file 0700 root:root}, for evidence and observed values. */
    public String summary() {
        return kind.description() + " " + mode + " " + ownerLabel() + ":" + groupLabel()
                + linkTarget.map(t -> " -> " + ShownText.escaped(t)).orElse("");
    }

    /**
     * Whether this path's owner is {@code expected} (a name or a number). Empty when it cannot be told:
     * a name was asked for and the host gave numbers only. "root" is uid 0 on every Unix.
     */
    public Optional<Boolean> ownedBy(String expected) {
        return matches(expected, uid, owner);
    }

    public Optional<Boolean> inGroup(String expected) {
        return matches(expected, gid, group);
    }

    private static Optional<Boolean> matches(String expected, long id, Optional<String> name) {
        if (expected.matches("[0-9]+")) {
            return Optional.of(Long.parseLong(expected) == id);
        }
        if (name.isPresent()) {
            return Optional.of(name.get().equals(expected));
        }
        if (expected.equals("root")) {
            return Optional.of(id == 0);
        }
        return Optional.empty();
    }
}
