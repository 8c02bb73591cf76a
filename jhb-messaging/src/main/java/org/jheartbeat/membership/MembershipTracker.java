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
 * and decides quorum. Owned by the messaging loop.
 */
public final class MembershipTracker {

    private static final Logger LOG = LoggerFactory.getLogger("heartbeat");

    private final String self;
    private final QuorumPolicy quorum;
    private View view;

    public MembershipTracker(String self, int configuredNodes) {
        this.self = self;
        this.quorum = new QuorumPolicy(configuredNodes);
        this.view = new View(0, new TreeSet<>(Set.of(self)), quorum.hasQuorum(1));
    }

    public View view() {
        return view;
    }

    /**
     * @param live       peers this node hears
     * @param hears      for each live peer that says so, the nodes it hears
     * @param advertised for each live peer, the view number it last advertised
     * @return the new view when anything about it changed
     */
    public Optional<View> update(Set<String> live, Map<String, Set<String>> hears, Map<String, Long> advertised) {
        SortedSet<String> members = MembershipCalculator.members(self, live, hears);
        long highestAdvertised = members.stream().mapToLong(m -> advertised.getOrDefault(m, 0L)).max().orElse(0);
        boolean hasQuorum = quorum.hasQuorum(members.size());
        boolean membersChanged = !members.equals(view.members());
        long number;
        if (membersChanged) {
            number = Math.max(view.number(), highestAdvertised) + 1;
        } else if (highestAdvertised > view.number() || hasQuorum != view.quorum()) {
            number = Math.max(view.number(), highestAdvertised);
        } else {
            return Optional.empty();
        }
        if (membersChanged || hasQuorum != view.quorum()) {
            LOG.info("Membership view {}: members {}, {}", number, String.join(" ", members),
                    hasQuorum ? "quorum" : "NO quorum");
        }
        view = new View(number, members, hasQuorum);
        return Optional.of(view);
    }
}
