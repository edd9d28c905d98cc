package dev.quiesce.check;

import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a check reads: of the audited host ({@link #here}) and of the ESXi host a guest runs on
 * ({@link #vmHost}, through the inventory's {@code vm:} link), each as first-stage requests plus, where
 * some requests can only be named once others are answered, a follow-up that computes second-stage
 * requests from that same host's first-stage facts (instance directories from {@code iris qlist}, VM
 * directories from {@code vim-cmd vmsvc/getallvms}). The second stage goes over the same connection.
 * Prefer an exact file pattern ({@code /vmfs/volumes/*}{@code /*}{@code /vmware*.log}) to a second stage
 * where it is exact.
 */
public record Needs(Side here, Side vmHost) {
    public static final Needs NONE = new Needs(Side.EMPTY, Side.EMPTY);

    /** Second-stage requests from one host's first-stage facts (only those the same side asked for). */
    @FunctionalInterface
    public interface FollowUp {
        List<FactRequest<?>> from(Facts firstStage);
    }

    /** What a check reads of one host. */
    public record Side(List<FactRequest<?>> first, Optional<FollowUp> followUp) {
        static final Side EMPTY = new Side(List.of(), Optional.empty());

        public Side {
            first = List.copyOf(first);
            followUp = followUp == null ? Optional.empty() : followUp;
        }

        public boolean isEmpty() {
            return first.isEmpty() && followUp.isEmpty();
        }

        private Side with(Collection<? extends FactRequest<?>> more) {
            List<FactRequest<?>> all = new ArrayList<>(first);
            all.addAll(more);
            return new Side(all, followUp);
        }

        private Side then(FollowUp next) {
            if (followUp.isPresent()) {
                FollowUp before = followUp.get();
                return new Side(first, Optional.of(facts -> {
                    List<FactRequest<?>> all = new ArrayList<>(before.from(facts));
                    all.addAll(next.from(facts));
                    return all;
                }));
            }
            return new Side(first, Optional.of(next));
        }
    }

    /** First-stage requests of the audited host. */
    public static Needs of(FactRequest<?>... requests) {
        return NONE.and(List.of(requests));
    }

    public static Needs of(Collection<? extends FactRequest<?>> requests) {
        return NONE.and(requests);
    }

    /** More first-stage requests of the audited host. */
    public Needs and(Collection<? extends FactRequest<?>> requests) {
        return new Needs(here.with(requests), vmHost);
    }

    /** A second stage on the audited host, computed from its first-stage facts. */
    public Needs then(FollowUp followUp) {
        return new Needs(here.then(followUp), vmHost);
    }

    /** First-stage requests of the ESXi host the guest runs on. */
    public Needs onVmHost(Collection<? extends FactRequest<?>> requests) {
        return new Needs(here, vmHost.with(requests));
    }

    /** A second stage on the ESXi host, computed from its first-stage facts. */
    public Needs thenOnVmHost(FollowUp followUp) {
        return new Needs(here, vmHost.then(followUp));
    }
}
