package org.jheartbeat.cli.clstatus;

import java.io.PrintWriter;
import org.jheartbeat.client.status.HeartbeatView;
import picocli.CommandLine.Command;

@Command(name = "rscstatus", description = "Show which resources this node holds: local, foreign, all, none or transition.")
final class RscStatusCommand extends ClStatusCommand {

    @Override
    int answer(HeartbeatView view, PrintWriter out) {
        out.println(view.rscStatus());
        out.flush();
        return ExitCodes.OK;
    }
}
