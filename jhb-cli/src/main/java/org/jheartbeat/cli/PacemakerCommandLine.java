package org.jheartbeat.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine;

/** What the Pacemaker-style tools share about their command line: bad usage exits with 64, named. */
public final class PacemakerCommandLine {

    /** Bad command line (CRM_EX_USAGE). */
    public static final int USAGE = 64;

    private PacemakerCommandLine() {
    }

    /** A command line whose option errors are printed as "NAME: problem. Use --help ..." with status 64. */
    public static CommandLine of(Object command, String name) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setParameterExceptionHandler((problem, args) -> {
            PrintWriter err = problem.getCommandLine().getErr();
            err.println(name + ": " + problem.getMessage() + ". Use --help for usage information.");
            err.flush();
            return USAGE;
        });
        return commandLine;
    }

    /**
     * Fails unless at most one source of the CIB was chosen; each argument is the option's
     * name when it was given, else null.
     */
    public static void atMostOneSource(String... given) throws ToolFailure {
        List<String> chosen = new ArrayList<>(Arrays.stream(given).filter(Objects::nonNull).toList());
        if (chosen.size() > 1) {
            throw new ToolFailure(USAGE, "choose one data source, not " + String.join(" and ", chosen)
                    + ". Use --help for usage information.");
        }
    }
}
