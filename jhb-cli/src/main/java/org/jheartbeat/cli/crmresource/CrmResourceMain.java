package org.jheartbeat.cli.crmresource;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jheartbeat.cib.verify.AgentName;
import org.jheartbeat.cli.PacemakerCommandLine;
import org.jheartbeat.lrm.catalog.InstalledAgents;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm_resource}, for now the part that asks this host's installed agents: the classes,
 * the OCF providers, the agents of a class and an agent's meta-data, with Pacemaker's output
 * and exit codes.
 */
@Command(name = "crm_resource", usageHelpAutoWidth = true,
        description = "Show the resource agents installed on this host and their meta-data.",
        footer = {"", "Exit status: 0 done, 1 no agents found, 64 bad command line, 105 no such agent or no meta-data."})
public final class CrmResourceMain implements Callable<Integer> {

    static final int NO_SUCH = 105;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--list-standards", description = "List the resource classes (standards) supported.")
    boolean listStandards;

    @Option(names = "--list-ocf-providers", description = "List the OCF providers installed.")
    boolean listOcfProviders;

    @Option(names = "--list-agents", paramLabel = "STD",
            description = "List the agents of a class: ocf, ocf:PROVIDER, lsb, heartbeat or stonith.")
    String listAgents;

    @Option(names = "--show-metadata", paramLabel = "SPEC",
            description = "Show an agent's meta-data: CLASS:[PROVIDER:]TYPE, e.g. ocf:heartbeat:IPaddr2.")
    String showMetadata;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final Supplier<InstalledAgents> agents;

    public CrmResourceMain() {
        this(() -> InstalledAgents.fromEnvironment(System.getenv()));
    }

    CrmResourceMain(Supplier<InstalledAgents> agents) {
        this.agents = agents;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new CrmResourceMain()).execute(args));
    }

    static CommandLine commandLine(CrmResourceMain main) {
        return PacemakerCommandLine.of(main, "crm_resource");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int chosen = (listStandards ? 1 : 0) + (listOcfProviders ? 1 : 0) + (listAgents != null ? 1 : 0)
                + (showMetadata != null ? 1 : 0);
        if (chosen != 1) {
            err.println("crm_resource: give one of --list-standards, --list-ocf-providers, --list-agents, "
                    + "--show-metadata. Use --help for usage information.");
            return PacemakerCommandLine.USAGE;
        }
        InstalledAgents installed = agents.get();
        if (listStandards) {
            installed.standards().forEach(out::println);
            return 0;
        }
        if (listOcfProviders) {
            return print(installed.ocfProviders(), "No OCF providers found", out, err);
        }
        if (listAgents != null) {
            return print(installed.agents(listAgents), "No agents found for standard '" + listAgents + "'", out, err);
        }
        return metaData(installed, out, err);
    }

    private static int print(List<String> lines, String none, PrintWriter out, PrintWriter err) {
        if (lines.isEmpty()) {
            err.println("crm_resource: " + none);
            err.println("Error performing operation: Error occurred");
            return 1;
        }
        lines.forEach(out::println);
        return 0;
    }

    private int metaData(InstalledAgents installed, PrintWriter out, PrintWriter err) {
        AgentName agent;
        try {
            agent = agentName(showMetadata);
        } catch (IllegalArgumentException e) {
            err.println("crm_resource: " + e.getMessage() + ". Use --help for usage information.");
            return PacemakerCommandLine.USAGE;
        }
        Optional<String> xml = installed.metaData(agent);
        if (xml.isEmpty()) {
            err.println("crm_resource: Metadata query for " + showMetadata + " failed: the agent is not installed"
                    + " or gave no meta-data (see crm_resource --list-agents " + agent.agentClass() + ")");
            err.println("Error performing operation: No such object");
            return NO_SUCH;
        }
        out.print(xml.get());
        out.flush();
        return 0;
    }

    private static AgentName agentName(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length == 3 && "ocf".equals(parts[0]) && !parts[1].isEmpty() && !parts[2].isEmpty()) {
            return new AgentName("ocf", parts[1], parts[2]);
        }
        if (parts.length == 2 && !"ocf".equals(parts[0]) && !parts[0].isEmpty() && !parts[1].isEmpty()) {
            return new AgentName(parts[0], null, parts[1]);
        }
        throw new IllegalArgumentException("'" + spec + "' is not an agent: write ocf:PROVIDER:TYPE or CLASS:TYPE");
    }
}
