package org.jheartbeat.cli.attributes;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jheartbeat.cli.LocationOptions;
import org.jheartbeat.cli.PacemakerCommandLine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm_attribute}: set, show or remove a node attribute or cluster option, and (with
 * {@code --promotion}) the promotion score an agent gives its resource on this node. Agents
 * started by our LRM find this tool first in their PATH, so what they set reaches the CIB.
 */
@Command(name = "crm_attribute", usageHelpAutoWidth = true,
        description = "Set, show or delete a node attribute, a cluster option or a promotion score.",
        footer = {"", "Without -N and -l/-t the attribute is a cluster option (crm_config); with -N it is the node's"
                + " (forever) unless -l reboot. Works on CIB_file when that variable is set.",
                "Exit status: 0 done, 64 bad command line, 102 heartbeat unreachable, 105 no such attribute."})
public final class CrmAttributeMain implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LocationOptions locations;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "The attribute's name.")
    String name;

    @Option(names = {"-v", "--update"}, paramLabel = "VALUE", description = "Set the attribute to VALUE.")
    String value;

    @Option(names = {"-G", "--query"}, description = "Show the attribute (the default).")
    boolean query;

    @Option(names = {"-D", "--delete"}, description = "Delete the attribute.")
    boolean delete;

    @Option(names = {"-N", "--node"}, paramLabel = "NODE", description = "The node (default: this one).")
    String node;

    @Option(names = {"-l", "--lifetime"}, paramLabel = "LIFETIME", description = "reboot (until the node restarts) or forever.")
    String lifetime;

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE", description = "status, nodes or crm_config.")
    String type;

    @Option(names = {"-p", "--promotion"}, arity = "0..1", fallbackValue = "", paramLabel = "RSC",
            description = "The promotion score of RSC (default: the agent's OCF_RESOURCE_INSTANCE) on this node.")
    String promotion;

    @Option(names = {"-q", "--quiet"}, description = "Show only the value.")
    boolean quiet;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final Map<String, String> environment;

    public CrmAttributeMain() {
        this(System.getenv());
    }

    CrmAttributeMain(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new CrmAttributeMain()).execute(args));
    }

    static CommandLine commandLine(CrmAttributeMain main) {
        return PacemakerCommandLine.of(main, "crm_attribute");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AttributeTool tool = new AttributeTool(environment, locations);
        return AttributeTool.run("crm_attribute", "Error performing operation: ", err, () -> {
            if ((value != null ? 1 : 0) + (query ? 1 : 0) + (delete ? 1 : 0) > 1) {
                throw new IllegalArgumentException("give one of -v, -G and -D");
            }
            AttributeScope scope = scope();
            String attribute = promotion != null ? "master-" + tool.resource(promotion) : name;
            if (attribute == null) {
                throw new IllegalArgumentException("give the attribute's name with -n (or --promotion)");
            }
            String where = scope == AttributeScope.CRM_CONFIG ? null : tool.node(node);
            NodeAttributes attributes = tool.attributes();
            if (value != null) {
                attributes.set(scope, where, attribute, value);
            } else if (delete) {
                attributes.delete(scope, where, attribute);
            } else {
                Optional<String> current = attributes.get(scope, where, attribute);
                if (current.isEmpty()) {
                    err.println("crm_attribute: Error performing operation: No such device or address");
                    return 105;
                }
                out.println(quiet ? current.get() : "scope=" + scope.word() + "  name=" + attribute + " value=" + current.get());
            }
            return 0;
        });
    }

    /** -l/-t as given; a promotion score lives until the node restarts; else a node's or the cluster's. */
    private AttributeScope scope() {
        if (lifetime != null && type != null && AttributeScope.parse(lifetime) != AttributeScope.parse(type)) {
            throw new IllegalArgumentException("-l " + lifetime + " and -t " + type + " disagree");
        }
        if (lifetime != null || type != null) {
            return AttributeScope.parse(lifetime != null ? lifetime : type);
        }
        if (promotion != null) {
            return AttributeScope.STATUS;
        }
        return node != null ? AttributeScope.NODES : AttributeScope.CRM_CONFIG;
    }
}
