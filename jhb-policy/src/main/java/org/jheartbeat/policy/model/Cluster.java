package org.jheartbeat.policy.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the scheduler knows for one run: nodes, resources, constraints, options and time. */
public final class Cluster {

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final Map<String, Primitive> primitivesById = new LinkedHashMap<>();
    private final List<Colocation> colocations = new ArrayList<>();
    private final List<Ordering> orderings = new ArrayList<>();
    private final List<Location> locations = new ArrayList<>();
    private final List<Fencing> fencing = new ArrayList<>();
    private final ClusterOptions options;
    private final Instant now;
    private final boolean haveQuorum;
    private final String dcUuid;

    public Cluster(ClusterOptions options, Instant now, boolean haveQuorum, String dcUuid) {
        this.options = options;
        this.now = now;
        this.haveQuorum = haveQuorum;
        this.dcUuid = dcUuid;
    }

    public Map<String, Node> nodes() {
        return nodes;
    }

    public Node node(String name) {
        return nodes.get(name);
    }

    public void addNode(Node node) {
        nodes.put(node.name(), node);
    }

    /** Top-level resources in configuration order. */
    public Map<String, Resource> resources() {
        return resources;
    }

    public void addResource(Resource resource) {
        resources.put(resource.id(), resource);
    }

    public Map<String, Primitive> primitivesById() {
        return primitivesById;
    }

    public List<Primitive> primitives() {
        List<Primitive> all = new ArrayList<>();
        resources.values().forEach(r -> all.addAll(r.primitives()));
        return all;
    }

    public List<Colocation> colocations() {
        return colocations;
    }

    public List<Ordering> orderings() {
        return orderings;
    }

    public List<Location> locations() {
        return locations;
    }

    /** Nodes to fence, in the order the scheduler decided. */
    public List<Fencing> fencing() {
        return fencing;
    }

    public ClusterOptions options() {
        return options;
    }

    public Instant now() {
        return now;
    }

    public boolean haveQuorum() {
        return haveQuorum;
    }

    public String dcUuid() {
        return dcUuid;
    }

    /**
     * Whether this partition can fence the node: fencing on with a device (or a watchdog) to do
     * it, and quorum (or no-quorum-policy=ignore) unless the node is still among its members.
     */
    public boolean canFence(Node node) {
        return options.stonithEnabled() && hasFencingDevice()
                && (haveQuorum || "ignore".equals(options.noQuorumPolicy()) || node.online());
    }

    /**
     * Fencing is on but there is no fencing device (nor a watchdog to fence with): Pacemaker then
     * leaves every resource it places unmanaged where it runs, and neither fences nor starts,
     * stops, promotes or demotes anything, except what it never places (clone instances past
     * clone-max), which stops.
     */
    public boolean fencingWithoutDevice() {
        return options.stonithEnabled() && !hasFencingDevice();
    }

    private boolean hasFencingDevice() {
        return options.haveWatchdog() || primitives().stream().anyMatch(p -> "stonith".equals(p.standard()));
    }

    /** A node fence decision and why. */
    public record Fencing(Node node, String action, String reason) {
    }
}
