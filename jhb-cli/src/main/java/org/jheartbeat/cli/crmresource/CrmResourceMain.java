package org.jheartbeat.cli.crmresource;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jheartbeat.cib.verify.AgentName;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cli.LocationOptions;
import org.jheartbeat.cli.PacemakerCommandLine;
import org.jheartbeat.cli.cibadmin.CibTarget;
import org.jheartbeat.client.Locations;
import org.jheartbeat.lrm.catalog.InstalledAgents;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm_resource}: the cluster's resources (list, locate, move, ban, clear, cleanup,
 * parameters, why), an agent run here by hand (--force-*), and this host's installed agents
 * and their meta-data, with Pacemaker's options, output and exit codes.
 */
@Command(name = "crm_resource", usageHelpAutoWidth = true,
        description = "Show, move, clean up and configure the cluster's resources; list installed agents.",
        footer = {"", "Works on the running cluster's CIB, or on the file CIB_file names.",
                "Exit status: 0 done, 1 error, 64 bad command line, 102 heartbeat unreachable, 105 no such resource,",
                "  node, attribute or agent; --force-*: the agent's own exit code."})
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

    @Option(names = {"-L", "--list"}, description = "List every resource with its state.")
    boolean list;

    @Option(names = {"-W", "--locate"}, description = "Show where the resource (-r) runs.")
    boolean locate;

    @Option(names = {"-M", "--move"}, description = "Move the resource (-r) to the node (-N), or away from where it runs.")
    boolean move;

    @Option(names = {"-B", "--ban"}, description = "Keep the resource (-r) off the node (-N), or off the one it runs on.")
    boolean ban;

    @Option(names = {"-U", "--clear"}, description = "Remove the constraints --move and --ban made for the resource (-r).")
    boolean clear;

    @Option(names = {"-C", "--cleanup"}, description = "Forget the resource's (-r) failures on a node (-N) or all; it is probed again.")
    boolean cleanup;

    @Option(names = {"-R", "--refresh"}, description = "Forget the resource's (-r) whole history on a node (-N) or all.")
    boolean refresh;

    @Option(names = {"-p", "--set-parameter"}, paramLabel = "NAME", description = "Set an attribute of the resource (-r) to -v.")
    String setParameter;

    @Option(names = {"-g", "--get-parameter"}, paramLabel = "NAME", description = "Show an attribute of the resource (-r).")
    String getParameter;

    @Option(names = {"-d", "--delete-parameter"}, paramLabel = "NAME", description = "Delete an attribute of the resource (-r).")
    String deleteParameter;

    @Option(names = {"-v", "--parameter-value"}, paramLabel = "VALUE", description = "The value for --set-parameter.")
    String value;

    @Option(names = "--meta", description = "-p/-g/-d work on meta attributes instead of instance attributes.")
    boolean meta;

    @Option(names = {"-Y", "--why"}, description = "Explain where the resource (-r) runs or why it does not.")
    boolean why;

    @Option(names = "--force-start", description = "Run the resource's (-r) start here, bypassing the cluster.")
    boolean forceStart;

    @Option(names = "--force-stop", description = "Run the resource's (-r) stop here, bypassing the cluster.")
    boolean forceStop;

    @Option(names = "--force-check", description = "Run the resource's (-r) monitor here, bypassing the cluster.")
    boolean forceCheck;

    @Option(names = {"-r", "--resource"}, paramLabel = "RSC", description = "The resource.")
    String resource;

    @Option(names = {"-N", "--node"}, paramLabel = "NODE", description = "The node.")
    String node;

    @Mixin
    LocationOptions locations;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final Supplier<InstalledAgents> agents;
    private final Map<String, String> environment;
    private final Supplier<Instant> clock;

    public CrmResourceMain() {
        this(() -> InstalledAgents.fromEnvironment(System.getenv()), System.getenv(), Instant::now);
    }

    CrmResourceMain(Supplier<InstalledAgents> agents) {
        this(agents, System.getenv(), Instant::now);
    }

    CrmResourceMain(Supplier<InstalledAgents> agents, Map<String, String> environment, Supplier<Instant> clock) {
        this.agents = agents;
        this.environment = environment;
        this.clock = clock;
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
        int agentCommands = (listStandards ? 1 : 0) + (listOcfProviders ? 1 : 0) + (listAgents != null ? 1 : 0)
                + (showMetadata != null ? 1 : 0);
        int clusterCommands = count(list, locate, move, ban, clear, cleanup, refresh, setParameter != null,
                getParameter != null, deleteParameter != null, why, forceStart, forceStop, forceCheck);
        if (agentCommands + clusterCommands != 1) {
            err.println("crm_resource: give one command (--list, --locate, --move, --ban, --clear, --cleanup, --refresh, "
                    + "--set-parameter, --get-parameter, --delete-parameter, --why, --force-start/stop/check, "
                    + "--list-standards, --list-ocf-providers, --list-agents or --show-metadata). "
                    + "Use --help for usage information.");
            return PacemakerCommandLine.USAGE;
        }
        if (clusterCommands == 1) {
            return onCluster(out, err);
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

    private static int count(boolean... given) {
        int n = 0;
        for (boolean b : given) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private int onCluster(PrintWriter out, PrintWriter err) {
        if (!list && !cleanup && !refresh && resource == null) {
            err.println("crm_resource: this command needs a resource: give it with -r. Use --help for usage information.");
            return PacemakerCommandLine.USAGE;
        }
        if (setParameter != null && value == null) {
            err.println("crm_resource: --set-parameter needs a value: give it with -v. Use --help for usage information.");
            return PacemakerCommandLine.USAGE;
        }
        Locations where = locations.resolve(environment);
        ClusterCib cib = new ClusterCib(CibTarget.from(environment, where));
        ResourceCommands commands = new ResourceCommands(cib, clock.get(), out, err);
        try {
            return dispatch(commands, cib, where, out, err);
        } catch (CibRequestException e) {
            err.println("crm_resource: " + e.getMessage());
            err.println("Error performing operation: " + e.code().text());
            return e.code().exitStatus();
        } catch (IOException e) {
            err.println("crm_resource: " + e.getMessage());
            return ResourceCommands.ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResourceCommands.ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int dispatch(ResourceCommands commands, ClusterCib cib, Locations where, PrintWriter out, PrintWriter err)
            throws CibRequestException, IOException, InterruptedException {
        if (list) {
            return commands.list();
        }
        if (locate) {
            return commands.locate(resource);
        }
        if (move) {
            return commands.move(resource, node);
        }
        if (ban) {
            return commands.ban(resource, node);
        }
        if (clear) {
            return commands.clear(resource, node);
        }
        if (setParameter != null) {
            return commands.setParameter(resource, setParameter, value, meta);
        }
        if (getParameter != null) {
            return commands.getParameter(resource, getParameter, meta);
        }
        if (deleteParameter != null) {
            return commands.deleteParameter(resource, deleteParameter, meta);
        }
        if (why) {
            return commands.why(resource);
        }
        CibDocument document = cib.read();
        if (forceStart || forceStop || forceCheck) {
            return ForcedOperation.run(document, resource, forceStart ? "start" : forceStop ? "stop" : "monitor", where,
                    out, err);
        }
        if (resource == null) {
            err.println("crm_resource: --cleanup and --refresh need a resource here: give it with -r");
            return PacemakerCommandLine.USAGE;
        }
        if (ClusterCib.resource(document, resource) == null) {
            err.println("crm_resource: Resource '" + resource + "' not found: check the id with crm_resource --list");
            return ResourceCommands.NO_SUCH;
        }
        String file = environment.get("CIB_file");
        if (file != null && !file.isEmpty()) {
            return ResourceCleanup.inFile(cib, document, resource, node, out);
        }
        return ResourceCleanup.onCluster(where, document, resource, node, out, err);
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
