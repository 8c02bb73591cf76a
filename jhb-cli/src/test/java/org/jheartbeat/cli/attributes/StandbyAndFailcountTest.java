package org.jheartbeat.cli.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** crm_standby and crm_failcount on a saved CIB (CIB_file), with Pacemaker's output. */
class StandbyAndFailcountTest {

    @TempDir
    Path dir;

    private Path cib;
    private String out;
    private String err;

    @BeforeEach
    void copyTheCib() throws Exception {
        cib = dir.resolve("cib.xml");
        Files.copy(Path.of(getClass().getResource("/crmmon/running.xml").toURI()), cib);
    }

    private int run(CommandLine commandLine, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        commandLine.setOut(new PrintWriter(o));
        commandLine.setErr(new PrintWriter(e));
        int status = commandLine.execute(args);
        out = o.toString();
        err = e.toString();
        return status;
    }

    private int standby(String... args) {
        return run(CrmStandbyMain.commandLine(new CrmStandbyMain(Map.of("CIB_file", cib.toString()))), args);
    }

    private int failcount(String... args) {
        return run(CrmFailcountMain.commandLine(new CrmFailcountMain(Map.of("CIB_file", cib.toString()))), args);
    }

    @Test
    void standbyIsShownSetForEachLifetimeAndRemoved() throws Exception {
        assertThat(standby("-G", "-N", "node1")).isZero();
        assertThat(out).isEqualTo("scope=status  name=standby value=off\n");
        assertThat(standby("-G", "-N", "node3")).isZero();
        assertThat(out).isEqualTo("scope=nodes  name=standby value=on\n");
        assertThat(standby("-v", "on", "-N", "node1")).isZero();
        assertThat(Files.readString(cib)).contains("<nvpair id=\"nodes-node1-standby\" name=\"standby\" value=\"on\"/>");
        assertThat(standby("-v", "on", "-N", "node2", "-l", "reboot")).isZero();
        assertThat(standby("-G", "-N", "node2", "-q")).isZero();
        assertThat(out).isEqualTo("on\n");
        assertThat(standby("-D", "-N", "node1")).isZero();
        assertThat(standby("-G", "-N", "node1", "-q")).isZero();
        assertThat(out).isEqualTo("off\n");
    }

    @Test
    void standbyRefusesAnUnknownNodeOrValueAndChangesNothing() throws Exception {
        String before = Files.readString(cib);
        assertThat(standby("-v", "on", "-N", "node9")).isEqualTo(105);
        assertThat(err).contains("Could not map name=node9");
        assertThat(standby("-v", "maybe", "-N", "node1")).isEqualTo(64);
        assertThat(err).contains("-v takes on or off, not 'maybe'");
        assertThat(standby("-v", "on", "-N", "node1", "-l", "sometimes")).isEqualTo(64);
        assertThat(Files.readString(cib)).isEqualTo(before);
    }

    @Test
    void theFailcountIsTheSumOverOperationsAndResetRemovesIt() throws Exception {
        assertThat(failcount("-G", "-r", "d1", "-N", "node1")).isZero();
        assertThat(out).isEqualTo("scope=status  name=fail-count-d1 value=1\n");
        assertThat(failcount("-G", "-r", "d2", "-N", "node1", "-q")).isZero();
        assertThat(out).isEqualTo("0\n");
        assertThat(failcount("-D", "-r", "d1", "-N", "node1")).isZero();
        assertThat(Files.readString(cib)).doesNotContain("fail-count-d1").doesNotContain("last-failure-d1");
        assertThat(failcount("-G", "-r", "d1", "-N", "node9")).isEqualTo(105);
        assertThat(failcount("-G", "-N", "node1")).isEqualTo(64);
        assertThat(err).contains("--resource");
    }
}
