package org.jheartbeat.lrm.agent;

import java.nio.file.Path;
import java.util.List;
import org.jheartbeat.exec.AgentLauncher;
import org.jheartbeat.exec.AgentOutcome;
import org.jheartbeat.lrm.OcfCodes;
import org.jheartbeat.lrm.ResourceDefinition;

/**
 * Init scripts: {@code /etc/init.d/NAME ACTION}, no parameters; monitor runs {@code status},
 * whose LSB codes mean something else than the other actions'.
 */
public final class LsbClass extends ScriptClass {

    public static final Path DIRECTORY = Path.of("/etc/init.d");

    public LsbClass(Path initDirectory, AgentEnvironment environment, AgentLauncher launcher) {
        super(initDirectory, environment, launcher);
    }

    @Override
    public String standard() {
        return "lsb";
    }

    /** No arguments but the action. */
    @Override
    List<String> arguments(ResourceDefinition resource, String action) {
        return List.of(action);
    }

    @Override
    int statusCode(AgentOutcome run) {
        return statusCode(run.exitCode());
    }

    @Override
    int actionCode(AgentOutcome run) {
        return actionCode(run.exitCode());
    }

    /** LSB status: 0 running; 1, 2, 3 stopped (dead with a pid or lock file, or not running). */
    static int statusCode(int exitCode) {
        switch (exitCode) {
            case 0:
                return OcfCodes.SUCCESS;
            case 1:
            case 2:
            case 3:
                return OcfCodes.NOT_RUNNING;
            case 150:
                return OcfCodes.ERR_INSTALLED;
            case 151:
                return OcfCodes.ERR_PERM;
            default:
                return OcfCodes.ERR_GENERIC;
        }
    }

    /** Other LSB actions share OCF's codes 0–7; anything above is a generic error. */
    static int actionCode(int exitCode) {
        return exitCode >= 0 && exitCode <= OcfCodes.NOT_RUNNING ? exitCode : OcfCodes.ERR_GENERIC;
    }
}
