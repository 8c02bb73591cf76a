package org.jheartbeat.cli.lrmadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** lrmadmin's own checks of its command line, and a daemon that is not there; nothing reaches a daemon. */
class LrmAdminMainTest {

    @TempDir
    Path state;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void noCommandIsBadUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("give exactly one of -A, -D, -E, -K, -L, -I");
    }

    @Test
    void twoCommandsAreBadUsage() {
        assertThat(run("-L", "-D", "d1")).isEqualTo(2);
        assertThat(err.toString()).contains("give exactly one of");
    }

    @Test
    void aTimeoutThatIsNoNumberIsNamed() {
        assertThat(run("-E", "d1", "start", "20s", "0", "EVERYTIME")).isEqualTo(2);
        assertThat(err.toString()).contains("timeout '20s' must be a whole number of milliseconds");
    }

    @Test
    void anUnknownTargetIsNamed() {
        assertThat(run("-E", "d1", "start", "20000", "0", "ALWAYS")).isEqualTo(2);
        assertThat(err.toString()).contains("target_rc 'ALWAYS' must be a number, EVERYTIME or CHANGED");
    }

    @Test
    void aParameterWithoutAValueIsNamed() {
        assertThat(run("-A", "d1", "ocf", "Dummy", "heartbeat", "state")).isEqualTo(2);
        assertThat(err.toString()).contains("parameter 'state' must be written NAME=VALUE");
    }

    @Test
    void aDaemonThatIsNotRunningIsSaid() {
        assertThat(run("-L")).isEqualTo(1);
        assertThat(err.toString()).contains("ERROR:").contains(state.toString());
        assertThat(out.toString()).isEmpty();
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--state-dir", state.toString(), "--config-dir", state.toString()));
        all.addAll(List.of(args));
        CommandLine commandLine = LrmAdminMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(all.toArray(new String[0]));
    }
}
