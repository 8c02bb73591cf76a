package org.jheartbeat.cli.clstatus;

import java.io.PrintWriter;
import org.jheartbeat.client.ipc.IpcException;
import org.jheartbeat.client.status.HeartbeatView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "hbstatus", description = "Say whether heartbeat is running on this machine.")
final class HbStatusCommand extends ClStatusCommand {

    @Option(names = "-v", description = "Also show the version, who manages resources, and every node and link.")
    boolean verbose;

    @Override
    int answer(HeartbeatView view, PrintWriter out) {
        out.println("Heartbeat is running on this machine.");
        if (verbose) {
            out.println("version:\t" + view.version());
            out.println("managed by:\t" + managedBy(view));
            NodeListing.verbose(view.nodes(), out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String managedBy(HeartbeatView view) {
        if ("haresources".equals(view.managedBy())) {
            return "\"haresources\"";
        }
        return "pacemaker\t(" + view.parameters().getOrDefault("crm", view.parameters().getOrDefault("pacemaker", "on")) + ")";
    }

    @Override
    int unreachable(IpcException e) {
        out().println("Heartbeat is stopped on this machine.");
        if (verbose) {
            out().println("(" + e.getMessage() + ")");
        } else {
            main.log().error("REASON: " + e.getMessage());
        }
        out().flush();
        return ExitCodes.NO;
    }
}
