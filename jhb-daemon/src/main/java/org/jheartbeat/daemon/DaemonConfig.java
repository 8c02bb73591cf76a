package org.jheartbeat.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.common.config.ConfigException;
import org.jheartbeat.messaging.config.AuthkeysParser;
import org.jheartbeat.messaging.config.HaCfParser;
import org.jheartbeat.messaging.config.HaConfig;
import org.jheartbeat.messaging.config.LogdCfParser;
import org.jheartbeat.messaging.config.LogdConfig;
import org.jheartbeat.messaging.config.ParsedAuthkeys;

/**
 * Everything the daemon reads from its configuration directory: ha.cf, authkeys and, when
 * use_logd is on, logd.cf (looked for beside ha.cf, then in /etc as ha_logd does). Read once
 * at start and again on reload; a bad file stops the start (exit 6) or keeps the old
 * configuration on reload.
 */
public record DaemonConfig(HaConfig haCf, ParsedAuthkeys authkeys, LogdConfig logd, List<String> warnings) {

    static final Path SYSTEM_LOGD_CF = Path.of("/etc/logd.cf");

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
        List<String> warnings = new ArrayList<>(haCf.warnings());
        warnings.addAll(authkeys.warnings());
        return new DaemonConfig(haCf, authkeys, logd, warnings);
    }
}
