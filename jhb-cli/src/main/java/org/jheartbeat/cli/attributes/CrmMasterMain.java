package org.jheartbeat.cli.attributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jheartbeat.cli.LocationOptions;
import org.jheartbeat.cli.PacemakerCommandLine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm_master}: Heartbeat 2's way for an agent to set its promotion score, which older
 * agents still call ({@code crm_master -l reboot -v 5}); it is crm_attribute's --promotion.
 */
@Command(name = "crm_master", usageHelpAutoWidth = true,
        description = "Set, show or delete the promotion score of the agent's resource on this node.")
public final class CrmMasterMain implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LocationOptions locations;

    @Option(names = {"-v", "--update"}, paramLabel = "SCORE", description = "Set the score.")
    String value;

    @Option(names = {"-G", "--query"}, description = "Show the score (the default).")
    boolean query;

    @Option(names = {"-D", "--delete"}, description = "Delete the score.")
    boolean delete;

    @Option(names = {"-N", "--node"}, paramLabel = "NODE", description = "The node (default: this one).")
    String node;

    @Option(names = {"-l", "--lifetime"}, paramLabel = "LIFETIME", defaultValue = "reboot",
            description = "reboot (default) or forever.")
    String lifetime;

    @Option(names = {"-r", "--resource"}, paramLabel = "RSC", description = "The resource (default: OCF_RESOURCE_INSTANCE).")
    String resource;

    @Option(names = {"-q", "--quiet"}, description = "Show only the score.")
    boolean quiet;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final Map<String, String> environment;

    public CrmMasterMain() {
        this(System.getenv());
    }

    CrmMasterMain(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new CrmMasterMain()).execute(args));
    }

    static CommandLine commandLine(CrmMasterMain main) {
        return PacemakerCommandLine.of(main, "crm_master");
    }

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(List.of("--promotion=" + (resource == null ? "" : resource), "-l", lifetime));
        locations.forward(args);
        if (node != null) {
            args.addAll(List.of("-N", node));
        }
        if (value != null) {
            args.addAll(List.of("-v", value));
        }
        if (query) {
            args.add("-G");
        }
        if (delete) {
            args.add("-D");
        }
        if (quiet) {
            args.add("-q");
        }
        CommandLine attribute = CrmAttributeMain.commandLine(new CrmAttributeMain(environment));
        attribute.setOut(spec.commandLine().getOut());
        attribute.setErr(spec.commandLine().getErr());
        return attribute.execute(args.toArray(new String[0]));
    }
}
