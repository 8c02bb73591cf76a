package org.jheartbeat.policy.random;

/** How much of the configuration language a generated CIB uses. */
public enum CibLevel {
    /** Primitives and groups, locations (scores and rules) and colocations, stickiness, node states, failures. */
    SIMPLE,
    /** All of SIMPLE plus clones (of primitives and groups), promotable clones, orders and migration thresholds. */
    FULL
}
