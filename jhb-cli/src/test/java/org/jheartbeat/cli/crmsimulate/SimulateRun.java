package org.jheartbeat.cli.crmsimulate;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine;

/** One crm_simulate run inside the test JVM: its exit status, stdout and stderr. */
record SimulateRun(int exitCode, String out, String err) {

    static final Instant NOW = Instant.parse("2024-01-31T10:00:00Z");

    static SimulateRun run(Map<String, String> env, String stdin, String... args) {
        return execute(new CrmSimulateMain(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                () -> NOW), args);
    }

    static SimulateRun run(String... args) {
        return run(Map.of(), "", args);
    }

    /** A run as the command's main method makes it: the file of -x read and parsed ahead. */
    static SimulateRun runLoadingEarly(String... args) {
        return execute(new CrmSimulateMain(Map.of(), new ByteArrayInputStream(new byte[0]), () -> NOW)
                .loadingEarly(args), args);
    }

    private static SimulateRun execute(CrmSimulateMain main, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CrmSimulateMain.commandLine(main);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new SimulateRun(exitCode, out.toString(), err.toString());
    }

    /** A CIB of the test resources, by file name. */
    static Path cib(String name) {
        try {
            return Path.of(SimulateRun.class.getResource("/crmsimulate/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String[] TITLES = {"Current cluster status", "Performing Requested Modifications",
        "Transition Summary", "Executing Cluster Transition", "Revised Cluster Status"};

    /** One section's text without its title, up to the next section (its empty line left off). */
    String section(String title) {
        int start = out.indexOf(title + ":\n");
        if (start < 0) {
            return null;
        }
        int from = start + title.length() + 2;
        int end = out.length();
        for (String next : TITLES) {
            int at = out.indexOf("\n" + next + ":\n", from - 1);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String text = out.substring(from, end);
        return text.endsWith("\n\n") ? text.substring(0, text.length() - 1) : text;
    }
}
