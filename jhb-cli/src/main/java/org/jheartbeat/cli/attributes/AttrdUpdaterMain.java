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

/** {@code attrd_updater}: a node's transient attribute (lifetime reboot), as agents such as ping set it. */
@Command(name = "attrd_updater", usageHelpAutoWidth = true,
        description = "Set, show or delete a transient node attribute.",
        footer = {"", "Exit status: 0 done, 64 bad command line, 102 heartbeat unreachable, 105 no such attribute."})
public final class AttrdUpdaterMain implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LocationOptions locations;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", required = true, description = "The attribute's name.")
    String name;

    @Option(names = {"-U", "-v", "--update"}, paramLabel = "VALUE", description = "Set the attribute.")
    String value;

    @Option(names = {"-Q", "--query"}, description = "Show the attribute.")
    boolean query;

    @Option(names = {"-D", "--delete"}, description = "Delete the attribute.")
    boolean delete;

    @Option(names = {"-N", "--node"}, paramLabel = "NODE", description = "The node (default: this one).")
    String node;

    @Option(names = {"-d", "--delay"}, paramLabel = "DELAY",
            description = "Accepted for compatibility: the value is written at once.")
    String delay;

    @Option(names = {"-l", "--lifetime"}, paramLabel = "LIFETIME", defaultValue = "reboot",
            description = "Only reboot: these attributes go when the node restarts.")
    String lifetime;

    @Option(names = {"-q", "--quiet"}, description = "Accepted for compatibility.")
    boolean quiet;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final Map<String, String> environment;

    public AttrdUpdaterMain() {
        this(System.getenv());
    }

    AttrdUpdaterMain(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new AttrdUpdaterMain()).execute(args));
    }

    static CommandLine commandLine(AttrdUpdaterMain main) {
        return PacemakerCommandLine.of(main, "attrd_updater");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AttributeTool tool = new AttributeTool(environment, locations);
        return AttributeTool.run("attrd_updater", "", err, () -> {
            if ((value != null ? 1 : 0) + (query ? 1 : 0) + (delete ? 1 : 0) != 1) {
                throw new IllegalArgumentException("give one of -U, -Q and -D");
            }
            if (!"reboot".equals(lifetime)) {
                throw new IllegalArgumentException("-l " + lifetime + ": attrd_updater sets only transient attributes (reboot);"
                        + " use crm_attribute -l forever");
            }
            String where = tool.node(node);
            NodeAttributes attributes = tool.attributes();
            if (value != null) {
                attributes.set(AttributeScope.STATUS, where, name, value);
            } else if (delete) {
                attributes.delete(AttributeScope.STATUS, where, name);
            } else {
                Optional<String> current = attributes.get(AttributeScope.STATUS, where, name);
                if (current.isEmpty()) {
                    err.println("attrd_updater: Could not query value of " + name + ": attribute does not exist");
                    return 105;
                }
                out.println("name=\"" + name + "\" host=\"" + where + "\" value=\"" + current.get() + "\"");
            }
            return 0;
        });
    }
}
