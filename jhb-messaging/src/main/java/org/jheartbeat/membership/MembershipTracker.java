package org.jheartbeat.membership;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's membership view: proposes a member set from who hears whom, installs it once
 * every proposed member proposes the same set, numbers each change above every number a member
 * has advertised (so members converge on one number), decides quorum and elects the DC. Owned by
 * the messaging loop.
 *
 * <p>Agreement: each node proposes one set at a time, so two installed views can share a node
 * only while what one node knows of the other is stale; without it, nodes that hear each other
 * unevenly held overlapping views that both had quorum, each with a DC. An installed view is
 * kept while its members still propose a superset of it and still hold it (a node joining does
 * not take quorum away while the others learn of it). When neither holds, the old view stands
 * for a short grace, the time the other members need to see the same change, and after it this
 * node has its proposal as a view without quorum until the members agree.
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
    private final long graceNanos;
    private View view;
    private boolean dcAgreedWithOthers;
    private SortedSet<String> proposal;
    private SortedSet<String> installed;
    private long disagreedSinceNanos = -1;

    /**
     * @param grace how long the last view stands once its members no longer agree on it, before
     *              this node gives up quorum
     */
    public MembershipTracker(String self, int configuredNodes, Duration grace) {
        this.self = self;
        this.quorum = new QuorumPolicy(configuredNodes);
        this.graceNanos = grace.toNanos();
        this.proposal = new TreeSet<>(Set.of(self));
        this.installed = proposal;
        this.view = new View(0, proposal, quorum.hasQuorum(1), self);
    }

    public View view() {
        return view;
    }

    /** The DC to advertise, or null while this node has not been in a view with others since it was alone. */
    public String advertisedDc() {
        return dcAgreedWithOthers ? view.dc() : null;
    }

    /** The member set this node proposes. */
    public SortedSet<String> proposal() {
        return proposal;
    }

    /** The member set this node holds as agreed; empty while it holds none. */
    public SortedSet<String> installed() {
        return installed == null ? new TreeSet<>() : installed;
    }

    /** When the members have not agreed since then: the time from which the grace runs, else empty. */
    public Optional<Long> disagreedSinceNanos() {
        return disagreedSinceNanos < 0 ? Optional.empty() : Optional.of(disagreedSinceNanos);
    }

    /**
     * @param live   peers this node hears
     * @param claims what each live peer last said
     * @param nowNanos the messaging loop's monotonic time, for the grace
     * @return the new view when anything about it changed
     */
    public Optional<View> update(Set<String> live, Map<String, MembershipClaim> claims, long nowNanos) {
        Map<String, Set<String>> hears = new HashMap<>();
        for (String peer : live) {
            Set<String> heard = claim(claims, peer).hears();
            if (heard != null) {
                Set<String> withSelf = new TreeSet<>(heard);
                withSelf.add(peer);
                hears.put(peer, withSelf);
            }
        }
        proposal = MembershipCalculator.members(self, live, hears, view.members());
        boolean agreed;
        if (agreedBy(proposal, live, claims)) {
            installed = proposal;
            agreed = true;
        } else if (installed != null && stillHeld(installed, live, claims)) {
            agreed = true;
        } else {
            installed = null;
            agreed = false;
        }
        if (agreed) {
            disagreedSinceNanos = -1;
        } else if (disagreedSinceNanos < 0) {
            disagreedSinceNanos = nowNanos;
        }
        if (!agreed && nowNanos - disagreedSinceNanos < graceNanos) {
            return Optional.empty();
        }
        SortedSet<String> members = agreed ? installed : proposal;
        return change(members, agreed && quorum.hasQuorum(members.size()), !agreed, claims);
    }

    private Optional<View> change(SortedSet<String> members, boolean hasQuorum, boolean unagreed,
                                  Map<String, MembershipClaim> claims) {
        String dc = electDc(members, claims);
        dcAgreedWithOthers = members.size() > 1;
        long highestAdvertised = members.stream().mapToLong(m -> claim(claims, m).view()).max().orElse(0);
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
                    hasQuorum ? "quorum" : unagreed ? "NO quorum (the members do not agree on it yet)" : "NO quorum",
                    dc);
        }
        view = new View(number, members, hasQuorum, dc);
        return Optional.of(view);
    }

    /** Every other member proposes exactly this set. */
    private boolean agreedBy(Set<String> members, Set<String> live, Map<String, MembershipClaim> claims) {
        for (String member : members) {
            if (member.equals(self)) {
                continue;
            }
            Set<String> proposed = claim(claims, member).proposed();
            if (!live.contains(member) || proposed != null && !proposed.equals(members)) {
                return false;
            }
        }
        return true;
    }

    /** Every member, this node included, still proposes all of it and the others still hold it. */
    private boolean stillHeld(Set<String> members, Set<String> live, Map<String, MembershipClaim> claims) {
        if (!proposal.containsAll(members)) {
            return false;
        }
        for (String member : members) {
            if (member.equals(self)) {
                continue;
            }
            MembershipClaim claim = claim(claims, member);
            if (!live.contains(member)) {
                return false;
            }
            if (claim.proposed() != null && (!claim.proposed().containsAll(members) || !members.equals(claim.installed()))) {
                return false;
            }
        }
        return true;
    }

    private static MembershipClaim claim(Map<String, MembershipClaim> claims, String peer) {
        return claims.getOrDefault(peer, MembershipClaim.NONE);
    }

    private String electDc(SortedSet<String> members, Map<String, MembershipClaim> claims) {
        SortedSet<String> candidates = new TreeSet<>();
        if (dcAgreedWithOthers && members.contains(view.dc())) {
            candidates.add(view.dc());
        }
        for (String member : members) {
            String followed = claim(claims, member).dc();
            if (followed != null && members.contains(followed)) {
                candidates.add(followed);
            }
        }
        return candidates.isEmpty() ? members.first() : candidates.first();
    }
}
