package org.jheartbeat.membership;

import java.util.Set;

/**
 * What a peer last said about the membership in its status message. A field is null when the
 * peer does not say: an original Heartbeat node says none of them and is taken to hear every live
 * node and to agree with every view.
 *
 * @param hears     the nodes it hears
 * @param view      the number of the view it holds
 * @param dc        the DC it follows; null also while it has been alone since it started
 * @param proposed  the member set it proposes, computed from who hears whom
 * @param installed the member set it holds as agreed; empty while it holds none
 */
public record MembershipClaim(Set<String> hears, long view, String dc, Set<String> proposed, Set<String> installed) {

    /** A peer heard of but not yet heard from. */
    public static final MembershipClaim NONE = new MembershipClaim(null, 0, null, null, null);
}
