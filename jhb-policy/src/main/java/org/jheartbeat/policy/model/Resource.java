package org.jheartbeat.policy.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configured resource (primitive, group or clone) with its effective meta attributes and the
 * scheduler's working state: the node scores it may run on and where it was assigned.
 */
public abstract sealed class Resource permits Primitive, Group, Clone {

    private final String id;
    private final Map<String, String> meta;
    private Resource parent;
    private final Map<Node, Integer> allowedNodes = new LinkedHashMap<>();
    private final List<Colocation> asDependent = new ArrayList<>();
    private final List<Colocation> asPrimary = new ArrayList<>();
    private final List<Location> locations = new ArrayList<>();
    private boolean assigned;
    private boolean assigning;

    protected Resource(String id, Map<String, String> meta) {
        this.id = id;
        this.meta = meta;
    }

    public String id() {
        return id;
    }

    public Map<String, String> meta() {
        return meta;
    }

    public String meta(String name) {
        return meta.get(name);
    }

    public Resource parent() {
        return parent;
    }

    void setParent(Resource parent) {
        this.parent = parent;
    }

    public Resource top() {
        Resource r = this;
        while (r.parent != null) {
            r = r.parent;
        }
        return r;
    }

    /**
     * The node this resource (a clone instance, say) goes to, or else the one it is on: the
     * first such node among its primitives; null for one placed nowhere and running nowhere.
     */
    public Node instanceNode() {
        for (Primitive p : primitives()) {
            if (p.assignedNode() != null) {
                return p.assignedNode();
            }
            if (p.currentNode() != null) {
                return p.currentNode();
            }
        }
        return null;
    }

    public abstract List<? extends Resource> children();

    /** Every primitive under this resource, in configuration order. */
    public abstract List<Primitive> primitives();

    public Map<Node, Integer> allowedNodes() {
        return allowedNodes;
    }

    public int score(Node node) {
        Integer s = allowedNodes.get(node);
        return s == null ? -org.jheartbeat.policy.Score.INFINITY : s;
    }

    public List<Colocation> asDependent() {
        return asDependent;
    }

    public List<Colocation> asPrimary() {
        return asPrimary;
    }

    public List<Location> locations() {
        return locations;
    }

    public boolean isAssigned() {
        return assigned;
    }

    public void setAssigned(boolean assigned) {
        this.assigned = assigned;
    }

    public boolean isAssigning() {
        return assigning;
    }

    public void setAssigning(boolean assigning) {
        this.assigning = assigning;
    }

    public int priority() {
        return MetaValues.integer(meta.get("priority"), 0);
    }

    public int stickiness() {
        return MetaValues.score(meta.get("resource-stickiness"), 0);
    }

    public boolean managed() {
        return MetaValues.bool(meta.get("is-managed"), true);
    }

    public Role targetRole() {
        Role r = Role.parse(meta.get("target-role"));
        return r == null ? Role.UNKNOWN : r;
    }

    @Override
    public String toString() {
        return id;
    }
}
