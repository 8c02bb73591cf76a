package org.jheartbeat.policy.model;

/** "first action, then action" between two resources. kind: mandatory, optional, serialize. */
public record Ordering(String id, Resource first, String firstAction, Resource then, String thenAction,
                       Kind kind, boolean symmetrical) {

    public enum Kind { MANDATORY, OPTIONAL, SERIALIZE }
}
