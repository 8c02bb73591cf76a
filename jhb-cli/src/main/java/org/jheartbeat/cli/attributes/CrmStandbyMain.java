package org.jheartbeat.cli.attributes;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cli.LocationOptions;
import org.jheartbeat.cli.PacemakerCommandLine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm_standby}: shows or sets a node's standby state, the node attribute {@code standby}
 * (forever: in the node's entry; with -l reboot: until the node restarts). A node in standby
 * runs no resources; the cluster moves them away.
 */
@Command(name = "crm_standby", usageHelpAutoWidth = true,
        description = "Show or set a node's standby state (a node in standby runs no resources).",
        footer = {"", "Works on the running cluster's CIB, or on the file CIB_file names.",
                "Exit status: 0 done, 64 bad command line, 102 heartbeat unreachable, 105 no such node."})
public final class CrmStandbyMain implements Callable<Integer> {

    private static final String STANDBY = "standby";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LocationOptions locations;

    @Option(names = {"-G", "--query"}, description = "Show the node's standby state (the default).")
    boolean query;

    @Option(names = {"-v", "--update"}, paramLabel = "on|off", description = "Put the node in standby (on) or take it out (off).")
    String value;

    @Option(names = {"-D", "--delete"}, description = "Remove the setting (the node is then not in standby).")
    boolean delete;

    @Option(names = {"-N", "--node"}, paramLabel = "NODE", description = "The node (default: this one).")
    String node;

    @Option(names = {"-l", "--lifetime"}, paramLabel = "LIFETIME",
            description = "forever (default) or reboot (until the node restarts).")
    String lifetime;

    @Option(names = {"-q", "--quiet"}, description = "Show only the value.")
    boolean quiet;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final Map<String, String> environment;

    public CrmStandbyMain() {
        this(System.getenv());
    }

    CrmStandbyMain(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new CrmStandbyMain()).execute(args));
    }

    static CommandLine commandLine(CrmStandbyMain main) {
        return PacemakerCommandLine.of(main, "crm_standby");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AttributeTool tool = new AttributeTool(environment, locations);
        return AttributeTool.run("crm_standby", "Error performing operation: ", err, () -> {
            if ((value != null ? 1 : 0) + (query ? 1 : 0) + (delete ? 1 : 0) > 1) {
                throw new IllegalArgumentException("give one of -G, -v and -D");
            }
            if (value != null && !value.matches("(?i)on|off|true|false|yes|no|1|0")) {
                throw new IllegalArgumentException("-v takes on or off, not '" + value + "'");
            }
            AttributeScope scope = lifetime == null ? AttributeScope.NODES : AttributeScope.parse(lifetime);
            if (scope == AttributeScope.CRM_CONFIG) {
                throw new IllegalArgumentException("-l takes forever or reboot, not '" + lifetime + "'");
            }
            String where = tool.node(node);
            NodeAttributes attributes = tool.attributes();
            if (!attributes.knows(where)) {
                err.println("crm_standby: Could not map name=" + where + " to a node: see crm_node -l for the cluster's nodes");
                return 105;
            }
            if (value != null) {
                attributes.set(scope, where, STANDBY, value);
            } else if (delete) {
                attributes.delete(scope, where, STANDBY);
            } else {
                show(attributes, where, out);
            }
            return 0;
        });
    }

    /** The setting of the lifetime asked, else the one that counts (until reboot first), else off. */
    private void show(NodeAttributes attributes, String where, PrintWriter out) throws CibRequestException {
        AttributeScope[] scopes = lifetime != null ? new AttributeScope[] {AttributeScope.parse(lifetime)}
                : new AttributeScope[] {AttributeScope.STATUS, AttributeScope.NODES};
        for (AttributeScope scope : scopes) {
            Optional<String> current = attributes.get(scope, where, STANDBY);
            if (current.isPresent()) {
                out.println(quiet ? current.get() : "scope=" + scope.word() + "  name=" + STANDBY + " value=" + current.get());
                return;
            }
        }
        out.println(quiet ? "off" : "scope=" + AttributeScope.STATUS.word() + "  name=" + STANDBY + " value=off");
    }
}
