package dev.quiesce.host;

import dev.quiesce.facts.CannedFacts;
import dev.quiesce.model.HostInfo;

/**
 * A host that answers every stage from canned answers, framed as a real probe frames them: for tests
 * of checks that run through the whole engine (plan, stages, links, evaluation) with no shell at all.
 */
public final class CannedHost implements Host {
    private final HostInfo info;
    private final CannedFacts answers;
    private final String root;

    public CannedHost(HostInfo info, CannedFacts answers) {
        this(info, answers, "");
    }

    /**
     * A host read as a directory tree ({@code --root}) when {@code root} is not empty: commands given no answer
     * read as unavailable, as they do under a real root.
     */
    public CannedHost(HostInfo info, CannedFacts answers, String root) {
        this.info = info;
        this.answers = answers;
        this.root = root;
    }

    @Override
    public HostInfo info() {
        return info;
    }

    @Override
    public String transport() {
        return "canned";
    }

    @Override
    public HostSession open() {
        return HostSession.of(answers::stage, root, answers::note, () -> { });
    }
}
