package org.jheartbeat.cli.crmsimulate;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.cli.CibInput;
import org.jheartbeat.cli.CibSources;
import org.jheartbeat.cli.LocationOptions;
import org.jheartbeat.cli.PacemakerCommandLine;
import org.jheartbeat.cli.ToolFailure;
import org.jheartbeat.policy.model.MetaValues;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crm_simulate}: runs the scheduler on a CIB and shows what the cluster would do, with
 * Pacemaker 2.1.5's options and output layout. Events can be injected first (nodes joining,
 * leaving or failing, operation results), the transition can be carried out on paper, and the
 * graph and the resulting CIB saved. The input is never changed.
 */
@Command(name = "crm_simulate", usageHelpAutoWidth = true, sortOptions = false,
        description = "Simulate the cluster's response to events: show the cluster status, what the scheduler"
                + " would do, and with -S the status after doing it.",
        footer = {"", "Without -x, -p or -L: the file CIB_file names, else the running cluster's CIB.",
                "OPSPEC is RESOURCE_TASK_INTERVAL@NODE=RC: the interval in milliseconds,",
                "RC an OCF exit code, for example memcached_monitor_20000@node1=7.",
                "Exit status: 0 done, 64 bad command line, 65 input is not a CIB,",
                "66 input not readable, 73 an output file cannot be written,",
                "102 no running cluster to ask, 105 no such node or resource."})
public final class CrmSimulateMain implements Callable<Integer> {

    private static final String NAME = "crm_simulate";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-x", "--xml-file"}, paramLabel = "FILE", description = "Read the CIB from this file.")
    Path xmlFile;

    @Option(names = {"-p", "--xml-pipe"}, description = "Read the CIB from standard input.")
    boolean xmlPipe;

    @Option(names = {"-L", "--live-check"}, description = "Ask the running cluster for its CIB.")
    boolean liveCheck;

    @Option(names = {"-R", "--run"}, description = "Show what the cluster would do (Transition Summary).")
    boolean run;

    @Option(names = {"-S", "--simulate"}, description = "Like --run, then carry the transition out and show the"
            + " resulting status.")
    boolean simulate;

    @Option(names = {"-X", "--in-place"}, description = "Refused: the input is never changed; use --save-output.")
    boolean inPlace;

    @Option(names = {"-s", "--show-scores"}, description = "Show the node scores resources were placed with.")
    boolean showScores;

    @Option(names = "--explain", paramLabel = "RSC",
            description = "Explain why the resource (primitive, group or clone) is placed where it is: its scores per node and what made them.")
    String explain;

    @Option(names = {"-A", "--show-attrs"}, description = "Show node attributes after the resources.")
    boolean showAttributes;

    @Option(names = {"-Q", "--quiet"}, description = "Show only essential output (with -s, the scores).")
    boolean quiet;

    @Option(names = {"-t", "--set-datetime"}, paramLabel = "DATETIME",
            description = "Evaluate rules and failure timeouts at this date and time (ISO 8601;"
                    + " the time may follow as a word of its own).")
    String dateTime;

    /** The time of --set-datetime given as a word of its own ("-t 2020-01-31 10:00:00"), as Pacemaker takes it. */
    @Parameters(paramLabel = "TIME", arity = "0..1", hidden = true)
    String dateTimeRest;

    @Option(names = {"-q", "--quorum"}, paramLabel = "QUORUM", description = "Set whether the cluster has quorum"
            + " (1/true or 0/false).")
    String quorum;

    @Option(names = {"-u", "--node-up"}, paramLabel = "NODE", description = "Bring a node online (repeatable).")
    List<String> nodesUp = new ArrayList<>();

    @Option(names = {"-d", "--node-down"}, paramLabel = "NODE", description = "Take a node offline cleanly"
            + " (repeatable).")
    List<String> nodesDown = new ArrayList<>();

    @Option(names = {"-f", "--node-fail"}, paramLabel = "NODE", description = "Fail a node: it leaves while"
            + " expected up and must be fenced (repeatable).")
    List<String> nodesFailed = new ArrayList<>();

    @Option(names = {"-i", "--op-inject"}, paramLabel = "OPSPEC", description = "Add an operation result to the"
            + " status before scheduling (repeatable).")
    List<String> opInject = new ArrayList<>();

    @Option(names = {"-F", "--op-fail"}, paramLabel = "OPSPEC", description = "If this operation runs during -S,"
            + " it returns RC; the transition stops at the failure (repeatable).")
    List<String> opFail = new ArrayList<>();

    @Option(names = {"-I", "--save-input"}, paramLabel = "FILE", description = "Save the CIB as read.")
    Path saveInput;

    @Option(names = {"-O", "--save-output"}, paramLabel = "FILE", description = "Save the CIB after the injected"
            + " events and, with -S, the simulated transition.")
    Path saveOutput;

