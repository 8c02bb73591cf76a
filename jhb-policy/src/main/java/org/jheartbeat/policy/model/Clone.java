package org.jheartbeat.policy.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A clone (or promotable clone): its instances are copies of one primitive or group, named
 * {@code id:N} as Pacemaker names them.
 */
public final class Clone extends Resource {

    private final List<Resource> instances = new ArrayList<>();
    private final Map<Resource, Integer> promotionScores = new java.util.LinkedHashMap<>();
    private final boolean promotable;
    private List<Resource> placementOrder;

    public Clone(String id, Map<String, String> meta, boolean promotable) {
        super(id, meta);
        this.promotable = promotable;
    }

    public void addInstance(Resource instance) {
        instance.setParent(this);
        instances.add(instance);
    }

    @Override
    public List<Resource> children() {
        return instances;
    }

    /**
     * Its instances in the order Pacemaker keeps them once roles are chosen (promoted first),
     * which is the order they count in when something is colocated with the clone.
     */
    public List<Resource> instancesInPlacementOrder() {
        return placementOrder == null ? instances : placementOrder;
    }

    public void setPlacementOrder(List<Resource> order) {
        this.placementOrder = List.copyOf(order);
    }

    /** Its first instance placed on the node, or null. */
    public Resource instanceGoingTo(Node node) {
        for (Resource instance : children()) {
            if (instance.primitives().stream().anyMatch(p -> p.assignedNode() == node)) {
                return instance;
            }
        }
        return null;
    }

    /** Its first instance that goes to the node, or else its first that is on it, or null. */
    public Resource instanceOn(Node node) {
        Resource going = instanceGoingTo(node);
        if (going != null) {
            return going;
        }
        for (Resource instance : children()) {
            if (instance.instanceNode() == node) {
                return instance;
            }
        }
        return null;
    }

    /**
     * The first primitive, in any instance, that stands for the same configured resource as
     * {@code member} (its id up to the instance number) and passes the test; null if none.
     */
    public Primitive counterpart(Primitive member, Predicate<Primitive> test) {
        String base = withoutInstanceNumber(member.id());
        for (Resource instance : children()) {
            for (Primitive p : instance.primitives()) {
                if (withoutInstanceNumber(p.id()).equals(base) && test.test(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** An instance's id (or a history's name for one) without its instance number: "rsc:2" is "rsc". */
    public static String withoutInstanceNumber(String id) {
        int colon = id.lastIndexOf(':');
        return colon < 0 ? id : id.substring(0, colon);
    }

    @Override
    public List<Primitive> primitives() {
        List<Primitive> all = new ArrayList<>();
        instances.forEach(i -> all.addAll(i.primitives()));
        return all;
    }

    /** Each placed instance's promotion score, as the scheduler computed it (for explanations). */
    public Map<Resource, Integer> promotionScores() {
        return promotionScores;
    }

    public boolean promotable() {
        return promotable;
    }

    public boolean globallyUnique() {
        return MetaValues.bool(meta("globally-unique"), false);
    }

    public boolean interleave() {
        return MetaValues.bool(meta("interleave"), false);
    }

    public boolean ordered() {
        return MetaValues.bool(meta("ordered"), false);
    }

    public boolean notifying() {
        return MetaValues.bool(meta("notify"), false);
    }

    public int cloneMax(int nodeCount) {
        return MetaValues.integer(meta("clone-max"), nodeCount);
    }

    public int cloneNodeMax() {
        return MetaValues.integer(meta("clone-node-max"), 1);
    }

    public int promotedMax() {
        String v = meta("promoted-max");
        return MetaValues.integer(v != null ? v : meta("master-max"), 1);
    }

    public int promotedNodeMax() {
        String v = meta("promoted-node-max");
        return MetaValues.integer(v != null ? v : meta("master-node-max"), 1);
    }
}
