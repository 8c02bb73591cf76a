package org.jheartbeat.cli.clusterstatus;

import org.jheartbeat.policy.model.InstanceIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Role;

/**
 * One primitive's status line, in Pacemaker's layout:
 * {@code id<TAB>(class:provider:type):<TAB> [ORPHANED] FAILED|Role|Starting.. [node] [(flags)] [[ nodes ]]},
 * the flags being UNCLEAN (on a node to be fenced), an operation in progress (Monitoring),
 * disabled, blocked or unmanaged, failure ignored; a stopped resource a probe found unusable
 * shows why ("Stopped (not installed)"), one kept for a node by shutdown-lock shows that node
 * ("Stopped node2 (LOCKED)").
 */
final class PrimitiveLine {

    /** What is shown instead of the role while an operation is in progress. */
    private static final Map<String, String> PENDING_STATES = Map.of("start", "Starting", "stop", "Stopping",
            "migrate_to", "Migrating", "migrate_from", "Migrating", "promote", "Promoting", "demote", "Demoting");

    private final Management management;

    PrimitiveLine(Management management) {
        this.management = management;
    }

    String of(Primitive p) {
        StringBuilder line = new StringBuilder(InstanceIds.shownId(p)).append("\t(").append(p.agent()).append("):\t");
        if (p.orphan()) {
            line.append(" ORPHANED");
        }
        List<Node> where = new ArrayList<>(p.active().keySet());
        Node node = where.size() == 1 ? where.get(0) : null;
        String pending = node != null ? p.pendingTasks().get(node) : p.pendingTasks().values().stream().findFirst()
                .orElse(null);
        Role role = displayRole(p);
        if (p.failed()) {
            line.append(" FAILED");
            if (role.compareTo(Role.UNPROMOTED) > 0) {
                line.append(' ').append(role.text());
            }
        } else {
            String inProgress = pending == null ? null : PENDING_STATES.get(pending);
            line.append(' ').append(inProgress != null ? inProgress : role.text());
        }
        boolean locked = node == null && p.lockedTo() != null;
        if (node != null) {
            line.append(' ').append(node.name());
        } else if (locked) {
            line.append(' ').append(p.lockedTo().name());
        }
        if (role == Role.STOPPED && !p.failedProbes().isEmpty()) {
            line.append(" (").append(OcfResults.text(p.failedProbes().values().iterator().next())).append(") ");
        }
        List<String> flags = new ArrayList<>();
        if (node != null && !node.online() && node.unclean()) {
            flags.add("UNCLEAN");
        }
        if ("monitor".equals(pending)) {
            flags.add("Monitoring");
        }
        if (locked) {
            flags.add("LOCKED");
        }
        if (Management.disabled(p)) {
            flags.add("disabled");
        } else if (Management.heldUnpromoted(p)) {
            flags.add("target-role:" + p.meta("target-role"));
        }
        if (p.blocked()) {
            flags.add("blocked");
        } else if (management.unmanaged(p)) {
            flags.add("unmanaged");
        }
        if (p.failureIgnored()) {
            flags.add("failure ignored");
        }
        if (!flags.isEmpty()) {
            line.append(" (").append(String.join(", ", flags)).append(')');
        }
        if (where.size() > 1) {
            line.append(" [");
            where.forEach(n -> line.append(' ').append(n.name()));
            line.append(" ]");
        }
        return line.toString();
    }

    /** The current role, where a promotable clone's started instance counts as Unpromoted. */
    private static Role displayRole(Primitive p) {
        Role role = p.currentRole();
        if (role == Role.UNKNOWN) {
            role = Role.STOPPED;
        }
        if (role == Role.STARTED && p.top() instanceof Clone c && c.promotable()) {
            return Role.UNPROMOTED;
        }
        return role;
    }
}
