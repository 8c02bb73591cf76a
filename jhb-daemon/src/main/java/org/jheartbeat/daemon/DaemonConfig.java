package org.jheartbeat.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jheartbeat.common.config.ConfigException;
import org.jheartbeat.daemon.haresources.HaResourcesCib;
import org.jheartbeat.daemon.haresources.HaResourcesParser;
import org.jheartbeat.daemon.haresources.HaResourcesPlan;
import org.jheartbeat.lrm.agent.HeartbeatClass;
import org.jheartbeat.lrm.agent.LsbClass;
import org.jheartbeat.messaging.config.AuthkeysParser;
import org.jheartbeat.messaging.config.CrmMode;
import org.jheartbeat.messaging.config.HaCfParser;
import org.jheartbeat.messaging.config.HaConfig;
import org.jheartbeat.messaging.config.LogdCfParser;
import org.jheartbeat.messaging.config.LogdConfig;
import org.jheartbeat.messaging.config.ParsedAuthkeys;

/**
 * Everything the daemon reads from its configuration directory: ha.cf, authkeys, when use_logd
 * is on, logd.cf (looked for beside ha.cf, then in /etc as ha_logd does), and with {@code crm
 * off} haresources, turned into the CIB configuration it stands for. Read once at start and
 * again on reload; a bad file stops the start (exit 6) or keeps the old configuration on reload.
 *
 * @param haresources the plan from haresources; null with {@code crm on} or without the file
 */
public record DaemonConfig(HaConfig haCf, ParsedAuthkeys authkeys, LogdConfig logd, HaResourcesPlan haresources,
                           List<String> warnings) {

    static final Path SYSTEM_LOGD_CF = Path.of("/etc/logd.cf");
    static final String HARESOURCES = "haresources";

    public static DaemonConfig load(Path configDir, String localNode, boolean checkAuthkeysMode)
            throws ConfigException {
        HaConfig haCf = new HaCfParser().parse(configDir.resolve("ha.cf"), localNode);
        ParsedAuthkeys authkeys = new AuthkeysParser(checkAuthkeysMode).parse(configDir.resolve("authkeys"));
        LogdConfig logd = null;
        if (haCf.logging().useLogd()) {
            Path logdCf = configDir.resolve("logd.cf");
            if (!Files.exists(logdCf) && Files.exists(SYSTEM_LOGD_CF)) {
                logdCf = SYSTEM_LOGD_CF;
            }
            logd = Files.exists(logdCf) ? new LogdCfParser().parse(logdCf) : LogdConfig.defaults();
        }
        Path haresourcesFile = configDir.resolve(HARESOURCES);
        HaResourcesPlan haresources = null;
        if (haCf.crm() == CrmMode.OFF && Files.exists(haresourcesFile)) {
            haresources = HaResourcesCib.translate(haresourcesFile, HaResourcesParser.parse(haresourcesFile), haCf,
                    HeartbeatClass.directory(System.getenv()), LsbClass.DIRECTORY);
        }
        List<String> warnings = new ArrayList<>(haCf.warnings());
        warnings.addAll(authkeys.warnings());
        return new DaemonConfig(haCf, authkeys, logd, haresources, warnings);
    }

    /** Whether only haresources differs, which the messaging layer does not use. */
    boolean sameButHaresources(DaemonConfig other) {
        return haCf.equals(other.haCf) && authkeys.equals(other.authkeys) && Objects.equals(logd, other.logd)
                && warnings.equals(other.warnings);
    }
}
