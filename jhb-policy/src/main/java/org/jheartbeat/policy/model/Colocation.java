package org.jheartbeat.policy.model;

/**
 * "dependent with primary": the dependent is placed relative to where the primary was placed.
 * Roles restrict the constraint to instances in that role; nodeAttribute makes "same node"
 * mean "same value of this node attribute".
 */
public record Colocation(String id, Resource dependent, Resource primary, int score,
                         Role dependentRole, Role primaryRole, String nodeAttribute) {
}
