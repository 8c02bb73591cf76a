package org.jheartbeat.cli.clstatus;

import java.io.PrintWriter;
import java.util.TreeSet;
import org.jheartbeat.client.status.HeartbeatView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "hbparameter", description = "Show the value of an ha.cf parameter (as written, or <n>ms when computed).")
final class HbParameterCommand extends ClStatusCommand {

    @Option(names = "-p", paramLabel = "NAME", required = true, description = "Parameter name, e.g. keepalive.")
    String name;

    @Override
    int answer(HeartbeatView view, PrintWriter out) {
        String value = view.parameters().get(name);
        if (value == null) {
            main.log().error("Cannot get parameter " + name + "'s value");
            main.log().error("REASON: heartbeat has no parameter " + name + "; it has: "
                    + String.join(", ", new TreeSet<>(view.parameters().keySet())));
            return ExitCodes.NO;
        }
        out.println(value);
        out.flush();
        return ExitCodes.OK;
    }

    @Override
    void reportMissingParameters() {
        main.log().error("parameter name required");
    }
}
