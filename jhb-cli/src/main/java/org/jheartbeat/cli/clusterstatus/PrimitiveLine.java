package org.jheartbeat.cli.clusterstatus;

import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Role;

/**
 * One primitive's status line, in Pacemaker's layout:
 * {@code id<TAB>(class:provider:type):<TAB> [ORPHANED] FAILED|Role [node] [(flags)] [[ nodes ]]}.
 */
final class PrimitiveLine {

    private final Management management;

    PrimitiveLine(Management management) {
        this.management = management;
    }

    String of(Primitive p) {
        StringBuilder line = new StringBuilder(displayId(p)).append("\t(").append(p.agent()).append("):\t");
        if (p.orphan()) {
            line.append(" ORPHANED");
        }
        Role role = displayRole(p);
        if (p.failed()) {
            line.append(" FAILED");
            if (role.compareTo(Role.UNPROMOTED) > 0) {
                line.append(' ').append(role.text());
            }
        } else {
            line.append(' ').append(role.text());
        }
        List<Node> where = new ArrayList<>(p.active().keySet());
        Node node = where.size() == 1 ? where.get(0) : null;
        if (node != null) {
            line.append(' ').append(node.name());
        }
        List<String> flags = new ArrayList<>();
        if (node != null && !node.online() && node.unclean()) {
            flags.add("UNCLEAN");
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

    /** An anonymous clone's instances are shown by the configured id, without the ":N" instance number. */
    static String displayId(Primitive p) {
        if (p.top() instanceof Clone c && !c.globallyUnique()) {
            int colon = p.id().lastIndexOf(':');
            return colon < 0 ? p.id() : p.id().substring(0, colon);
        }
        return p.id();
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
