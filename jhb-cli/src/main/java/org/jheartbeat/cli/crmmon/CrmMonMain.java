package org.jheartbeat.cli.crmmon;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.cli.CibSources;
import org.jheartbeat.cli.LocationOptions;
import org.jheartbeat.cli.PacemakerCommandLine;
import org.jheartbeat.cli.ToolFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm_mon}: the cluster's nodes and resources from the running daemon's CIB (or the
 * file CIB_file names), once or refreshed every few seconds, as text, Pacemaker's XML or an
 * HTML page.
 */
@Command(name = "crm_mon", usageHelpAutoWidth = true,
        description = "Show the cluster's nodes and resources: once (-1) or refreshed every -i seconds.",
        footer = {"", "Reads the running cluster's CIB, or the file CIB_file names.",
                "Exit status: 0 done, 64 bad command line, 66 CIB_file unreadable, 102 heartbeat unreachable,",
                "  103 the CIB cannot be read (invalid XML)."})
public final class CrmMonMain implements Callable<Integer> {

    private static final int INVALID_CIB = 103;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LocationOptions locations;

    @Option(names = {"-1", "--one-shot"}, description = "Show the status once and exit.")
    boolean oneShot;

    @Option(names = {"-i", "--interval"}, paramLabel = "SEC", defaultValue = "5",
            description = "Refresh every SEC seconds (default 5) until interrupted.")
    int interval;

    @Option(names = {"-r", "--inactive"}, description = "Show inactive resources too.")
    boolean inactive;

    @Option(names = {"-f", "--failcounts"}, description = "Show each resource's failcount per node (Migration Summary).")
    boolean failcounts;

    @Option(names = {"-n", "--group-by-node"}, description = "List the resources under the node they run on.")
    boolean byNode;

    @Option(names = {"-o", "--operations"}, description = "Show each resource's operation history.")
    boolean operations;

    @Option(names = "--output-as", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or xml (Pacemaker's crm_mon XML).")
    String outputAs;

    @Option(names = {"-X", "--as-xml"}, description = "The same as --output-as=xml.")
    boolean asXml;

    @Option(names = "--as-html", paramLabel = "FILE", description = "Write the status as an HTML page to FILE.")
    Path asHtml;

    @Option(names = {"-?", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final Map<String, String> environment;
    private final Supplier<Instant> clock;

    public CrmMonMain() {
        this(System.getenv(), Instant::now);
    }

    CrmMonMain(Map<String, String> environment, Supplier<Instant> clock) {
        this.environment = environment;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new CrmMonMain()).execute(args));
    }

    static CommandLine commandLine(CrmMonMain main) {
        return PacemakerCommandLine.of(main, "crm_mon");
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean xml = asXml || "xml".equals(outputAs);
        if (!xml && !"text".equals(outputAs)) {
            err.println("crm_mon: --output-as must be text or xml, not '" + outputAs + "'. Use --help for usage information.");
            return PacemakerCommandLine.USAGE;
        }
        if (interval < 1) {
            err.println("crm_mon: -i needs a whole number of seconds of at least 1, not " + interval
                    + ". Use --help for usage information.");
            return PacemakerCommandLine.USAGE;
        }
        boolean once = oneShot || xml || asHtml != null;
        while (true) {
            try {
                String shown = render(xml);
                if (asHtml != null) {
                    Files.writeString(asHtml, MonitorHtml.page(shown), StandardCharsets.UTF_8);
                } else {
                    if (!once) {
                        out.print("\033[H\033[2J");
                    }
                    out.print(shown);
                    out.flush();
                }
            } catch (ToolFailure e) {
                err.println("crm_mon: " + e.getMessage());
                err.flush();
                if (once) {
                    return e.exitCode();
                }
            } catch (IOException e) {
                err.println("crm_mon: cannot write " + asHtml + ": " + e.getMessage());
                return CibSources.NO_INPUT;
            }
            if (once) {
                return 0;
            }
            Thread.sleep(interval * 1000L);
        }
    }

    private String render(boolean xml) throws ToolFailure {
        CibDocument cib = read();
        MonitorView view = new MonitorView(cib, clock.get());
        ZoneId zone = ZoneId.systemDefault();
        if (xml) {
            return new MonitorXml(view, zone).render("crm_mon --output-as=xml");
        }
        return new MonitorText(view, zone).render(new MonitorOptions(inactive, failcounts, byNode, operations));
    }

    private CibDocument read() throws ToolFailure {
        String file = environment.get("CIB_file");
        try {
            if (file != null) {
                return CibXml.parse(CibSources.readFile(Path.of(file)), file);
            }
            return CibXml.parse(CibSources.live(locations.resolve(environment), "set CIB_file to read a saved CIB"),
                    "the live CIB");
        } catch (CibParseException e) {
            throw new ToolFailure(INVALID_CIB, e.getMessage());
        }
    }
}
