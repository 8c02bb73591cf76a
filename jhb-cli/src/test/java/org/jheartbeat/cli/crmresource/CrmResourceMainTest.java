package org.jheartbeat.cli.crmresource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.jheartbeat.lrm.catalog.InstalledAgents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** crm_resource's agent listings and meta-data on a host made by the test: an OCF root, init scripts, resource.d. */
class CrmResourceMainTest {

    @TempDir
    Path host;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws IOException {
        script("ocf/resource.d/acme/Web", "[ \"$1\" = meta-data ] && echo '<resource-agent name=\"Web\"/>'", "exit 0");
        script("ocf/resource.d/acme/Db", "exit 0");
        script("ocf/resource.d/heartbeat/Web", "exit 0");
        script("init.d/webd", "### BEGIN INIT INFO", "# Provides:          webd", "# Required-Start:    $network",
                "# Short-Description: the web daemon", "# Description:       serves pages", "#                    fast",
                "### END INIT INFO", "exit 0");
        script("resource.d/Addr", "exit 0");
        Files.writeString(host.resolve("init.d/README"), "not a script");
    }

    @Test
    void listsTheClassesTheLrmRuns() {
        assertThat(run("--list-standards")).isZero();
        assertThat(out.toString().lines()).containsExactly("ocf", "lsb", "heartbeat", "stonith");
    }

    @Test
    void listsProvidersAndTheirAgentsSorted() {
        assertThat(run("--list-ocf-providers")).isZero();
        assertThat(run("--list-agents", "ocf:acme")).isZero();
        assertThat(run("--list-agents", "ocf")).isZero();
        assertThat(out.toString().lines()).containsExactly("acme", "heartbeat", "Db", "Web", "Db", "Web");
    }

    @Test
    void listsInitAndHeartbeatScriptsButNotOtherFiles() {
        assertThat(run("--list-agents", "lsb")).isZero();
        assertThat(run("--list-agents", "heartbeat")).isZero();
        assertThat(out.toString().lines()).containsExactly("webd", "Addr");
    }

    @Test
    void anUnknownClassHasNoAgents() {
        assertThat(run("--list-agents", "upstart")).isEqualTo(1);
        assertThat(err.toString()).contains("No agents found for standard 'upstart'");
    }

    @Test
    void showsAnOcfAgentsOwnMetaData() {
        assertThat(run("--show-metadata", "ocf:acme:Web")).isZero();
        assertThat(out.toString()).isEqualTo("<resource-agent name=\"Web\"/>\n");
    }

    @Test
    void makesMetaDataForAnLsbScriptFromItsInitInfo() {
        assertThat(run("--show-metadata", "lsb:webd")).isZero();
        assertThat(out.toString()).contains("<resource-agent name=\"webd\"")
                .contains("<shortdesc lang=\"en\">the web daemon</shortdesc>")
                .contains("<longdesc lang=\"en\">serves pages fast</longdesc>")
                .contains("<Required-Start>$network</Required-Start>")
                .contains("<action name=\"monitor\" timeout=\"15s\" interval=\"15s\"/>");
    }

    @Test
    void makesMetaDataWithPositionalParametersForAHeartbeatScript() {
        assertThat(run("--show-metadata", "heartbeat:Addr")).isZero();
        assertThat(out.toString()).contains("<parameter name=\"1\"").contains("<parameter name=\"5\"");
    }

    @Test
    void aMissingAgentIsNoSuchObject() {
        assertThat(run("--show-metadata", "ocf:acme:Nope")).isEqualTo(105);
        assertThat(err.toString()).contains("Metadata query for ocf:acme:Nope failed");
    }

    @Test
    void aMalformedAgentNameIsBadUsage() {
        assertThat(run("--show-metadata", "Web")).isEqualTo(64);
        assertThat(err.toString()).contains("'Web' is not an agent: write ocf:PROVIDER:TYPE or CLASS:TYPE");
    }

    @Test
    void noQuestionIsBadUsage() {
        assertThat(run()).isEqualTo(64);
        assertThat(err.toString()).contains("give one command (--list, --locate");
    }

    private int run(String... args) {
        InstalledAgents agents = new InstalledAgents(host.resolve("ocf"), host.resolve("init.d"), host.resolve("resource.d"),
                List.of(host), Duration.ofSeconds(10));
        CommandLine commandLine = CrmResourceMain.commandLine(new CrmResourceMain(() -> agents));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private void script(String path, String... lines) throws IOException {
        Path file = host.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
