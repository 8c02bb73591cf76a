package org.jheartbeat.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembershipCalculatorTest {

    /** node2 has just restarted and hears node1 only; node3 hears everyone. Seen from node1. */
    private static final Map<String, Set<String>> HEARS = Map.of("node2", Set.of("node1"),
            "node3", Set.of("node1", "node2"));

    @Test
    void aNodeThatHasJustStartedDoesNotPushOutAMemberThatNeverLeft() {
        assertThat(MembershipCalculator.members("node1", Set.of("node2", "node3"), HEARS, Set.of("node1", "node3")))
                .containsExactly("node1", "node3");
    }

    @Test
    void withoutACurrentViewTiesGoToTheFirstNames() {
        assertThat(MembershipCalculator.members("node1", Set.of("node2", "node3"), HEARS)).containsExactly("node1", "node2");
    }

    @Test
    void aLargerGroupStillWinsOverTheCurrentMembers() {
        Map<String, Set<String>> all = Map.of("node2", Set.of("node1", "node3"), "node3", Set.of("node1", "node2"));
        assertThat(MembershipCalculator.members("node1", Set.of("node2", "node3"), all, Set.of("node1", "node3")))
                .containsExactly("node1", "node2", "node3");
    }
}
