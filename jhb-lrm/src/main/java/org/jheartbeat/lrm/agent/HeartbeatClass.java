package org.jheartbeat.lrm.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jheartbeat.exec.AgentLauncher;
import org.jheartbeat.exec.AgentOutcome;
import org.jheartbeat.lrm.OcfCodes;
import org.jheartbeat.lrm.ResourceDefinition;

/**
 * Heartbeat-class scripts of {@code /etc/ha.d/resource.d}, as haresources runs them:
 * {@code SCRIPT ARG1 ARG2 ... ACTION}, the arguments being the instance attributes named 1, 2,
 * 3... Whether a resource runs is read from what {@code status} prints, not from its exit code.
 */
public final class HeartbeatClass extends ScriptClass {

    /** Heartbeat's own name for the directory, which it exports to its scripts too. */
    public static final String DIRECTORY_ENV = "HA_RESOURCEDIR";
    public static final Path DEFAULT_DIRECTORY = Path.of("/etc/ha.d/resource.d");

    private static final Pattern NOT_RUNNING = Pattern.compile("not.*running");

    public HeartbeatClass(Path resourceDirectory, AgentEnvironment environment, AgentLauncher launcher) {
        super(resourceDirectory, environment, launcher);
    }

    /**
     * Where the scripts are: {@code HA_RESOURCEDIR} when set (a test's or a packager's own
     * directory), {@code /etc/ha.d/resource.d} otherwise.
     */
    public static Path directory(Map<String, String> environment) {
        String set = environment.get(DIRECTORY_ENV);
        return set == null || set.isBlank() ? DEFAULT_DIRECTORY : Path.of(set);
    }

    @Override
    public String standard() {
        return "heartbeat";
    }

    /** The attributes 1, 2, 3..., then the action. */
    @Override
    List<String> arguments(ResourceDefinition resource, String action) {
        List<String> arguments = new ArrayList<>(positional(resource));
        arguments.add(action);
        return arguments;
    }

    @Override
    int statusCode(AgentOutcome run) {
        return statusFromOutput(run.stdout());
    }

    @Override
    int actionCode(AgentOutcome run) {
        return OcfCodes.normalize(run.exitCode());
    }

    /** The attributes 1, 2, 3... in order; counting stops at the first number missing. */
    static List<String> positional(ResourceDefinition resource) {
        List<String> arguments = new ArrayList<>();
        for (int i = 1; resource.parameters().containsKey(Integer.toString(i)); i++) {
            arguments.add(resource.parameters().get(Integer.toString(i)));
        }
        return arguments;
    }

    /**
     * "stopped" or "not ... running" means stopped; otherwise "running" (any case) or "OK"
     * means running; anything else, or nothing, means stopped.
     */
    static int statusFromOutput(String stdout) {
        String lower = stdout.toLowerCase(Locale.ROOT);
        if (lower.contains("stopped") || NOT_RUNNING.matcher(lower).find()) {
            return OcfCodes.NOT_RUNNING;
        }
        if (lower.contains("running") || stdout.contains("OK")) {
            return OcfCodes.SUCCESS;
        }
        return OcfCodes.NOT_RUNNING;
    }
}
