package org.jheartbeat.membership;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's membership view: recomputes the member set from who hears whom, numbers
 * each change above every number a member has advertised (so members converge on one number),
 * decides quorum and elects the DC. Owned by the messaging loop.
 *
 * <p>DC election: the DC stays where it is while it remains a member, so a node joining never
 * moves it. Every node that has been in a view with others advertises the DC it follows (a node
 * alone, just started or cut off, does not: it must not pull the DC over when it joins); among
 * the advertised DCs that are members the lowest name wins (two partitions that merge keep one
 * of their DCs); when none of them is a member any more, the lowest member name becomes DC.
 * Nodes that hear the same advertisements therefore agree without another round of messages.
 */
public final class MembershipTracker {

    private static final Logger LOG = LoggerFactory.getLogger("heartbeat");

    private final String self;
    private final QuorumPolicy quorum;
    private View view;
    private boolean dcAgreedWithOthers;

    public MembershipTracker(String self, int configuredNodes) {
        this.self = self;
        this.quorum = new QuorumPolicy(configuredNodes);
        this.view = new View(0, new TreeSet<>(Set.of(self)), quorum.hasQuorum(1), self);
    }

    public View view() {
        return view;
    }

    /** The DC to advertise, or null while this node has not been in a view with others since it was alone. */
    public String advertisedDc() {
        return dcAgreedWithOthers ? view.dc() : null;
    }

    /**
     * @param live       peers this node hears
     * @param hears      for each live peer that says so, the nodes it hears
     * @param advertised for each live peer, the view number it last advertised
     * @param dcs        for each live peer that says so, the DC it follows
     * @return the new view when anything about it changed
     */
    public Optional<View> update(Set<String> live, Map<String, Set<String>> hears, Map<String, Long> advertised,
                                 Map<String, String> dcs) {
        SortedSet<String> members = MembershipCalculator.members(self, live, hears, view.members());
        String dc = electDc(members, dcs);
        dcAgreedWithOthers = members.size() > 1;
        long highestAdvertised = members.stream().mapToLong(m -> advertised.getOrDefault(m, 0L)).max().orElse(0);
        boolean hasQuorum = quorum.hasQuorum(members.size());
        boolean membersChanged = !members.equals(view.members());
        long number;
        if (membersChanged) {
            number = Math.max(view.number(), highestAdvertised) + 1;
        } else if (highestAdvertised > view.number() || hasQuorum != view.quorum() || !dc.equals(view.dc())) {
            number = Math.max(view.number(), highestAdvertised);
        } else {
            return Optional.empty();
        }
        if (membersChanged || hasQuorum != view.quorum() || !dc.equals(view.dc())) {
            LOG.info("Membership view {}: members {}, {}, DC {}", number, String.join(" ", members),
                    hasQuorum ? "quorum" : "NO quorum", dc);
        }
        view = new View(number, members, hasQuorum, dc);
        return Optional.of(view);
    }

    private String electDc(SortedSet<String> members, Map<String, String> dcs) {
        SortedSet<String> candidates = new TreeSet<>();
        if (dcAgreedWithOthers && members.contains(view.dc())) {
            candidates.add(view.dc());
        }
        for (String member : members) {
            String followed = dcs.get(member);
            if (followed != null && members.contains(followed)) {
                candidates.add(followed);
            }
        }
        return candidates.isEmpty() ? members.first() : candidates.first();
    }
}
