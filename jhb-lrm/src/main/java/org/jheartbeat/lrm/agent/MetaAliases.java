package org.jheartbeat.lrm.agent;

import java.util.Map;
import java.util.TreeMap;

/**
 * Meta values under both their old and new names. Pacemaker 2.1 renamed master/slave to
 * promoted/unpromoted; six installed agents (pgsql, mysql, mariadb, redis, conntrackd,
 * rabbitmq-server-ha) read only the old names, newer ones only the new.
 */
final class MetaAliases {

    private static final String[][] PAIRS = {
        {"promoted_max", "master_max"},
        {"promoted_node_max", "master_node_max"},
        {"notify_promoted_resource", "notify_master_resource"},
        {"notify_promoted_uname", "notify_master_uname"},
        {"notify_unpromoted_resource", "notify_slave_resource"},
        {"notify_unpromoted_uname", "notify_slave_uname"},
    };

    private MetaAliases() {
    }

    static Map<String, String> withBothNames(Map<String, String> meta) {
        Map<String, String> all = new TreeMap<>(meta);
        for (String[] pair : PAIRS) {
            copyIfMissing(all, pair[0], pair[1]);
            copyIfMissing(all, pair[1], pair[0]);
        }
        return all;
    }

    private static void copyIfMissing(Map<String, String> meta, String from, String to) {
        String value = meta.get(from);
        if (value != null) {
            meta.putIfAbsent(to, value);
        }
    }
}
