package org.jheartbeat.messaging.config;

import org.jheartbeat.common.config.ConfigException;

/** Fills in ha.cf's defaults and derived timers, then checks what needs the whole file. */
final class HaCfValidator {

    private static final long DEFAULT_KEEPALIVE_MS = 1_000;
    private static final long DEFAULT_DEADTIME_MS = 30_000;
    private static final long DEFAULT_CONN_LOGD_TIME_MS = 60_000;
    private static final long SHORT_DEADTIME_MS = 10_000;
    private static final long MIN_INITDEAD_FOR_SHORT_DEADTIME_MS = 12_000;
    private static final long INITDEAD_WARNING_MS = 10_000;

    private final HaCfDraft draft;
    private final String localNode;

    HaCfValidator(HaCfDraft draft, String localNode) {
        this.draft = draft;
        this.localNode = localNode;
    }

    HaConfig validate() throws ConfigException {
        checkMedia();
        checkNodes();
        Timing timing = timing();
        LogDestinations logging = logging();
        AutoFailback autoFailback = autoFailback();
        return new HaConfig(draft.file, draft.nodes, draft.nodeAddresses, draft.media, timing, logging, draft.crm,
                autoFailback, draft.autojoin, draft.pingNodes, draft.pingGroups, draft.respawns, draft.apiAuths,
                draft.environment, draft.hopfudge, draft.realtime, draft.debug, draft.compression,
                draft.traditionalCompression, draft.uuidFrom, draft.messageFormat, draft.cluster,
                draft.logBadPackets, draft.maxRexmitDelayMillis, draft.udpport, draft.written, draft.warnings);
    }

    private void checkMedia() throws ConfigException {
        if (draft.media.isEmpty()) {
            throw new ConfigException(draft.file, 0, null, "No heartbeat media defined",
                    "Add at least one medium line, e.g. 'ucast eth0 10.0.0.2' (one per peer), 'bcast eth0'"
                            + " or 'mcast eth0 239.192.0.1 694 1 0'");
        }
    }

    private void checkNodes() throws ConfigException {
        boolean closedMembership = draft.autojoin == Autojoin.NONE;
        if (closedMembership && draft.nodes.isEmpty()) {
            throw new ConfigException(draft.file, 0, "node", "no nodes defined",
                    "Add 'node NAME ...' naming every cluster member, including this one (" + localNode
                            + "), or set 'autojoin other' or 'autojoin any'");
        }
        if (closedMembership && !draft.nodes.contains(localNode)) {
            throw new ConfigException(draft.file, 0, "node", "this node (" + localNode
                    + ") is not in the node list " + draft.nodes,
                    "Add 'node " + localNode + "' (node names must match uname -n)");
        }
        for (var entry : draft.nodeAddressLines.entrySet()) {
            if (closedMembership && !draft.nodes.contains(entry.getKey())) {
                throw entry.getValue().error("node " + entry.getKey() + " is not in the node list " + draft.nodes,
                        "Add 'node " + entry.getKey() + "' or correct the node name");
            }
        }
    }

    private Timing timing() throws ConfigException {
        TimeValue keepalive = orDefault(draft.keepalive, DEFAULT_KEEPALIVE_MS);
        TimeValue deadtime = orDefault(draft.deadtime, DEFAULT_DEADTIME_MS);
        if (deadtime.millis() <= 2 * keepalive.millis()) {
            throw error(draft.deadtime != null ? "deadtime" : "keepalive", "deadtime " + deadtime.millis()
                    + "ms is too small compared to keepalive " + keepalive.millis()
                    + "ms: it must be more than twice keepalive",
                    "Raise deadtime above " + 2 * keepalive.millis() + "ms or lower keepalive");
        }
        TimeValue warntime = draft.warntime != null ? draft.warntime : TimeValue.computed(deadtime.millis() / 2);
        TimeValue deadping = draft.deadping != null ? draft.deadping : TimeValue.computed(deadtime.millis());
        TimeValue initdead = draft.initdead != null ? draft.initdead : TimeValue.computed(derivedInitdead(deadtime));
        if (initdead.millis() < deadtime.millis()) {
            throw error("initdead", "initdead " + initdead.millis() + "ms is smaller than deadtime "
                    + deadtime.millis() + "ms", "Set initdead to at least deadtime (" + deadtime.asParameter() + ")");
        }
        if (initdead.millis() < INITDEAD_WARNING_MS) {
            draft.warnings.add(draft.writtenAt.get("initdead").warning("initdead " + initdead.millis()
                    + "ms may be too small: nodes that boot more slowly will be declared dead."
                    + " Consider at least 10 seconds"));
        }
        return new Timing(keepalive, deadtime, warntime, initdead, deadping);
    }

    /** Heartbeat's rule, measured: short deadtimes get a longer start-up grace period. */
    private static long derivedInitdead(TimeValue deadtime) {
        return deadtime.millis() <= SHORT_DEADTIME_MS
                ? Math.max(2 * deadtime.millis(), MIN_INITDEAD_FOR_SHORT_DEADTIME_MS)
                : deadtime.millis();
    }

    private static TimeValue orDefault(TimeValue given, long defaultMillis) {
        return given != null ? given : TimeValue.computed(defaultMillis);
    }

    private ConfigException error(String directive, String problem, String remedy) {
        ConfigLine line = draft.writtenAt.get(directive);
        return line != null ? line.error(problem, remedy)
                : new ConfigException(draft.file, 0, directive, problem, remedy);
    }

    private LogDestinations logging() {
        String logfile = draft.written.get("logfile");
        String debugfile = draft.written.get("debugfile");
        String facility = draft.written.get("logfacility");
        boolean anyDestination = logfile != null || debugfile != null || facility != null;
        boolean useLogd = draft.useLogd != null ? draft.useLogd : !anyDestination;
        if (useLogd && anyDestination) {
            draft.warnings.add(draft.writtenAt.get("use_logd").warning("is on, so logfile, debugfile and"
                    + " logfacility in this file are ignored and logd.cf decides where logs go. Turn use_logd off"
                    + " to use them"));
        }
        TimeValue connLogdTime = orDefault(draft.connLogdTime, DEFAULT_CONN_LOGD_TIME_MS);
        return new LogDestinations(useLogd, logfile, debugfile, "none".equals(facility) ? null : facility,
                connLogdTime);
    }

    private AutoFailback autoFailback() {
        if (draft.autoFailback != null) {
            return draft.autoFailback;
        }
        if (draft.crm == CrmMode.OFF) {
            draft.warnings.add(draft.file + ": 'auto_failback': not set, using Heartbeat's default 'legacy'."
                    + " Set 'auto_failback on' or 'auto_failback off'");
        }
        return AutoFailback.LEGACY;
    }
}
