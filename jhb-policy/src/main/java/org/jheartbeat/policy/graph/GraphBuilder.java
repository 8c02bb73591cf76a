package org.jheartbeat.policy.graph;

import java.util.HashSet;
import java.util.Set;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.model.Cluster;

/**
 * Completes the planned transition into the graph the controller runs: adds the probes, the
 * recurring monitors, the pseudo actions of groups and clones and the steps of live migrations and the notifications of clones to the planned fencing, stops,
 * starts, promotions and demotions, gives every action the actions it waits for
 * ({@link org.jheartbeat.policy.actions.Action#after()}), and lists them in graph order.
 * It adds actions and edges only: the placement and the Transition Summary stay as planned.
 */
public final class GraphBuilder {

    private final Cluster cluster;
    private final Transition transition;

    public GraphBuilder(Cluster cluster, Transition transition) {
        this.cluster = cluster;
        this.transition = transition;
    }

    public Transition build() {
        ActionIndex index = new ActionIndex(transition);
        Migrations migrations = new Migrations(transition, index);
        migrations.add();
        int planned = transition.actions().size();
        new HistoryCancels(cluster, index).add();
        new Probes(cluster, index).add();
        // what Pacemaker makes while it reads the status, before it plans anything
        Set<Action> fromStatus = new HashSet<>(transition.actions().subList(planned, transition.actions().size()));
        new RecurringMonitors(cluster, index).add();
        new PseudoActions(cluster, index).add();
        new StartsNoNodeTakes(cluster, index).add();
        new ResourceSequence(cluster, index).add();
        new Notifications(cluster, index).add();
        new LoadStopped(cluster, index).add();
        new OrderConstraints(cluster, index).add();
        new AntiColocationOrders(cluster, index).add();
        migrations.inheritStartInputs();
        new SynapseOrder(cluster, index, fromStatus).apply(transition);
        return transition;
    }
}
