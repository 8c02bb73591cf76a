package org.jheartbeat.policy.random;

import java.util.Set;

/**
 * One generated CIB: its text and the features it uses ("clone", "unclean-node", "colocation-inf"...),
 * which the differential run counts differences by.
 */
public record GeneratedCib(long seed, CibLevel level, String xml, Set<String> features) {

    public String name() {
        return level.name().toLowerCase() + "-" + seed;
    }
}
