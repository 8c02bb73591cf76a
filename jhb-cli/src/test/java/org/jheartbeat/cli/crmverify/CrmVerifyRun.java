package org.jheartbeat.cli.crmverify;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jheartbeat.cib.verify.AgentCatalog;
import picocli.CommandLine;

/** One crm_verify run inside the test JVM: its exit status, stdout and stderr. */
record CrmVerifyRun(int exitCode, String out, String err) {

    static CrmVerifyRun run(Map<String, String> env, String stdin, AgentCatalog agents, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CrmVerifyMain.commandLine(
                new CrmVerifyMain(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), () -> agents));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new CrmVerifyRun(exitCode, out.toString(), err.toString());
    }

    static CrmVerifyRun run(String... args) {
        return run(Map.of(), "", AgentCatalog.TRUSTING, args);
    }
}
