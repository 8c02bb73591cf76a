package org.jheartbeat.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Pure function from "who hears whom" to the member set: the largest group of live nodes,
 * this node included, in which every node hears every other. Among groups of the same size the
 * one keeping most of the current members wins (a node that has just started and does not hear
 * everyone yet must not push out a member that never went away: the cluster would take that
 * member's resources as stopped), then the one whose sorted names come first, so nodes with the
 * same knowledge choose the same group.
 */
public final class MembershipCalculator {

    /** Above this many live peers the exact search is replaced by a greedy one. */
    private static final int EXACT_LIMIT = 16;

    private MembershipCalculator() {
    }

    /**
     * @param self       this node
     * @param livePeers  peers this node hears
     * @param hears      for each live peer, the nodes it says it hears; a peer that does not say
     *                   (an original Heartbeat node) is taken to hear every live node
     */
    public static SortedSet<String> members(String self, Set<String> livePeers, Map<String, Set<String>> hears) {
        return members(self, livePeers, hears, Set.of());
    }

    /**
     * @param current the members of the current view, which a tie between groups keeps
     */
    public static SortedSet<String> members(String self, Set<String> livePeers, Map<String, Set<String>> hears,
            Set<String> current) {
        List<String> peers = new ArrayList<>(new TreeSet<>(livePeers));
        if (peers.size() > EXACT_LIMIT) {
            return greedy(self, peers, hears);
        }
        SortedSet<String> best = new TreeSet<>(Set.of(self));
        for (long mask = 1; mask < (1L << peers.size()); mask++) {
            SortedSet<String> group = new TreeSet<>();
            group.add(self);
            for (int i = 0; i < peers.size(); i++) {
                if ((mask & (1L << i)) != 0) {
                    group.add(peers.get(i));
                }
            }
            if (better(group, best, current) && allHearEachOther(self, group, hears)) {
                best = group;
            }
        }
        return best;
    }

    private static SortedSet<String> greedy(String self, List<String> peers, Map<String, Set<String>> hears) {
        SortedSet<String> group = new TreeSet<>(Set.of(self));
        for (String peer : peers) {
            group.add(peer);
            if (!allHearEachOther(self, group, hears)) {
                group.remove(peer);
            }
        }
        return group;
    }

    private static boolean better(SortedSet<String> candidate, SortedSet<String> best, Set<String> current) {
        if (candidate.size() != best.size()) {
            return candidate.size() > best.size();
        }
        long kept = candidate.stream().filter(current::contains).count();
        long keptByBest = best.stream().filter(current::contains).count();
        if (kept != keptByBest) {
            return kept > keptByBest;
        }
        return String.join(" ", candidate).compareTo(String.join(" ", best)) < 0;
    }

    private static boolean allHearEachOther(String self, Set<String> group, Map<String, Set<String>> hears) {
        for (String a : group) {
            if (a.equals(self)) {
                continue;
            }
            Set<String> heardByA = hears.get(a);
            if (heardByA == null) {
                continue;
            }
            for (String b : group) {
                if (!b.equals(a) && !heardByA.contains(b)) {
                    return false;
                }
            }
        }
        return true;
    }
}