    @Option(names = {"-G", "--save-graph"}, paramLabel = "FILE", description = "Save the transition graph (XML).")
    Path saveGraph;

    @Option(names = {"-D", "--save-dotfile"}, paramLabel = "FILE", description = "Save the transition graph for"
            + " Graphviz (DOT).")
    Path saveDot;

    @Option(names = {"-a", "--all-actions"}, description = "In the DOT graph, show also the actions that are not"
            + " part of the transition.")
    boolean allActions;

    @Option(names = {"-P", "--profile"}, paramLabel = "DIR", description = "Time the scheduler on every .xml CIB"
            + " in the directory, and nothing else.")
    Path profile;

    @Option(names = {"-N", "--repeat"}, paramLabel = "N", description = "With --profile, run each file N times"
            + " (default 1).")
    Integer repeat;

    @Option(names = {"-c", "--show-failcounts"}, description = "Refused for now: fail counts and failed actions"
            + " are not shown yet.")
    boolean showFailcounts;

    @Option(names = {"-U", "--show-utilization"}, description = "Refused for now: utilization is not shown yet.")
    boolean showUtilization;

    @Option(names = {"-w", "--watchdog"}, paramLabel = "DEVICE", description = "Refused: jheartbeat has no"
            + " watchdog-based fencing.")
    String watchdog;

    @Option(names = {"-g", "--ticket-grant", "-r", "--ticket-revoke", "-b", "--ticket-standby", "-e",
            "--ticket-activate"}, paramLabel = "TICKET", description = "Refused: jheartbeat's scheduler has no"
            + " tickets.")
    List<String> tickets = new ArrayList<>();

    @Option(names = "--output-as", paramLabel = "FORMAT", description = "Output format: text (the only one).")
    String outputAs;

    @Mixin
    LocationOptions locations = new LocationOptions();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final Map<String, String> env;
    private final InputStream stdin;
    private final Supplier<Instant> clock;
    /** The CIB being read and parsed while the command line is, or null. */
    private CibLoad early;

    public CrmSimulateMain() {
        this(System.getenv(), System.in, Instant::now);
    }

    /** For tests: the environment (CIB_file), standard input and the time taken as now. */
    public CrmSimulateMain(Map<String, String> env, InputStream stdin, Supplier<Instant> clock) {
        this.env = env;
        this.stdin = stdin;
        this.clock = clock;
    }

    public static void main(String[] args) {
        CommandLine commandLine = commandLine(new CrmSimulateMain().loadingEarly(args));
        commandLine.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        System.exit(commandLine.execute(args));
    }

    /**
     * Starts reading and parsing the CIB file the arguments name on a thread of its own, while
     * the command line is parsed ({@link CibLoad#early}); returns this.
     */
    CrmSimulateMain loadingEarly(String[] args) {
        early = CibLoad.early(args);
        return this;
    }

