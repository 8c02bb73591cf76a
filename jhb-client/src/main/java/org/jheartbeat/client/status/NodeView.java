package org.jheartbeat.client.status;

import java.util.Map;

/**
 * One node as the local daemon sees it, for {@code cl_status}.
 *
 * @param name   node name (uname -n of that node)
 * @param type   {@code normal} for cluster members, {@code ping} for ping nodes
 * @param status {@code init}, {@code up}, {@code active}, {@code dead} (members) or {@code ping}/{@code dead}
 * @param links  link (medium interface) name to {@code up} or {@code dead}, in configuration order
 * @param weight node weight (Heartbeat reports 100)
 */
public record NodeView(String name, String type, String status, Map<String, String> links, int weight) {
}
