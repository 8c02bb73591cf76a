package org.jheartbeat.messaging.config;

import java.net.Inet4Address;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the ha.cf directives collected so far, before defaults and cross-checks. */
final class HaCfDraft {

    static final int DEFAULT_UDPPORT = 694;

    final Path file;
    final List<String> warnings = new ArrayList<>();
    /** Single-value directives: value as written, and the line that set it. */
    final Map<String, String> written = new HashMap<>();
    final Map<String, ConfigLine> writtenAt = new HashMap<>();

    final List<String> nodes = new ArrayList<>();
    final Map<String, List<Inet4Address>> nodeAddresses = new LinkedHashMap<>();
    final Map<String, ConfigLine> nodeAddressLines = new HashMap<>();
    final List<Medium> media = new ArrayList<>();
    /** The line of every medium, parallel to {@link #media}. */
    final List<ConfigLine> mediaLines = new ArrayList<>();
    final List<Inet4Address> pingNodes = new ArrayList<>();
    final List<PingGroup> pingGroups = new ArrayList<>();
    final List<Respawn> respawns = new ArrayList<>();
    final List<ApiAuth> apiAuths = new ArrayList<>();
    final Map<String, String> environment = new HashMap<>();

    TimeValue keepalive;
    TimeValue deadtime;
    TimeValue warntime;
    TimeValue initdead;
    TimeValue deadping;
    TimeValue connLogdTime;
    Boolean useLogd;
    CrmMode crm = CrmMode.OFF;
    AutoFailback autoFailback;
    Autojoin autojoin = Autojoin.NONE;
    int hopfudge = 1;
    boolean realtime = true;
    int debug;
    String compression;
    boolean traditionalCompression;
    UuidSource uuidFrom = UuidSource.FILE;
    MessageFormat messageFormat = MessageFormat.CLASSIC;
    String cluster = "linux-ha";
    boolean logBadPackets = true;
    int maxRexmitDelayMillis = 250;
    int udpport = DEFAULT_UDPPORT;

    HaCfDraft(Path file) {
        this.file = file;
    }

    /** Records the written value of a single-value directive (last one wins). */
    void remember(ConfigLine line, String value) {
        written.put(line.directive(), value);
        writtenAt.put(line.directive(), line);
    }

    void addMedium(ConfigLine line, Medium medium) {
        media.add(medium);
        mediaLines.add(line);
    }
}
