package org.jheartbeat.client.status;

import java.util.List;

/**
 * The agreed membership as seen locally.
 *
 * @param viewNumber increases on every change of the member set
 * @param members    members of the current view, sorted
 * @param quorum     whether this partition has quorum
 * @param dc         the designated coordinator of this partition
 */
public record MembershipView(long viewNumber, List<String> members, boolean quorum, String dc) {
}
