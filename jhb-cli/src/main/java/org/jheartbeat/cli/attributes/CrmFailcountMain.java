package org.jheartbeat.cli.attributes;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cli.ControllerCleanup;
import org.jheartbeat.cli.LocationOptions;
import org.jheartbeat.cli.PacemakerCommandLine;
import org.jheartbeat.client.ipc.IpcException;
import org.jheartbeat.policy.Score;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm_failcount}: how often a resource failed on a node (the sum of its
 * {@code fail-count-RSC#OP_INTERVAL} attributes, which the cluster raises at each failure), or
 * the failures forgotten (-D: the resource is cleaned up on the node and probed again).
 */
@Command(name = "crm_failcount", usageHelpAutoWidth = true,
        description = "Show or reset a resource's failcount on a node.",
        footer = {"", "Works on the running cluster's CIB, or on the file CIB_file names.",
                "Exit status: 0 done, 64 bad command line, 102 heartbeat unreachable, 105 no such node."})
public final class CrmFailcountMain implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LocationOptions locations;

    @Option(names = {"-G", "--query"}, description = "Show the failcount (the default).")
    boolean query;

    @Option(names = {"-D", "--delete"}, description = "Reset the failcount: the failures are forgotten and the resource probed again.")
    boolean delete;

    @Option(names = {"-r", "--resource"}, paramLabel = "RSC", required = true, description = "The resource.")
    String resource;

    @Option(names = {"-N", "--node"}, paramLabel = "NODE", description = "The node (default: this one).")
    String node;

    @Option(names = {"-q", "--quiet"}, description = "Show only the value.")
    boolean quiet;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final Map<String, String> environment;

    public CrmFailcountMain() {
        this(System.getenv());
    }

    CrmFailcountMain(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new CrmFailcountMain()).execute(args));
    }

    static CommandLine commandLine(CrmFailcountMain main) {
        return PacemakerCommandLine.of(main, "crm_failcount");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AttributeTool tool = new AttributeTool(environment, locations);
        return AttributeTool.run("crm_failcount", "Error performing operation: ", err, () -> {
            if (query && delete) {
                throw new IllegalArgumentException("give -G or -D, not both");
            }
            String where = tool.node(node);
            NodeAttributes attributes = tool.attributes();
            if (!attributes.knows(where)) {
                err.println("crm_failcount: Could not map name=" + where + " to a node: see crm_node -l for the cluster's nodes");
                return 105;
            }
            Map<String, String> transients = attributes.transientAttributes(where);
            if (delete) {
                return reset(tool, attributes, where, transients, err);
            }
            int count = 0;
            for (Map.Entry<String, String> e : transients.entrySet()) {
                if (e.getKey().startsWith("fail-count-" + resource + "#")) {
                    count = Score.add(count, Score.parse(e.getValue()));
                }
            }
            String value = Score.format(count);
            out.println(quiet ? value : "scope=status  name=fail-count-" + resource + " value=" + value);
            return 0;
        });
    }

    /** On a running cluster a cleanup by the controller; in a saved CIB the attributes go. */
    private int reset(AttributeTool tool, NodeAttributes attributes, String where, Map<String, String> transients,
            PrintWriter err) throws CibRequestException {
        String file = environment.get("CIB_file");
        if (file != null && !file.isEmpty()) {
            for (String name : transients.keySet()) {
                if (name.startsWith("fail-count-" + resource + "#") || name.startsWith("last-failure-" + resource + "#")) {
                    attributes.delete(AttributeScope.STATUS, where, name);
                }
            }
            return 0;
        }
        try {
            ControllerCleanup.request(tool.locations(), resource, where);
            return 0;
        } catch (IpcException e) {
            err.println("crm_failcount: cannot reset the failcount of " + resource + " on " + where + ": " + e.getMessage());
            return 1;
        }
    }
}
