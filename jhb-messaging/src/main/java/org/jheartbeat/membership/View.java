package org.jheartbeat.membership;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A membership view: the member set every member proposes, or, once the members have not agreed
 * for the grace, this node's own proposal without quorum (MembershipTracker).
 *
 * @param number  increases with every change of the member set; members converge on the highest
 * @param members the nodes that all hear each other, this node included
 * @param quorum  whether this partition may run resources: only an agreed view with a majority
 * @param dc      the designated coordinator of this partition, one of the members
 */
public record View(long number, SortedSet<String> members, boolean quorum, String dc) {

    public View {
        members = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(members));
    }
}
