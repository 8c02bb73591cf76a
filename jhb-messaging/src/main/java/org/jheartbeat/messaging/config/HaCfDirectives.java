package org.jheartbeat.messaging.config;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jheartbeat.common.config.ConfigException;
import org.jheartbeat.common.log.SyslogFacilities;

/** Every ha.cf directive jheartbeat knows, and what each one does to the draft. */
final class HaCfDirectives {

    /** Directives Heartbeat still accepts that have no effect here, with the reason shown in the warning. */
    private static final Map<String, String> IGNORED = Map.ofEntries(
            Map.entry("serial", "serial media are not supported; use an IP medium"),
            Map.entry("baud", "serial media are not supported"),
            Map.entry("stonith", "v1 STONITH is not supported; configure fencing in Pacemaker"),
            Map.entry("stonith_host", "v1 STONITH is not supported; configure fencing in Pacemaker"),
            Map.entry("watchdog", "the watchdog device is not supported"),
            Map.entry("nice_failback", "it is obsolete; use 'auto_failback off' instead"),
            Map.entry("hbaping", "HBA ping is not supported"),
            Map.entry("crm_daemon_dir", "it only concerns Pacemaker's own start-up"),
            Map.entry("crmd_spawns_pengine", "it only concerns Pacemaker's own start-up"),
            Map.entry("record_config_changes", "it only concerns Pacemaker"),
            Map.entry("record_pengine_inputs", "it only concerns Pacemaker"),
            Map.entry("enable_config_writes", "it only concerns Pacemaker"),
            Map.entry("rtprio", "the JVM cannot set a real-time priority"),
            Map.entry("memreserve", "the JVM manages its own memory"),
            Map.entry("hbgenmethod", "the generation number always comes from the file"),
            Map.entry("compression_threshold", "messages are never compressed"),
            Map.entry("syslogmsgfmt", "log lines always have the documented format"),
            Map.entry("coredumps", "the JVM does not produce core dumps this way"),
            Map.entry("coreroot", "the JVM does not produce core dumps this way"),
            Map.entry("use_apphbd", "apphbd is not supported"),
            Map.entry("quorum_server", "quorum servers are not supported"));

    private final Map<String, DirectiveHandler> handlers = new HashMap<>();

    HaCfDirectives() {
        handlers.put("node", HaCfDirectives::node);
        handlers.put("nodeaddr", HaCfDirectives::nodeaddr);
        handlers.put("bcast", MediaDirectives::bcast);
        handlers.put("udp", MediaDirectives::udp);
        handlers.put("mcast", MediaDirectives::mcast);
        handlers.put("ucast", MediaDirectives::ucast);
        handlers.put("mcast6", MediaDirectives::notSupported);
        handlers.put("ucast6", MediaDirectives::notSupported);
        handlers.put("udpport", MediaDirectives::udpport);
        handlers.put("keepalive", (line, draft) -> draft.keepalive = time(line, draft));
        handlers.put("deadtime", (line, draft) -> draft.deadtime = time(line, draft));
        handlers.put("warntime", (line, draft) -> draft.warntime = time(line, draft));
        handlers.put("initdead", (line, draft) -> draft.initdead = time(line, draft));
        handlers.put("deadping", (line, draft) -> draft.deadping = time(line, draft));
        handlers.put("conn_logd_time", (line, draft) -> draft.connLogdTime = time(line, draft));
        handlers.put("crm", HaCfDirectives::crm);
        handlers.put("pacemaker", HaCfDirectives::crm);
        handlers.put("auto_failback", HaCfDirectives::autoFailback);
        handlers.put("autojoin", (line, draft) -> draft.autojoin = word(line, draft, Autojoin.class));
        handlers.put("uuidfrom", (line, draft) -> draft.uuidFrom = word(line, draft, UuidSource.class));
        handlers.put("msgfmt", (line, draft) -> draft.messageFormat = word(line, draft, MessageFormat.class));
        handlers.put("use_logd", (line, draft) -> draft.useLogd = bool(line, draft));
        handlers.put("realtime", (line, draft) -> draft.realtime = bool(line, draft));
        handlers.put("log_badpack", (line, draft) -> draft.logBadPackets = bool(line, draft));
        handlers.put("traditional_compression", (line, draft) -> draft.traditionalCompression = bool(line, draft));
        handlers.put("debug", (line, draft) -> draft.debug = integer(line, draft, 0, 255));
        handlers.put("hopfudge", (line, draft) -> draft.hopfudge = integer(line, draft, 0, 255));
        handlers.put("max_rexmit_delay", (line, draft) -> draft.maxRexmitDelayMillis =
                integer(line, draft, 1, 3_600_000));
        handlers.put("cluster", (line, draft) -> draft.cluster = text(line, draft));
        handlers.put("logfile", (line, draft) -> text(line, draft));
        handlers.put("debugfile", (line, draft) -> text(line, draft));
        handlers.put("logfacility", HaCfDirectives::logfacility);
        handlers.put("compression", HaCfDirectives::compression);
        handlers.put("ping", HaCfDirectives::ping);
        handlers.put("ping_group", HaCfDirectives::pingGroup);
        handlers.put("respawn", HaCfDirectives::respawn);
        handlers.put("apiauth", HaCfDirectives::apiauth);
        handlers.put("env", HaCfDirectives::env);
        IGNORED.forEach((name, reason) -> handlers.put(name, (line, draft) -> draft.warnings.add(
                line.warning("is accepted for compatibility with Heartbeat but ignored: " + reason))));
    }

