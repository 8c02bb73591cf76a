package org.jheartbeat.policy.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.InstanceIds;
import org.jheartbeat.policy.model.OpConfig;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Role;

/**
 * What the controller is told about one resource action of a transition, as Pacemaker's graph
 * gives it: the agent, and the resource's parameters with the {@code CRM_meta_*} attributes
 * (interval, timeout, role, clone numbers, the node), and the result that means success. The
 * graph file of crm_simulate and the controller that runs the actions read the same answer.
 */
public final class ActionAttributes {

    /** The timeout of an operation that has none configured. */
    public static final long DEFAULT_TIMEOUT_MS = 20_000;
    private static final int NOT_RUNNING = 7;
    private static final int RUNNING_PROMOTED = 8;

    private ActionAttributes() {
    }

    /** The parameters and {@code CRM_meta_*} attributes of a resource action on a node (not a pseudo action). */
    public static Map<String, String> of(Transition transition, Action a) {
        Primitive rsc = a.primitive();
        Map<String, String> attributes = new TreeMap<>(rsc.params());
        attributes.put("CRM_meta_on_node", a.node().name());
        attributes.put("CRM_meta_on_node_uuid", a.node().id());
        cloneMeta(attributes, transition, rsc);
        if (a.intervalMs() > 0) {
            attributes.put("CRM_meta_interval", Long.toString(a.intervalMs()));
            attributes.put("CRM_meta_name", "monitor");
            if (Action.CANCEL.equals(a.task())) {
                attributes.put("CRM_meta_operation", "monitor");
            }
            OpConfig op = op(rsc, a);
            if (op != null && op.role() != null) {
                attributes.put("CRM_meta_role", op.role().text());
            }
        } else if ("monitor".equals(a.task())) {
            attributes.put("CRM_meta_op_target_rc", Integer.toString(NOT_RUNNING));
        }
        attributes.put("CRM_meta_timeout", Long.toString(timeoutMs(rsc, a)));
        return attributes;
    }

    /** The agent of a resource action; an anonymous clone's instance named as the nodes know it, with its instance as long-id. */
    public static Map<String, String> agent(Primitive rsc) {
        Map<String, String> agent = new LinkedHashMap<>();
        String shown = InstanceIds.shownId(rsc);
        agent.put("id", shown);
        if (!shown.equals(rsc.id())) {
            agent.put("long-id", rsc.id());
        }
        agent.put("class", rsc.standard());
        if (rsc.provider() != null && !rsc.provider().isEmpty()) {
            agent.put("provider", rsc.provider());
        }
        agent.put("type", rsc.type());
        return agent;
    }

    /**
     * What the operation returns when it goes well: a probe finds the resource stopped, a
     * recurring monitor of a promoted instance finds it promoted, anything else succeeds.
     */
    public static int expectedRc(Action a) {
        if (!"monitor".equals(a.task())) {
            return 0;
        }
        if (a.intervalMs() == 0) {
            return NOT_RUNNING;
        }
        Primitive rsc = a.primitive();
        return rsc.assignedNode() == a.node() && rsc.nextRole() == Role.PROMOTED ? RUNNING_PROMOTED : 0;
    }

    /** A node fence ({@code stonith-reboot}, {@code stonith-off}, {@code stonith-on}). */
    public static boolean isFencing(Action a) {
        return a.resource() == null && a.task().startsWith("stonith-");
    }

    /** The controller's order to a node leaving the cluster cleanly. */
    public static boolean isShutdown(Action a) {
        return a.resource() == null && "do_shutdown".equals(a.task());
    }

    private static void cloneMeta(Map<String, String> attributes, Transition transition, Primitive rsc) {
        if (!(rsc.top() instanceof Clone clone)) {
            return;
        }
        String id = rsc.parent() instanceof Clone ? rsc.id() : rsc.parent().id();
        attributes.put("CRM_meta_clone", id.substring(id.lastIndexOf(':') + 1));
        attributes.put("CRM_meta_clone_max", Integer.toString(clone.cloneMax(transition.cluster().nodes().size())));
        attributes.put("CRM_meta_clone_node_max", Integer.toString(clone.cloneNodeMax()));
        attributes.put("CRM_meta_globally_unique", Boolean.toString(clone.globallyUnique()));
        attributes.put("CRM_meta_notify", Boolean.toString(clone.notifying()));
        if (clone.promotable()) {
            attributes.put("CRM_meta_promoted_max", Integer.toString(clone.promotedMax()));
            attributes.put("CRM_meta_promoted_node_max", Integer.toString(clone.promotedNodeMax()));
        }
    }

    private static long timeoutMs(Primitive rsc, Action a) {
        OpConfig op = op(rsc, a);
        return op == null ? DEFAULT_TIMEOUT_MS : op.timeoutMs();
    }

    /** The configured operation an action runs (a cancellation: the monitor it stops), if any. */
    private static OpConfig op(Primitive rsc, Action a) {
        String task = Action.CANCEL.equals(a.task()) ? "monitor" : a.task();
        for (OpConfig op : rsc.ops()) {
            if (op.name().equals(task) && op.intervalMs() == a.intervalMs()) {
                return op;
            }
        }
        return null;
    }
}
