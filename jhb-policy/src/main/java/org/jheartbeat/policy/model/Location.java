package org.jheartbeat.policy.model;

import java.util.Map;

/** A location preference already evaluated against the nodes: score per node, for one role or all. */
public record Location(String id, Map<Node, Integer> scores, Role role, String discovery) {
}
