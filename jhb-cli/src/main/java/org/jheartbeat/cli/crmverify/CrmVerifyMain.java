package org.jheartbeat.cli.crmverify;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.schema.SchemaError;
import org.jheartbeat.cib.verify.AgentCatalog;
import org.jheartbeat.cib.verify.Finding;
import org.jheartbeat.cib.verify.Severity;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.lrm.catalog.InstalledAgents;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.jheartbeat.cli.CibInput;
import org.jheartbeat.cli.CibSources;
import org.jheartbeat.cli.LocationOptions;
import org.jheartbeat.cli.PacemakerCommandLine;
import org.jheartbeat.cli.ToolFailure;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm_verify}: checks a CIB before it is loaded: well-formed XML, the schema, then the
 * checks of meaning against the agents installed on this host ({@link CheckedConfiguration});
 * a CIB in the Heartbeat 2.1 form is checked as upgraded. Options, summary
 * lines and exit statuses follow Pacemaker 2.1's crm_verify; every problem is named on a line
 * of its own with the source, line, element id and what to do.
 */
@Command(name = "crm_verify", usageHelpAutoWidth = true,
        description = "Check a Pacemaker/Heartbeat CIB configuration for errors.",
        footer = {"", "Without a data source, the file named by the CIB_file environment variable is checked.",
                "Exit status: 0 valid, 1 input is not well-formed XML, 64 bad command line, 66 file not readable,",
                "78 errors or warnings found, 102 live check not possible."})
public final class CrmVerifyMain implements Callable<Integer> {

    private static final String NAME = "crm_verify";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-x", "--xml-file"}, paramLabel = "FILE", description = "Check the configuration in the named file.")
    Path xmlFile;

    @Option(names = {"-X", "--xml-text"}, paramLabel = "XML", description = "Check the configuration in the supplied string.")
    String xmlText;

    @Option(names = {"-p", "--xml-pipe"}, description = "Check the configuration piped in via stdin.")
    boolean xmlPipe;

    @Option(names = {"-L", "--live-check"}, description = "Check the configuration used by the running cluster.")
    boolean liveCheck;

    @Option(names = {"-V", "--verbose"}, description = "Show warnings too; repeat for progress notes.")
    boolean[] verbose = new boolean[0];

    @Mixin
    LocationOptions locations = new LocationOptions();

    @Option(names = {"-q", "--quiet"}, description = "Print nothing; only the exit status tells.")
    boolean quiet;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final Map<String, String> env;
    private final InputStream stdin;
    private final Supplier<AgentCatalog> agents;

    public CrmVerifyMain() {
        this(System.getenv(), System.in, () -> InstalledAgents.fromEnvironment(System.getenv()));
    }

    /** For tests: the environment (CIB_file), standard input and the agents to check against. */
    public CrmVerifyMain(Map<String, String> env, InputStream stdin, Supplier<AgentCatalog> agents) {
        this.env = env;
        this.stdin = stdin;
        this.agents = agents;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new CrmVerifyMain()).execute(args));
    }

    /** A ready command line whose bad options exit with {@value ExitCodes#USAGE}; set out/err on it, then execute. */
    public static CommandLine commandLine(CrmVerifyMain main) {
        return PacemakerCommandLine.of(main, NAME);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            CibInput input = input();
            CibDocument document = CibXml.parse(input.bytes(), input.source());
            return report(input.source(), CheckedConfiguration.check(document, agents.get()), err);
        } catch (ToolFailure failure) {
            say(err, NAME + ": " + failure.getMessage());
            return failure.exitCode();
        } catch (CibParseException e) {
            say(err, NAME + ": " + e.getMessage());
            return ExitCodes.NOT_PARSED;
        } finally {
            err.flush();
        }
    }

    private CibInput input() throws ToolFailure {
        PacemakerCommandLine.atMostOneSource(xmlFile != null ? "-x" : null, xmlText != null ? "-X" : null,
                xmlPipe ? "-p" : null, liveCheck ? "-L" : null);
        if (liveCheck) {
            return CibInput.ofText(CibSources.live(locations.resolve(new LocationOptions()), "check a file with -x FILE"),
                    "live CIB");
        }
        if (xmlText != null) {
            return CibInput.ofText(xmlText, "input");
        }
        if (xmlPipe) {
            return new CibInput(CibSources.readStdin(stdin, NAME), "stdin");
        }
        Path file = xmlFile != null ? xmlFile : cibFileFromEnvironment();
        return new CibInput(CibSources.readFile(file), file.toString());
    }

    private Path cibFileFromEnvironment() throws ToolFailure {
        String named = env.get("CIB_file");
        if (named == null || named.isEmpty()) {
            throw new ToolFailure(ExitCodes.USAGE, "no configuration source given: use -x FILE, -X XML, -p (stdin)"
                    + " or set CIB_file. Use --help for usage information.");
        }
        return Path.of(named);
    }

    /** Errors always, warnings with -V; then Pacemaker's summary line. */
    private int report(String source, CheckedConfiguration checked, PrintWriter err) {
        if (checked.legacy()) {
            say(err, NAME + ": note: " + source + " uses the Heartbeat 2.1 form; it was checked as upgraded to the"
                    + " current form, which cibadmin --upgrade writes");
        }
        for (SchemaError error : checked.schemaErrors()) {
            say(err, error.format(source));
        }
        List<Finding> findings = checked.findings();
        boolean errors = !checked.schemaErrors().isEmpty() || findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        boolean warnings = findings.stream().anyMatch(f -> f.severity() == Severity.WARNING);
        for (Finding finding : findings) {
            if (finding.severity() == Severity.ERROR || verbose.length > 0) {
                say(err, finding.format(source));
            }
        }
        if (errors) {
            say(err, NAME + ": Errors found during check: config not valid");
        } else if (warnings) {
            say(err, NAME + ": Warnings found during check: config may not be valid");
        } else if (verbose.length > 1) {
            say(err, NAME + ": " + source + ": configuration is valid");
        }
        if (warnings && verbose.length == 0) {
            say(err, "-V may provide more details");
        }
        return errors || warnings ? ExitCodes.INVALID : ExitCodes.OK;
    }

    private void say(PrintWriter err, String line) {
        if (!quiet) {
            err.println(line);
        }
    }
}
