package org.jheartbeat.cli.crmnode;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jheartbeat.cli.LocationOptions;
import org.jheartbeat.cli.PacemakerCommandLine;
import org.jheartbeat.client.ipc.IpcClient;
import org.jheartbeat.client.ipc.IpcException;
import org.jheartbeat.client.status.HeartbeatView;
import org.jheartbeat.client.status.NodeView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm_node}: this node's name and id, the configured nodes with their membership, the
 * current partition and whether it has quorum, from the local daemon. Node ids are node names,
 * as in our CIB.
 */
@Command(name = "crm_node", usageHelpAutoWidth = true,
        description = "Show this node's name, the cluster's nodes, the partition and quorum.",
        footer = {"", "Exit status: 0 done (-q: quorum, printed as 1 or 0), 64 bad command line, 102 heartbeat unreachable."})
public final class CrmNodeMain implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LocationOptions locations;

    @Option(names = {"-n", "--name"}, description = "This node's name.")
    boolean name;

    @Option(names = {"-i", "--cluster-id"}, description = "This node's id.")
    boolean id;

    @Option(names = {"-l", "--list"}, description = "Every node: id, name and member or lost.")
    boolean list;

    @Option(names = {"-p", "--partition"}, description = "The members of this node's partition.")
    boolean partition;

    @Option(names = {"-q", "--quorum"}, description = "1 if this partition has quorum, else 0.")
    boolean quorum;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final Map<String, String> environment;

    public CrmNodeMain() {
        this(System.getenv());
    }

    CrmNodeMain(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new CrmNodeMain()).execute(args));
    }

    static CommandLine commandLine(CrmNodeMain main) {
        return PacemakerCommandLine.of(main, "crm_node");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((name ? 1 : 0) + (id ? 1 : 0) + (list ? 1 : 0) + (partition ? 1 : 0) + (quorum ? 1 : 0) != 1) {
            err.println("crm_node: give one of -n, -i, -l, -p, -q. Use --help for usage information.");
            return PacemakerCommandLine.USAGE;
        }
        HeartbeatView view;
        try {
            view = new IpcClient(locations.resolve(environment).socket()).status();
        } catch (IpcException e) {
            err.println("crm_node: Could not connect to heartbeat: " + e.getMessage());
            return 102;
        }
        if (name || id) {
            out.println(view.localNode());
        } else if (list) {
            for (NodeView node : view.nodes()) {
                if ("normal".equals(node.type())) {
                    out.println(node.name() + " " + node.name() + " "
                            + (view.membership().members().contains(node.name()) ? "member" : "lost"));
                }
            }
        } else if (partition) {
            out.println(String.join(" ", view.membership().members()));
        } else {
            out.println(view.membership().quorum() ? "1" : "0");
        }
        return 0;
    }
}
