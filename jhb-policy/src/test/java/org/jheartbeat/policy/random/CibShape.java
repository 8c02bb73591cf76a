package org.jheartbeat.policy.random;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the generator drew before writing XML: the nodes with their state, the resources, and
 * where each resource instance runs now (the status section is written from that).
 */
final class CibShape {

    enum NodeState {
        ONLINE, STANDBY, MAINTENANCE,
        /** Left the membership while it was expected to stay: unclean, fenced when fencing is on. */
        UNCLEAN,
        /** Shut down cleanly. */
        OFFLINE,
        /** No node_state at all: never seen since the cluster started. */
        NEVER_SEEN;

        boolean hasHistory() {
            return this != NEVER_SEEN;
        }

        boolean inMembership() {
            return this == ONLINE || this == STANDBY || this == MAINTENANCE;
        }
    }

    record ClusterNode(String id, String name, NodeState state, Map<String, String> attributes) {
    }

    /** The agents generated primitives use; the simulators never run them. */
    enum Agent {
        DUMMY("ocf", "heartbeat", "Dummy"),
        /** Has a promoted role: the child of promotable clones. */
        STATEFUL("ocf", "pacemaker", "Stateful"),
        FENCE("stonith", null, "fence_dummy");

        final String standard;
        final String provider;
        final String type;

        Agent(String standard, String provider, String type) {
            this.standard = standard;
            this.provider = provider;
            this.type = type;
        }
    }

    record Primitive(String id, Agent agent) {
    }

    sealed interface Resource permits Single, Group, Clone {
        String id();

        /** Every primitive, in configuration order. */
        List<Primitive> primitives();
    }

    record Single(Primitive primitive) implements Resource {
        @Override
        public String id() {
            return primitive.id();
        }

        @Override
        public List<Primitive> primitives() {
            return List.of(primitive);
        }
    }

    record Group(String id, List<Primitive> members) implements Resource {
        @Override
        public List<Primitive> primitives() {
            return members;
        }
    }

    record Clone(String id, Resource child, boolean promotable, boolean unique, int cloneMax) implements Resource {
        @Override
        public List<Primitive> primitives() {
            return child.primitives();
        }
    }

    /** The role a resource instance has in its history. */
    enum CurrentRole {
        STARTED, UNPROMOTED, PROMOTED
    }

    enum Failure {
        /** A recurring monitor found it stopped or broken: needs recovery. */
        MONITOR,
        /** The last start failed (fatal by default: the node gets a fail count of INFINITY). */
        START,
        /** The last stop failed: the node must be fenced or the resource is blocked. */
        STOP,
        /** It failed here once and was recovered: only the fail count remains. */
        RECOVERED
    }

    /**
     * One resource's history on one node. {@code historyId} is the lrm_resource id: the
     * primitive id, or {@code id:N} for instances of globally unique clones.
     */
    record History(String historyId, Primitive primitive, ClusterNode node, CurrentRole role, Failure failure,
                   int failCount) {

        boolean running() {
            return role != null;
        }
    }

    final List<ClusterNode> nodes = new ArrayList<>();
    final List<Resource> resources = new ArrayList<>();
    final List<History> histories = new ArrayList<>();
    /** Promotion scores (transient attributes master-ID) per node. */
    final Map<ClusterNode, Map<String, Integer>> promotionScores = new LinkedHashMap<>();
}
