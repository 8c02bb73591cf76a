package org.jheartbeat.policy.model;

/**
 * "dependent with primary": the dependent is placed relative to where the primary was placed.
 * Roles restrict the constraint to instances in that role; nodeAttribute makes "same node"
 * mean "same value of this node attribute".
 */
public record Colocation(String id, Resource dependent, Resource primary, int score,
                         Role dependentRole, Role primaryRole, String nodeAttribute) {

    /** The dependent in any role (none given, Started, or one not understood). */
    public boolean anyDependentRole() {
        return anyRole(dependentRole);
    }

    /** The primary in any role (none given, Started, or one not understood). */
    public boolean anyPrimaryRole() {
        return anyRole(primaryRole);
    }

    private static boolean anyRole(Role role) {
        return role == null || role == Role.STARTED || role == Role.UNKNOWN;
    }
}
