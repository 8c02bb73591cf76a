package org.jheartbeat.cli.crmsimulate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.policy.Scheduler;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.unpack.DateExpressions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crm_simulate}: runs the scheduler on a CIB and shows what the cluster would do. */
@Command(name = "crm_simulate", usageHelpAutoWidth = true,
        description = "Show what the cluster would do with a given CIB (placement and transition).")
public final class CrmSimulateMain implements Callable<Integer> {

    @Option(names = {"-x", "--xml-file"}, paramLabel = "FILE", description = "Read the CIB from this file.")
    Path xmlFile;

    @Option(names = {"-S", "--simulate"}, description = "Simulate the transition's execution and show the resulting cluster status.")
    boolean simulate;

    @Option(names = {"-Q", "--quiet"}, description = "Do not show the current cluster status.")
    boolean quiet;

    @Option(names = {"-t", "--set-datetime"}, paramLabel = "DATETIME", description = "Evaluate rules at this date and time (ISO 8601).")
    String dateTime;

    @CommandLine.Parameters(paramLabel = "TIME", arity = "0..1", description = "The time part of --set-datetime when given as a separate word.")
    String dateTimeRest;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        System.exit(new CommandLine(new CrmSimulateMain()).setOut(out).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (xmlFile == null) {
            System.err.println("crm_simulate: no input: give -x FILE");
            return 64;
        }
        CibDocument cib;
        try {
            cib = CibXml.parse(xmlFile);
        } catch (CibParseException e) {
            System.err.println("crm_simulate: " + e.getMessage());
            return 65;
        }
        Instant now = Instant.now();
        if (dateTime != null && dateTimeRest != null) {
            dateTime = dateTime + " " + dateTimeRest;
        } else if (dateTimeRest != null) {
            System.err.println("crm_simulate: unexpected argument " + dateTimeRest);
            return 64;
        }
        if (dateTime != null) {
            var parsed = DateExpressions.parse(dateTime);
            if (parsed == null) {
                System.err.println("crm_simulate: --set-datetime " + dateTime + ": not an ISO 8601 date");
                return 64;
            }
            now = parsed.toInstant(ZoneOffset.UTC);
        }
        Transition t = Scheduler.schedule(cib, now);
        StringBuilder sb = new StringBuilder();
        sb.append("Transition Summary:\n");
        for (String line : t.summary()) {
            sb.append("  * ").append(line).append('\n');
        }
        sb.append('\n');
        System.out.print(sb);
        return 0;
    }
}
