package org.jheartbeat.lrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jheartbeat.testkit.Prerequisites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ocf:heartbeat:pgsql starting and stopping Debian's PostgreSQL: a throwaway data directory
 * owned by postgres, no TCP listener (a Unix socket in the test's directory on a test port).
 * Needs root: the agent switches to the postgres user itself.
 */
@Tag("root")
class PgsqlAgentTest {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final String PORT = "55439";

    @TempDir
    Path dir;

    private RealLrm real;
    private LocalResourceManager lrm;
    private Path pg;

    @BeforeEach
    void setUp() throws Exception {
        Prerequisites.require(Files.isExecutable(BIN.resolve("initdb")), "postgresql-15 (initdb)");
        Prerequisites.require(Files.isExecutable(Path.of("/usr/lib/ocf/resource.d/heartbeat/pgsql")),
                "resource-agents (ocf:heartbeat:pgsql)");
        Prerequisites.require("root".equals(System.getProperty("user.name")), "root (pgsql runs as postgres)");
        pg = dir.resolve("pg");
        Files.createDirectories(pg.resolve("sock"));
        command("chmod", "755", dir.toString());
        command("chown", "-R", "postgres:postgres", pg.toString());
        command("runuser", "-u", "postgres", "--", BIN.resolve("initdb").toString(), "-D", pg.resolve("data").toString(),
                "--locale=C", "-E", "UTF8", "--auth=trust");
        Files.writeString(pg.resolve("data/postgresql.conf"), "\nlisten_addresses = ''\nport = " + PORT
                + "\nunix_socket_directories = '" + pg.resolve("sock") + "'\n", StandardOpenOption.APPEND);
        real = RealLrm.ocf(dir.resolve("exec"), Files.createDirectory(dir.resolve("rsctmp")));
        lrm = real.lrm;
        lrm.register(new ResourceDefinition("pg1", AgentId.parse("ocf:heartbeat:pgsql"), Map.of(
                "pgctl", BIN.resolve("pg_ctl").toString(), "psql", BIN.resolve("psql").toString(),
                "pgdata", pg.resolve("data").toString(), "pgport", PORT, "socketdir", pg.resolve("sock").toString(),
                "logfile", pg.resolve("pg.log").toString()))).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (real != null) {
            lrm.execute("pg1", OperationRequest.of("stop", 0, 60_000)).get(90, TimeUnit.SECONDS);
            real.close();
        }
    }

    @Test
    void pgsqlStartsAServerThatAnswersAndStopsIt() throws Exception {
        assertThat(rc("validate-all")).isZero();
        assertThat(rc("monitor")).isEqualTo(OcfCodes.NOT_RUNNING);
        assertThat(rc("start")).isZero();
        assertThat(rc("monitor")).isZero();

        assertThat(psql("create table t (v int); insert into t values (42); select v from t;")).contains("42");

        assertThat(rc("stop")).isZero();
        assertThat(rc("monitor")).isEqualTo(OcfCodes.NOT_RUNNING);
        assertThat(rc("start")).isZero();
        assertThat(psql("select v from t;")).as("the row written before the restart").contains("42");
    }

    @Test
    void promotionWithoutReplicationIsAConfigurationError() throws Exception {
        assertThat(rc("promote")).isEqualTo(OcfCodes.ERR_CONFIGURED);
    }

    private int rc(String action) throws Exception {
        return lrm.execute("pg1", OperationRequest.of(action, 0, 60_000)).get(90, TimeUnit.SECONDS).rc();
    }

    private String psql(String sql) throws Exception {
        return command("runuser", "-u", "postgres", "--", BIN.resolve("psql").toString(), "-h", pg.resolve("sock").toString(),
                "-p", PORT, "-d", "postgres", "-At", "-c", sql);
    }

    private static String command(String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(args))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", args) + " failed: " + output);
        }
        return output;
    }
}
