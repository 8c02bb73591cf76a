package org.jheartbeat.cli.clstatus;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jheartbeat.cli.LocationOptions;
import org.jheartbeat.client.ipc.IpcException;
import org.jheartbeat.client.status.HeartbeatView;
import org.jheartbeat.client.status.NodeView;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** A cl_status sub-command: fetches the daemon's status view once and prints from it. */
abstract class ClStatusCommand implements Callable<Integer> {

    @ParentCommand
    ClStatusMain main;

    @Spec
    CommandSpec spec;

    @Mixin
    LocationOptions locations;

    // Heartbeat's cl_status ignores surplus arguments; scripts may rely on that.
    @Unmatched
    List<String> ignored;

    @Override
    public final Integer call() {
        HeartbeatView view;
        try {
            view = main.fetchStatus(locations);
        } catch (IpcException e) {
            return unreachable(e);
        }
        Optional<String> option = ignored == null ? Optional.empty()
                : ignored.stream().filter(argument -> argument.startsWith("-")).findFirst();
        if (option.isPresent()) {
            // Like Heartbeat, options are checked only once the daemon answered.
            err().println(spec.name() + ": invalid option -- '" + option.get().substring(1) + "'");
            err().flush();
            return ExitCodes.USAGE;
        }
        return answer(view, out());
    }

    /** Prints the answer from the view and returns the exit status. */
    abstract int answer(HeartbeatView view, PrintWriter out);

    /** Heartbeat's report of a failed sign-on, with our reason. */
    int unreachable(IpcException e) {
        main.log().error("Cannot signon with heartbeat");
        main.log().error("REASON: " + e.getMessage());
        return ExitCodes.NO;
    }

    /** What Heartbeat prints (on stderr) when a required argument is missing. */
    void reportMissingParameters() {
        err().println("No enough parameter.");
        err().flush();
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    static Optional<NodeView> node(HeartbeatView view, String name) {
        return view.nodes().stream().filter(node -> node.name().equals(name)).findFirst();
    }

    static String knownNodes(HeartbeatView view) {
        return String.join(", ", view.nodes().stream().map(NodeView::name).toList());
    }
}
