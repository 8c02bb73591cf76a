package org.jheartbeat.testkit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that drive real system parts (network namespaces, Debian's heartbeat, the installed
 * resource agents) skip when a developer's machine lacks them. Where {@code bin/test} has
 * installed them (as root, in CI), it sets {@value #REQUIRED}: a missing part is then a failure,
 * so such a test can never pass by quietly not running.
 */
public final class Prerequisites {

    public static final String REQUIRED = "jhb.prerequisites.required";

    private Prerequisites() {
    }

    public static void require(boolean present, String what) {
        if (Boolean.getBoolean(REQUIRED)) {
            Assertions.assertTrue(present, what + " is missing although bin/test installed the prerequisites");
        } else {
            Assumptions.assumeTrue(present, what);
        }
    }
}
