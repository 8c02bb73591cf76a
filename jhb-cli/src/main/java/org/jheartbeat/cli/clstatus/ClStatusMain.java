package org.jheartbeat.cli.clstatus;

import java.util.concurrent.Callable;
import org.jheartbeat.cli.LocationOptions;
import org.jheartbeat.cli.ToolLog;
import org.jheartbeat.client.ipc.IpcClient;
import org.jheartbeat.client.ipc.IpcException;
import org.jheartbeat.client.status.HeartbeatView;
import org.jheartbeat.common.time.Clock;
import org.jheartbeat.common.time.SystemClock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cl_status}: Heartbeat's status tool, with the same sub-commands, output and exit
 * statuses, answered from one {@code status} request to the local daemon.
 */
@Command(name = "cl_status", usageHelpAutoWidth = true,
        description = "Show the state of the local heartbeat daemon and of the cluster it sees.",
        subcommands = {HbStatusCommand.class, ListNodesCommand.class, NodeStatusCommand.class, NodeTypeCommand.class,
                NodeWeightCommand.class, ListHbLinksCommand.class, HbLinkStatusCommand.class, ClientStatusCommand.class,
                RscStatusCommand.class, HbParameterCommand.class},
        footer = {"", "Exit status: 0 yes/answered, 1 no (stopped, dead, offline) or heartbeat unreachable,",
                "11 bad command line or unknown node, 13 link or client query failed."})
public final class ClStatusMain implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LocationOptions locations;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final Clock clock;
    private ToolLog log;

    public ClStatusMain() {
        this(SystemClock.INSTANCE);
    }

    public ClStatusMain(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** A ready command line (error handling included); set out/err on it, then execute. */
    public static CommandLine commandLine() {
        return commandLine(new ClStatusMain());
    }

    public static CommandLine commandLine(ClStatusMain main) {
        CommandLine commandLine = new CommandLine(main);
        commandLine.setParameterExceptionHandler(new ClStatusParameterErrors(main));
        return commandLine;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** The status view, or why there is none; a daemon whose communications are not up counts as stopped. */
    HeartbeatView fetchStatus(LocationOptions subCommandLocations) throws IpcException {
        IpcClient client = new IpcClient(subCommandLocations.resolve(locations).socket(), IpcClient.DEFAULT_TIMEOUT, clock);
        HeartbeatView view = client.status();
        if (!view.commUp()) {
            throw new IpcException(IpcException.Kind.NOT_RUNNING,
                    "heartbeat is starting: communications are not up yet (no peer heard and initdead not expired)");
        }
        return view;
    }

    ToolLog log() {
        if (log == null) {
            log = new ToolLog("cl_status", spec.commandLine().getErr(), clock);
        }
        return log;
    }
}