    void apply(ConfigLine line, HaCfDraft draft) throws ConfigException {
        DirectiveHandler handler = handlers.get(line.directive());
        if (handler == null) {
            throw line.error("unknown directive",
                    "Check the spelling (directive names are case-sensitive) or see docs/configuration.md");
        }
        handler.apply(line, draft);
    }

    private static String text(ConfigLine line, HaCfDraft draft) throws ConfigException {
        String value = ConfigValues.single(line, draft.warnings);
        draft.remember(line, value);
        return value;
    }

    private static TimeValue time(ConfigLine line, HaCfDraft draft) throws ConfigException {
        return ConfigValues.time(line, text(line, draft));
    }

    private static boolean bool(ConfigLine line, HaCfDraft draft) throws ConfigException {
        return ConfigValues.bool(line, text(line, draft));
    }

    private static int integer(ConfigLine line, HaCfDraft draft, int min, int max) throws ConfigException {
        return ConfigValues.integer(line, text(line, draft), min, max, "value");
    }

    private static <E extends Enum<E>> E word(ConfigLine line, HaCfDraft draft, Class<E> type)
            throws ConfigException {
        return ConfigValues.word(line, text(line, draft), type);
    }

    private static void node(ConfigLine line, HaCfDraft draft) throws ConfigException {
        ConfigValues.requireCount(line, 1, Integer.MAX_VALUE, "node NAME [NAME...]");
        for (String name : line.values()) {
            String node = name.toLowerCase(Locale.ROOT);
            if (draft.nodes.contains(node)) {
                draft.warnings.add(line.warning("node " + node + " is listed more than once"));
            } else {
                draft.nodes.add(node);
            }
        }
    }

    private static void nodeaddr(ConfigLine line, HaCfDraft draft) throws ConfigException {
        ConfigValues.requireCount(line, 2, Integer.MAX_VALUE, "nodeaddr NODE ADDRESS [ADDRESS...]");
        String node = line.values().get(0).toLowerCase(Locale.ROOT);
        List<Inet4Address> addresses = draft.nodeAddresses.computeIfAbsent(node, name -> new ArrayList<>());
        for (String text : line.values().subList(1, line.values().size())) {
            Inet4Address address = ConfigValues.ipv4(line, text, "address");
            for (var entry : draft.nodeAddresses.entrySet()) {
                if (!entry.getKey().equals(node) && entry.getValue().contains(address)) {
                    throw line.error("address " + text + " is already given to node " + entry.getKey(),
                            "Every node needs its own addresses; fix one of the nodeaddr lines");
                }
            }
            if (!addresses.contains(address)) {
                addresses.add(address);
            }
        }
        draft.nodeAddressLines.put(node, line);
    }

    private static void crm(ConfigLine line, HaCfDraft draft) throws ConfigException {
        draft.crm = booleanOr(line, text(line, draft), "respawn", CrmMode.RESPAWN, CrmMode.ON, CrmMode.OFF,
                "is not supported");
    }

    private static void autoFailback(ConfigLine line, HaCfDraft draft) throws ConfigException {
        draft.autoFailback = booleanOr(line, text(line, draft), "legacy", AutoFailback.LEGACY, AutoFailback.ON,
                AutoFailback.OFF, "is not a valid value");
    }

