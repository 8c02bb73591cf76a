package org.jheartbeat.cli.cibadmin;

import org.jheartbeat.cib.model.CibErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jheartbeat.cib.model.CibTemplate;
import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.cib.request.CibRequest.Operation;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cib.request.CibResult;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.cli.LocationOptions;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cibadmin}: query and change the CIB, on the local daemon or, with {@code CIB_file}, on a
 * file. Options, output and exit statuses as Pacemaker's cibadmin.
 */
@Command(name = "cibadmin", mixinStandardHelpOptions = true, version = "jheartbeat 0.1.0",
        description = "Query and change the cluster information base (CIB).",
        footer = {"", "With the environment variable CIB_file=FILE the command works on that file instead of the "
            + "local daemon."})
public final class CibadminMain implements Callable<Integer> {

    static final String CIB_FILE = "CIB_file";

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private LocationOptions locations;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "Commands:%n")
    private Commands commands;

    @Option(names = {"-o", "--scope"}, paramLabel = "SECTION",
            description = "Section: configuration, nodes, resources, constraints, crm_config, rsc_defaults, "
                + "op_defaults, status.")
    private String scope;

    @Option(names = {"-A", "--xpath"}, paramLabel = "XPATH", description = "Query or delete what the XPath finds.")
    private String xpath;

    @Option(names = {"-x", "--xml-file"}, paramLabel = "FILE", description = "XML input from a file.")
    private Path xmlFile;

    @Option(names = {"-X", "--xml-text"}, paramLabel = "XML", description = "XML input from the command line.")
    private String xmlText;

    @Option(names = {"-p", "--xml-pipe"}, description = "XML input from standard input.")
    private boolean xmlPipe;

    @Option(names = {"-c", "--allow-create"}, description = "With -M: create what does not exist yet.")
    private boolean allowCreate;

    @Option(names = {"-f", "--force"}, description = "Needed by -E.")
    private boolean force;

    @Option(names = {"-l", "--local"}, description = "Use this node's copy of the CIB (accepted; the daemon "
        + "answers from its own copy).")
    private boolean local;

    @Option(names = "-V", description = "More detail (repeatable).")
    private boolean[] verbose = new boolean[0];

    /** Exactly one command; each option names the operation it stands for. */
    static final class Commands {
        Operation operation = Operation.QUERY;
        boolean empty;

        @Option(names = {"-Q", "--query"}, description = "Print the CIB (or a section, or what --xpath finds).")
        void query(boolean on) {
            operation = Operation.QUERY;
        }

        @Option(names = {"-C", "--create"}, description = "Create an object.")
        void create(boolean on) {
            operation = Operation.CREATE;
        }

        @Option(names = {"-M", "--modify"}, description = "Change attributes and children of an object by id.")
        void modify(boolean on) {
            operation = Operation.MODIFY;
        }

        @Option(names = {"-R", "--replace"}, description = "Replace an object or section.")
        void replace(boolean on) {
            operation = Operation.REPLACE;
        }

        @Option(names = {"-D", "--delete"}, description = "Delete an object (by XML or --xpath).")
        void delete(boolean on) {
            operation = Operation.DELETE;
        }

        @Option(names = {"-P", "--patch"}, description = "Apply a diff (crm_diff's format).")
        void patch(boolean on) {
            operation = Operation.PATCH;
        }

        @Option(names = {"-E", "--erase"}, description = "Erase the configuration (needs --force).")
        void erase(boolean on) {
            operation = Operation.ERASE;
        }

        @Option(names = {"-B", "--bump"}, description = "Raise the epoch.")
        void bump(boolean on) {
            operation = Operation.BUMP;
        }

        @Option(names = "--upgrade", description = "Convert a Heartbeat 2.1 form CIB to the current form.")
        void upgrade(boolean on) {
            operation = Operation.UPGRADE;
        }

        @Option(names = {"-a", "--empty"}, description = "Print an empty CIB.")
        void empty(boolean on) {
            empty = true;
        }
    }

    private final Map<String, String> environment;
    private final InputStream stdin;

    public CibadminMain() {
        this(System.getenv(), System.in);
    }

    CibadminMain(Map<String, String> environment, InputStream stdin) {
        this.environment = Map.copyOf(environment);
        this.stdin = stdin;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new CibadminMain()).execute(args));
    }

    static CommandLine commandLine(CibadminMain command) {
        CommandLine line = new CommandLine(command);
        line.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("cibadmin: " + e.getMessage());
            e.getCommandLine().getErr().println("Run 'cibadmin --help' for the options.");
            return CibErrorCode.USAGE.exitStatus();
        });
        return line;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (commands.empty) {
            out.print(CibXml.toXml(CibTemplate.empty()));
            out.flush();
            return 0;
        }
        try {
            CibRequest request = new CibRequest(commands.operation, scope, xpath, input(), allowCreate, force);
            CibResult result = target().execute(request);
            if (result.output() != null) {
                out.print(result.output());
                out.flush();
            }
            return 0;
        } catch (CibRequestException e) {
            err.println("Call failed: " + e.code().text());
            err.println("cibadmin: " + e.getMessage());
            err.flush();
            return e.code().exitStatus();
        }
    }

    private CibTarget target() {
        return CibTarget.from(environment, locations.resolve(new LocationOptions()));
    }

    private String input() throws CibRequestException {
        int sources = (xmlFile != null ? 1 : 0) + (xmlText != null ? 1 : 0) + (xmlPipe ? 1 : 0);
        if (sources > 1) {
            throw new CibRequestException(CibErrorCode.USAGE, "give the XML input once: -x FILE, "
                    + "-X STRING or -p");
        }
        try {
            if (xmlFile != null) {
                return Files.readString(xmlFile, StandardCharsets.UTF_8);
            }
            if (xmlPipe) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new CibRequestException(CibErrorCode.NO_INPUT, "cannot read the XML input "
                    + (xmlFile != null ? xmlFile : "from standard input") + ": " + e.getMessage());
        }
        return xmlText;
    }
}
