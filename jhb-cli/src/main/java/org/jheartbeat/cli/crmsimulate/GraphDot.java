package org.jheartbeat.cli.crmsimulate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jheartbeat.cli.clusterstatus.Management;
import org.jheartbeat.policy.graph.ActionAttributes;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.actions.Transition;

/**
 * {@code --save-dotfile}: the transition for Graphviz in Pacemaker's style. Actions of the
 * graph are bold and green, actions that cannot run dashed and red; with --all-actions also
 * the optional ones (dashed, blue) and those of unmanaged resources (red, purple text).
 * Pseudo actions have orange text. An arrow runs from an action to each that waits for it,
 * bold between two actions of the graph.
 */
final class GraphDot {

    private final Transition transition;
    private final boolean allActions;

    GraphDot(Transition transition, boolean allActions) {
        this.transition = transition;
        this.allActions = allActions;
    }

    String write() {
        StringBuilder dot = new StringBuilder(" digraph \"g\" {\n");
        List<Action> actions = new ArrayList<>(transition.actions());
        Collections.reverse(actions);
        Management management = new Management(transition.cluster());
        Set<Action> shown = new LinkedHashSet<>();
        for (Action a : actions) {
            String style = "dashed";
            String color = "red";
            String font = a.pseudo() ? "orange" : "black";
            boolean always = true;
            if (TransitionRun.inGraph(a)) {
                style = "bold";
                color = "green";
            } else if (a.resource() != null && management.unmanaged(a.resource())) {
                font = "purple";
                always = false;
            }
            if (!always && !allActions) {
                continue;
            }
            shown.add(a);
            dot.append('"').append(name(a)).append("\" [ style=").append(style).append(" color=\"").append(color)
                    .append("\" fontcolor=\"").append(font).append("\"]\n");
        }
        for (Action a : shown) {
            List<Action> before = new ArrayList<>(a.after());
            Collections.reverse(before);
            for (Action first : before) {
                boolean bold = TransitionRun.inGraph(a) && a.graphInputs().contains(first);
                if (bold || allActions && shown.contains(first)) {
                    dot.append('"').append(name(first)).append("\" -> \"").append(name(a)).append("\" [ style = ")
                            .append(bold ? "bold" : "dashed").append("]\n");
                }
            }
        }
        return dot.append("}\n").toString();
    }

    /**
     * "rsc1_start_0 node1", "rsc1_start_0 &lt;none&gt;" when not placed, "grp_running_0",
     * "stonith 'reboot' node2", "do_shutdown node1", "Cancel rsc1_monitor_10000 node1".
     */
    static String name(Action a) {
        if (ActionAttributes.isFencing(a)) {
            return "stonith '" + a.task().substring("stonith-".length()) + "' " + a.node().name();
        }
        if (a.resource() == null) {
            return a.node() == null ? a.key() : a.key() + " " + a.node().name();
        }
        if (Action.CANCEL.equals(a.task())) {
            return "Cancel " + a.key() + " " + a.node().name();
        }
        if (a.node() == null) {
            return a.pseudo() ? a.key() : a.key() + " <none>";
        }
        return a.key() + " " + a.node().name();
    }
}