    /** A boolean word, or one more word of the directive's own (crm respawn, auto_failback legacy). */
    private static <T> T booleanOr(ConfigLine line, String value, String word, T forWord, T on, T off,
                                   String problem) throws ConfigException {
        if (value.equalsIgnoreCase(word)) {
            return forWord;
        }
        try {
            return ConfigValues.bool(line, value) ? on : off;
        } catch (ConfigException notBoolean) {
            throw line.error("'" + value + "' " + problem, "Use on, off or " + word
                    + " (or another boolean word: yes, no, true, false, y, n, 1, 0)");
        }
    }

    private static void logfacility(ConfigLine line, HaCfDraft draft) throws ConfigException {
        String value = text(line, draft);
        if (!value.equals("none") && !SyslogFacilities.isKnown(value)) {
            throw line.error("'" + value + "' is not a syslog facility",
                    "Use none or one of: " + String.join(", ", SyslogFacilities.NAMES));
        }
    }

    private static void compression(ConfigLine line, HaCfDraft draft) throws ConfigException {
        String value = text(line, draft);
        if (!value.equals("zlib") && !value.equals("bz2")) {
            throw line.error("'" + value + "' is not a compression method", "Use zlib or bz2, or remove the line");
        }
        draft.compression = value;
        draft.warnings.add(line.warning("'" + value + "' is recorded but not used: jheartbeat sends every message"
                + " uncompressed"));
    }

    private static void ping(ConfigLine line, HaCfDraft draft) throws ConfigException {
        ConfigValues.requireCount(line, 1, Integer.MAX_VALUE, "ping ADDRESS [ADDRESS...]");
        for (String text : line.values()) {
            draft.pingNodes.add(ConfigValues.ipv4(line, text, "ping node"));
        }
    }

    private static void pingGroup(ConfigLine line, HaCfDraft draft) throws ConfigException {
        ConfigValues.requireCount(line, 2, Integer.MAX_VALUE, "ping_group NAME ADDRESS [ADDRESS...]");
        List<Inet4Address> addresses = new ArrayList<>();
        for (String text : line.values().subList(1, line.values().size())) {
            addresses.add(ConfigValues.ipv4(line, text, "ping node"));
        }
        draft.pingGroups.add(new PingGroup(line.values().get(0), addresses));
    }

    private static void respawn(ConfigLine line, HaCfDraft draft) throws ConfigException {
        ConfigValues.requireCount(line, 2, Integer.MAX_VALUE, "respawn USER /ABSOLUTE/PATH [ARGUMENTS...]");
        String path = line.values().get(1);
        if (!path.startsWith("/")) {
            throw line.error("program path '" + path + "' is not absolute", "Write the full path, starting with /");
        }
        draft.respawns.add(new Respawn(line.values().get(0), path, line.values().subList(2, line.values().size())));
    }

    /** ha.cf splits on commas too, so {@code uid=a,b} arrives as the tokens {@code uid=a} and {@code b}. */
    private static void apiauth(ConfigLine line, HaCfDraft draft) throws ConfigException {
        ConfigValues.requireCount(line, 2, Integer.MAX_VALUE, "apiauth GROUP [uid=USER,...] [gid=GROUP,...]");
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> current = null;
        for (String token : line.values().subList(1, line.values().size())) {
            String name = token;
            if (token.startsWith("uid=")) {
                current = users;
                name = token.substring(4);
            } else if (token.startsWith("gid=")) {
                current = groups;
                name = token.substring(4);
            } else if (current == null) {
                throw line.error("'" + token + "' is neither uid=... nor gid=...",
                        "Write it as 'apiauth GROUP uid=USER,... gid=GROUP,...'");
            }
            if (!name.isEmpty()) {
                current.add(name);
            }
        }
        if (users.isEmpty() && groups.isEmpty()) {
            throw line.error("no user or group is allowed", "Add uid=USER,... or gid=GROUP,...");
        }
        draft.apiAuths.add(new ApiAuth(line.values().get(0), users, groups));
    }

    private static void env(ConfigLine line, HaCfDraft draft) throws ConfigException {
        ConfigValues.requireCount(line, 1, 1, "env NAME=VALUE");
        String assignment = line.values().get(0);
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw line.error("'" + assignment + "' is not NAME=VALUE", "Write it as 'env NAME=VALUE'");
        }
        draft.environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
    }
}