    /** A ready command line whose bad options exit with {@value ExitCodes#USAGE}; set out/err on it, then execute. */
    public static CommandLine commandLine(CrmSimulateMain main) {
        return PacemakerCommandLine.of(main, NAME);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (profile != null || repeat != null) {
                out.print(profile());
                return ExitCodes.OK;
            }
            Simulation simulation = simulation();
            CibDocument cib = cib();
            write(saveInput, "--save-input", () -> CibXml.toXml(cib));
            Simulation.Result result = simulation.run(cib, CibValidity.start(cib, source()));
            out.print(result.text());
            if (explain != null) {
                out.print(explanation(result.transition()));
            }
            out.flush();
            result.errors().forEach(err::println);
            if (result.transition() != null) {
                write(saveGraph, "--save-graph", () -> new GraphXml(result.transition()).write());
                write(saveDot, "--save-dotfile", () -> new GraphDot(result.transition(), allActions).write());
            }
            write(saveOutput, "--save-output", () -> CibXml.toXml(result.output()));
            return ExitCodes.OK;
        } catch (ToolFailure failure) {
            out.flush();
            err.println(NAME + ": " + failure.getMessage());
            return failure.exitCode();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private String explanation(org.jheartbeat.policy.actions.Transition transition) throws ToolFailure {
        java.util.List<String> lines = new org.jheartbeat.policy.explain.Explanation(transition.cluster()).of(explain);
        if (lines == null) {
            throw new ToolFailure(ExitCodes.NO_SUCH, "--explain " + explain
                    + ": no such resource in this CIB; the Full List of Resources above names them");
        }
        StringBuilder text = new StringBuilder("\nExplanation for " + explain + ":\n");
        lines.forEach(l -> text.append(l.startsWith("  ") ? "    " + l.substring(2) : "  * " + l).append('\n'));
        return text.toString();
    }

    private String profile() throws ToolFailure {
        if (profile == null) {
            throw usage("--repeat only applies to --profile DIR");
        }
        if (repeat != null && repeat < 1) {
            throw usage("--repeat " + repeat + ": give a number of runs, 1 or more");
        }
        PacemakerCommandLine.atMostOneSource("-P", xmlFile != null ? "-x" : null, xmlPipe ? "-p" : null,
                liveCheck ? "-L" : null);
        return new Profile(profile, repeat == null ? 1 : repeat, ClusterTime.of(dateTimeText(), clock)).run();
    }

    /** What to do, from the options; every problem with them is found before anything is read. */
    private Simulation simulation() throws ToolFailure {
        if (inPlace) {
            throw usage("-X/--in-place is not supported: crm_simulate never changes its input. Save the result"
                    + " with --save-output FILE");
        }
        if (showFailcounts || showUtilization) {
            throw usage((showFailcounts ? "-c/--show-failcounts" : "-U/--show-utilization") + " is not supported yet:"
                    + " crm_simulate shows neither fail counts nor utilization. See the node attributes with -A");
        }
        if (watchdog != null) {
            throw usage("-w/--watchdog is not supported: jheartbeat has no watchdog-based fencing");
        }
        if (!tickets.isEmpty()) {
            throw usage("the ticket options (-g, -r, -b, -e) are not supported: jheartbeat's scheduler has no tickets");
        }
        if (outputAs != null && !"text".equals(outputAs)) {
            throw usage("--output-as " + outputAs + ": only text output is supported");
        }
        if (dateTimeRest != null && dateTime == null) {
            throw usage("unexpected argument '" + dateTimeRest + "'");
        }
        if (allActions && saveDot == null) {
            throw usage("-a/--all-actions only applies to the DOT graph: add --save-dotfile FILE");
        }
        List<OpSpec> injected = new ArrayList<>();
        for (String text : opInject) {
            injected.add(OpSpec.parse("--op-inject", text));
        }
        List<OpSpec> failures = new ArrayList<>();
        for (String text : opFail) {
            failures.add(OpSpec.parse("--op-fail", text));
        }
        Modifications modifications = new Modifications(quorum(), nodesUp, nodesDown, nodesFailed, injected);
        boolean process = run || simulate || showScores || saveGraph != null || saveDot != null || explain != null;
        return new Simulation(modifications, failures, ClusterTime.of(dateTimeText(), clock),
                // -R is the scheduler's whole run, its transition graph included, as Pacemaker's
                // is, so that timing -R times the scheduler; scores and --explain need no graph
                new Simulation.Show(process, run || saveGraph != null || saveDot != null, simulate, showScores,
                        quiet, showAttributes));
    }

    private Boolean quorum() throws ToolFailure {
        if (quorum == null) {
            return null;
        }
        String value = quorum.trim().toLowerCase();
        if (!value.matches("1|0|true|false|yes|no|on|off|y|n")) {
            throw usage("--quorum " + quorum + ": give 1 (or true) for quorum, 0 (or false) for none");
        }
        return MetaValues.bool(value, false);
    }

    private String dateTimeText() {
        if (dateTime == null) {
            return null;
        }
        return dateTimeRest == null ? dateTime : dateTime + " " + dateTimeRest;
    }

    private CibDocument cib() throws ToolFailure {
        PacemakerCommandLine.atMostOneSource(xmlFile != null ? "-x" : null, xmlPipe ? "-p" : null,
                liveCheck ? "-L" : null);
        if (early != null && xmlFile != null && early.isOf(xmlFile)) {
            return early.document();
        }
        return CibLoad.parse(this::input);
    }

    private CibInput input() throws ToolFailure {
        if (xmlPipe) {
            return new CibInput(CibSources.readStdin(stdin, NAME), source());
        }
        if (xmlFile != null) {
            return new CibInput(CibSources.readFile(xmlFile), source());
        }
        String named = cibFileFromEnvironment();
        if (named != null) {
            return new CibInput(CibSources.readFile(Path.of(named)), source());
        }
        return CibInput.ofText(CibSources.live(locations.resolve(new LocationOptions()), "read a file with -x FILE"),
                source());
    }

    /** The name the input goes by in messages. */
    private String source() {
        if (xmlPipe) {
            return "stdin";
        }
        if (xmlFile != null) {
            return xmlFile.toString();
        }
        String named = cibFileFromEnvironment();
        return named != null ? named : "live CIB";
    }

    /** CIB_file, when set and -L does not ask for the live CIB instead; else null. */
    private String cibFileFromEnvironment() {
        String named = env.get("CIB_file");
        return !liveCheck && named != null && !named.isEmpty() ? named : null;
    }

    /** Writes the text to the file given with the option; the text is only made when there is a file. */
    private static void write(Path file, String option, Supplier<String> text) throws ToolFailure {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, text.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolFailure(ExitCodes.CANNOT_CREATE, option + " " + file + ": cannot be written ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static ToolFailure usage(String message) {
        return new ToolFailure(ExitCodes.USAGE, message + ". Use --help for usage information.");
    }
}
