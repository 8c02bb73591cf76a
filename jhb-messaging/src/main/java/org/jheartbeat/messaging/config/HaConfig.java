package org.jheartbeat.messaging.config;

import java.net.Inet4Address;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed, validated ha.cf. Defaults and derived values are filled in; {@link #written()}
 * keeps the text of every single-value directive as it appeared in the file.
 *
 * @param file                   where it was read from
 * @param nodes                  cluster members from {@code node} lines, lower case, in file order
 * @param nodeAddresses          {@code nodeaddr} lines: the only addresses a node's packets may come from
 * @param media                  heartbeat media in file order
 * @param timing                 keepalive, deadtime, warntime, initdead, deadping
 * @param logging                ha.cf's log destinations
 * @param crm                    {@code crm} / {@code pacemaker}
 * @param autoFailback           {@code auto_failback}
 * @param autojoin               {@code autojoin}
 * @param pingNodes              {@code ping} addresses
 * @param pingGroups             {@code ping_group} lines
 * @param respawns               {@code respawn} lines
 * @param apiAuths               {@code apiauth} lines
 * @param environment            {@code env} lines, for respawned children
 * @param hopfudge               {@code hopfudge}
 * @param realtime               {@code realtime}
 * @param debug                  {@code debug} level 0..255
 * @param compression            {@code compression} as given (zlib or bz2), or null; never applied
 * @param traditionalCompression {@code traditional_compression}
 * @param uuidFrom               {@code uuidfrom}
 * @param messageFormat          {@code msgfmt}
 * @param cluster                {@code cluster} name
 * @param logBadPackets          {@code log_badpack}
 * @param maxRexmitDelayMillis   {@code max_rexmit_delay} in milliseconds
 * @param udpport                the last {@code udpport} (media carry the port that applied to them)
 * @param written                directive name to value as written, for single-value directives
 * @param warnings               problems that do not stop the daemon, each starting with file:line
 */
public record HaConfig(
        Path file,
        List<String> nodes,
        Map<String, List<Inet4Address>> nodeAddresses,
        List<Medium> media,
        Timing timing,
        LogDestinations logging,
        CrmMode crm,
        AutoFailback autoFailback,
        Autojoin autojoin,
        List<Inet4Address> pingNodes,
        List<PingGroup> pingGroups,
        List<Respawn> respawns,
        List<ApiAuth> apiAuths,
        Map<String, String> environment,
        int hopfudge,
        boolean realtime,
        int debug,
        String compression,
        boolean traditionalCompression,
        UuidSource uuidFrom,
        MessageFormat messageFormat,
        String cluster,
        boolean logBadPackets,
        int maxRexmitDelayMillis,
        int udpport,
        Map<String, String> written,
        List<String> warnings) {

    public HaConfig {
        nodes = List.copyOf(nodes);
        Map<String, List<Inet4Address>> addresses = new LinkedHashMap<>();
        nodeAddresses.forEach((node, list) -> addresses.put(node, List.copyOf(list)));
        nodeAddresses = Collections.unmodifiableMap(addresses);
        media = List.copyOf(media);
        pingNodes = List.copyOf(pingNodes);
        pingGroups = List.copyOf(pingGroups);
        respawns = List.copyOf(respawns);
        apiAuths = List.copyOf(apiAuths);
        environment = Map.copyOf(environment);
        written = Map.copyOf(written);
        warnings = List.copyOf(warnings);
    }

    /** The addresses {@code nodeaddr} gives for the node, empty when it has none. */
    public List<Inet4Address> addressesOf(String node) {
        return nodeAddresses.getOrDefault(node, List.of());
    }

    /**
     * The parameters {@code cl_status hbparameter -p NAME} can report, by name: written values
     * verbatim, defaults and computed times as {@code <n>ms}. Names without a value (no
     * logfile given, ...) are absent.
     */
    public Map<String, String> hbParameters() {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("auto_failback", written.getOrDefault("auto_failback",
                autoFailback.name().toLowerCase(Locale.ROOT)));
        parameters.put("debug", written.getOrDefault("debug", Integer.toString(debug)));
        parameters.put("deadping", timing.deadping().asParameter());
        parameters.put("deadtime", timing.deadtime().asParameter());
        parameters.put("hopfudge", written.getOrDefault("hopfudge", Integer.toString(hopfudge)));
        parameters.put("initdead", timing.initdead().asParameter());
        parameters.put("keepalive", timing.keepalive().asParameter());
        parameters.put("msgfmt", written.getOrDefault("msgfmt",
                messageFormat.name().toLowerCase(Locale.ROOT)));
        parameters.put("udpport", written.getOrDefault("udpport", Integer.toString(udpport)));
        parameters.put("warntime", timing.warntime().asParameter());
        parameters.put("conn_logd_time", logging.connLogdTime().asParameter());
        parameters.put("max_rexmit_delay", written.getOrDefault("max_rexmit_delay",
                Integer.toString(maxRexmitDelayMillis)));
        for (String name : List.of("debugfile", "logfacility", "logfile")) {
            if (written.containsKey(name)) {
                parameters.put(name, written.get(name));
            }
        }
        return Collections.unmodifiableMap(parameters);
    }
}
