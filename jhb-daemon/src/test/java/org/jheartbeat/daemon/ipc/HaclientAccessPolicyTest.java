package org.jheartbeat.daemon.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HaclientAccessPolicyTest {

    private static final String GROUPS = """
            root:x:0:
            users:x:100:carol
            haclient:x:90:alice, bob
            hacluster-ish:x:91:dave
            """;

    private static boolean allowed(String user, String group) {
        return HaclientAccessPolicy.refusal(new PeerCredentials(user, group), "hacluster", GROUPS).isEmpty();
    }

    @Test
    void rootIsAlwaysAllowed() {
        assertThat(allowed("root", "root")).isTrue();
    }

    @Test
    void theDaemonsOwnUserIsAllowed() {
        assertThat(allowed("hacluster", "nogroup")).isTrue();
    }

    @Test
    void primaryGroupHaclientIsAllowed() {
        assertThat(allowed("erin", "haclient")).isTrue();
    }

    @Test
    void supplementaryMembersOfHaclientAreAllowed() {
        assertThat(allowed("alice", "users")).isTrue();
        assertThat(allowed("bob", "users")).isTrue();
    }

    @Test
    void membersOfOtherGroupsAreRefusedWithTheRemedy() {
        assertThat(allowed("carol", "users")).isFalse();
        assertThat(allowed("dave", "users")).isFalse();
        assertThat(HaclientAccessPolicy.refusal(new PeerCredentials("carol", "users"), "hacluster", GROUPS))
                .contains("user carol may not use heartbeat: only root, hacluster and members of group haclient may;"
                        + " add the user to the group (usermod -a -G haclient carol) and log in again");
    }

    @Test
    void malformedGroupLinesGrantNothing() {
        String broken = "haclient:x\nhaclient\n\n";

        assertThat(HaclientAccessPolicy.refusal(new PeerCredentials("alice", "users"), "hacluster", broken)).isPresent();
    }
}
