package org.jheartbeat.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The agreement on views, seen from node1 of three configured nodes. */
class MembershipTrackerTest {

    private static final Duration GRACE = Duration.ofMillis(250);
    private static final Set<String> ALL = Set.of("node1", "node2", "node3");

    private final MembershipTracker tracker = new MembershipTracker("node1", 3, GRACE);
    private final Map<String, MembershipClaim> claims = new HashMap<>();

    private void says(String peer, Set<String> hears, Set<String> proposed, Set<String> installed) {
        claims.put(peer, new MembershipClaim(hears, 1, "node1", proposed, installed));
    }

    private View update(long millis, String... live) {
        tracker.update(Set.of(live), claims, Duration.ofMillis(millis).toNanos());
        return tracker.view();
    }

    private void allThreeAgreed() {
        says("node2", Set.of("node1", "node3"), ALL, ALL);
        says("node3", Set.of("node1", "node2"), ALL, ALL);
        assertThat(update(0, "node2", "node3").quorum()).isTrue();
        assertThat(tracker.installed()).isEqualTo(ALL);
    }

    @Test
    void aViewIsInstalledOnlyWhenEveryMemberProposesIt() {
        says("node2", Set.of("node1", "node3"), Set.of("node1", "node2"), Set.of());
        says("node3", Set.of("node1", "node2"), ALL, Set.of());
        View view = update(0, "node2", "node3");
        assertThat(tracker.proposal()).isEqualTo(ALL);
        assertThat(view.members()).containsExactly("node1");
        assertThat(view.quorum()).isFalse();

        says("node2", Set.of("node1", "node3"), ALL, Set.of());
        view = update(10, "node2", "node3");
        assertThat(view.members()).isEqualTo(ALL);
        assertThat(view.quorum()).isTrue();
    }

    @Test
    void twoNodesCannotBothHoldAQuorateViewThroughTheNodeTheyShare() {
        // node2 hears node1 and node3, which do not hear each other; node2 proposes {node2, node3}
        says("node2", Set.of("node1", "node3"), Set.of("node2", "node3"), Set.of("node2", "node3"));
        View view = update(0, "node2");
        assertThat(tracker.proposal()).containsExactly("node1", "node2");
        assertThat(view.quorum()).isFalse();
        assertThat(update(1000, "node2").quorum()).as("after the grace too").isFalse();
    }

    @Test
    void aNodeJoiningDoesNotTakeQuorumAwayWhileTheOthersLearnOfIt() {
        says("node2", Set.of("node1"), Set.of("node1", "node2"), Set.of("node1", "node2"));
        assertThat(update(0, "node2").members()).containsExactly("node1", "node2");
        // node3 starts: it and node1 hear each other and everyone, node2 has not heard node3 yet
        says("node3", Set.of("node1", "node2"), ALL, Set.of());
        says("node2", Set.of("node1", "node3"), Set.of("node1", "node2"), Set.of("node1", "node2"));
        View view = update(1000, "node2", "node3");
        assertThat(view.members()).containsExactly("node1", "node2");
        assertThat(view.quorum()).isTrue();
        says("node2", Set.of("node1", "node3"), ALL, Set.of("node1", "node2"));
        assertThat(update(1100, "node2", "node3").members()).isEqualTo(ALL);
    }

    @Test
    void aLostMemberLeavesTheViewStandingForTheGraceThenQuorumGoesUntilTheOthersAgree() {
        allThreeAgreed();
        long viewNumber = tracker.view().number();
        // node3 died; node2 has not noticed yet
        View view = update(1000, "node2");
        assertThat(view.members()).as("within the grace").isEqualTo(ALL);
        assertThat(view.number()).isEqualTo(viewNumber);
        view = update(1000 + GRACE.toMillis(), "node2");
        assertThat(view.members()).containsExactly("node1", "node2");
        assertThat(view.quorum()).as("node2 still proposes node3").isFalse();
        says("node2", Set.of("node1"), Set.of("node1", "node2"), Set.of());
        view = update(1300, "node2");
        assertThat(view.quorum()).isTrue();
        assertThat(tracker.installed()).containsExactly("node1", "node2");
    }

    @Test
    void agreementWithinTheGraceChangesTheViewWithoutAMomentWithoutQuorum() {
        allThreeAgreed();
        update(1000, "node2");
        says("node2", Set.of("node1"), Set.of("node1", "node2"), Set.of());
        View view = update(1050, "node2");
        assertThat(view.members()).containsExactly("node1", "node2");
        assertThat(view.quorum()).isTrue();
    }

    @Test
    void aViewIsHeldOnlyWhileItsMembersStillHoldIt() {
        MembershipTracker ofFour = new MembershipTracker("node1", 4, GRACE);
        Set<String> three = Set.of("node1", "node2", "node3");
        Set<String> four = Set.of("node1", "node2", "node3", "node4");
        says("node2", four, three, three);
        says("node3", four, three, three);
        ofFour.update(Set.of("node2", "node3"), claims, 0);
        assertThat(ofFour.installed()).isEqualTo(three);
        // node4 comes; node3 has not heard of it yet, so nobody agrees on four members
        says("node4", four, four, Set.of());
        ofFour.update(Set.of("node2", "node3", "node4"), claims, 100);
        assertThat(ofFour.installed()).as("held").isEqualTo(three);
        // node2 now says it holds another view: three members is not held any more
        says("node2", four, four, Set.of("node2", "node3", "node4"));
        ofFour.update(Set.of("node2", "node3", "node4"), claims, 200);
        assertThat(ofFour.installed()).isEmpty();
        assertThat(ofFour.view().members()).as("within the grace").isEqualTo(three);
        ofFour.update(Set.of("node2", "node3", "node4"), claims, 200 + GRACE.toMillis() * 1_000_000);
        assertThat(ofFour.view().quorum()).isFalse();
    }

    @Test
    void anOriginalHeartbeatPeerThatSaysNothingIsTakenToAgree() {
        claims.put("node2", MembershipClaim.NONE);
        View view = update(0, "node2");
        assertThat(view.members()).containsExactly("node1", "node2");
        assertThat(view.quorum()).isTrue();
    }
}
