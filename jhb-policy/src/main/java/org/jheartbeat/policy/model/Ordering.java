package org.jheartbeat.policy.model;

import java.util.List;

/**
 * "first action, then action" between two resources. kind: mandatory, optional, serialize.
 * With alternatives (a resource set with require-all=false, or a clone first with clone-min or
 * require-all=false) the then needs only {@code minimum} of them, and messages name the
 * constraint by {@code label}.
 */
public record Ordering(String id, Resource first, String firstAction, Resource then, String thenAction,
                       Kind kind, boolean symmetrical, List<Resource> alternatives, int minimum, String label) {

    public enum Kind { MANDATORY, OPTIONAL, SERIALIZE }

    public Ordering(String id, Resource first, String firstAction, Resource then, String thenAction,
                    Kind kind, boolean symmetrical) {
        this(id, first, firstAction, then, thenAction, kind, symmetrical, List.of(), 0, null);
    }
}
