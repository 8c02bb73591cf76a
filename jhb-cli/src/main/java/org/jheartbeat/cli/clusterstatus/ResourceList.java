package org.jheartbeat.cli.clusterstatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;

/**
 * "Full List of Resources": every configured resource in configuration order, active or not,
 * and resources the configuration no longer has while they still run (orphans). Or "Active
 * Resources": those with a primitive active somewhere, a group with its active members only.
 */
final class ResourceList {

    private final Cluster cluster;
    private final Management management;
    private final PrimitiveLine primitives;
    private final boolean inactiveToo;

    ResourceList(Cluster cluster, boolean inactiveToo) {
        this.cluster = cluster;
        this.inactiveToo = inactiveToo;
        this.management = new Management(cluster);
        this.primitives = new PrimitiveLine(management);
    }

    void print(TextList out) {
        out.begin(inactiveToo ? "Full List of Resources" : "Active Resources");
        boolean printed = false;
        for (Resource r : inDisplayOrder()) {
            boolean inactive = r.primitives().stream().allMatch(p -> p.active().isEmpty());
            if (r instanceof Primitive p && p.orphan() && inactive || !inactiveToo && inactive) {
                continue;
            }
            printed |= print(r, out);
        }
        if (!printed) {
            out.item("No resources");
        }
        out.end();
    }

    /**
     * Configured resources by priority, highest first (configuration order among equals),
     * then the orphans found in the status section, as Pacemaker orders them.
     */
    private List<Resource> inDisplayOrder() {
        List<Resource> configured = new ArrayList<>();
        List<Resource> orphans = new ArrayList<>();
        for (Resource r : cluster.resources().values()) {
            (r instanceof Primitive p && p.orphan() ? orphans : configured).add(r);
        }
        configured.sort(Comparator.comparingInt(Resource::priority).reversed());
        configured.addAll(orphans);
        return configured;
    }

    /** Prints one resource of any kind; false when it had nothing to show. */
    boolean print(Resource r, TextList out) {
        if (r instanceof Primitive p) {
            out.item(primitives.of(p));
            return true;
        }
        if (r instanceof Group g) {
            return group(g, out);
        }
        return new CloneView((Clone) r, cluster, management, this).print(out);
    }

    private boolean group(Group g, TextList out) {
        if (g.children().isEmpty()) {
            return false;
        }
        List<String> flags = new ArrayList<>();
        if (management.unmanaged(g)) {
            flags.add("unmanaged");
        }
        if (Management.disabled(g)) {
            flags.add("disabled");
        }
        out.begin("Resource Group: " + g.id() + (flags.isEmpty() ? "" : " (" + String.join(", ", flags) + ")"));
        for (Primitive member : g.children()) {
            if (inactiveToo || !member.active().isEmpty()) {
                out.item(primitives.of(member));
            }
        }
        out.end();
        return true;
    }
}
