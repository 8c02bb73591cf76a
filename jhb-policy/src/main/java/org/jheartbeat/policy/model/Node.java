package org.jheartbeat.policy.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** A cluster node as the scheduler sees it: configuration, membership state and attributes. */
public final class Node {

    private final String id;
    private final String name;
    private final String type;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, Integer> utilization = new LinkedHashMap<>();
    private final Map<String, Integer> used = new LinkedHashMap<>();
    private boolean online;
    private boolean unclean;
    private boolean pending;
    private boolean standby;
    private boolean standbyOnFail;
    private boolean maintenance;
    private boolean shutdown;
    private String uncleanReason;
    private int assignedCount;
    /** Where its node_state comes in the status section (the order Pacemaker reads histories in); MAX_VALUE if it has none. */
    private int statusOrder = Integer.MAX_VALUE;
    /** The name's hash, kept: nodes are map keys everywhere (scores, histories, placements). */
    private final int hash;

    public Node(String id, String name, String type) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.hash = name == null ? 0 : name.hashCode();
    }

    /**
     * Equality stays identity (two nodes of one cluster never share a name); the hash is the
     * name's, kept, because the JVM's identity hash is a native call that the client compiler
     * does not inline, and placement, unpacking and the graph look nodes up in maps about a
     * million times at 10,000 resources.
     */
    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    public Map<String, Integer> utilization() {
        return utilization;
    }

    /** Capacity left of one utilization attribute after what was placed here (an undefined capacity is 0). */
    public int remaining(String attribute) {
        return utilization.getOrDefault(attribute, 0) - used.getOrDefault(attribute, 0);
    }

    public boolean hasCapacityFor(Map<String, Integer> demand) {
        for (Map.Entry<String, Integer> d : demand.entrySet()) {
            if (remaining(d.getKey()) < d.getValue()) {
                return false;
            }
        }
        return true;
    }

    public void use(Map<String, Integer> demand, int sign) {
        demand.forEach((k, v) -> used.merge(k, sign * v, Integer::sum));
    }

    public boolean online() {
        return online;
    }

    public int statusOrder() {
        return statusOrder;
    }

    public void setStatusOrder(int statusOrder) {
        this.statusOrder = statusOrder;
    }

    public void setOnline(boolean online) {
        this.online = online;
    }

    public boolean unclean() {
        return unclean;
    }

    public void markUnclean(String reason) {
        this.unclean = true;
        if (uncleanReason == null) {
            uncleanReason = reason;
        }
    }

    public void clearUnclean() {
        this.unclean = false;
        this.uncleanReason = null;
    }

    public String uncleanReason() {
        return uncleanReason;
    }

    public boolean pending() {
        return pending;
    }

    public void setPending(boolean pending) {
        this.pending = pending;
    }

    public boolean standby() {
        return standby;
    }

    public void setStandby(boolean standby) {
        this.standby = standby;
    }

    public boolean standbyOnFail() {
        return standbyOnFail;
    }

    public void setStandbyOnFail(boolean standbyOnFail) {
        this.standbyOnFail = standbyOnFail;
    }

    public boolean maintenance() {
        return maintenance;
    }

    public void setMaintenance(boolean maintenance) {
        this.maintenance = maintenance;
    }

    public boolean shutdown() {
        return shutdown;
    }

    public void setShutdown(boolean shutdown) {
        this.shutdown = shutdown;
    }

    /** Can this node run resources at all (online, clean, not in standby or shutting down)? */
    public boolean canRunResources() {
        return online && !unclean && !standby && !standbyOnFail && !shutdown && !pending && !maintenance;
    }

    public int assignedCount() {
        return assignedCount;
    }

    public void countAssigned(int delta) {
        assignedCount += delta;
    }

    @Override
    public String toString() {
        return name;
    }
}
