package org.jheartbeat.cli.crmverify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jheartbeat.cib.verify.AgentCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmVerifyOptionsTest {

    private static final String VALID = "<cib validate-with=\"pacemaker-3.9\" admin_epoch=\"0\" epoch=\"1\" num_updates=\"0\"><configuration><crm_config/>"
            + "<nodes/><resources><primitive id=\"a\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/></resources>"
            + "<constraints/></configuration><status/></cib>";
    private static final String MISSING_RSC = VALID.replace("<constraints/>",
            "<constraints><rsc_location id=\"loc\" rsc=\"b\" node=\"n1\" score=\"5\"/></constraints>");

    @TempDir
    Path dir;

    @Test
    void checksTextGivenWithCapitalX() {
        CrmVerifyRun run = CrmVerifyRun.run("-X", MISSING_RSC);

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains("error: input:1: rsc_location 'loc': rsc=\"b\" names no resource");
    }

    @Test
    void checksStandardInputWithP() {
        CrmVerifyRun run = CrmVerifyRun.run(Map.of(), MISSING_RSC, AgentCatalog.TRUSTING, "-p");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains("error: stdin:1: rsc_location 'loc'");
    }

    @Test
    void emptyStandardInputIsNoInput() {
        CrmVerifyRun run = CrmVerifyRun.run(Map.of(), "", AgentCatalog.TRUSTING, "--xml-pipe");

        assertThat(run.exitCode()).isEqualTo(66);
        assertThat(run.err()).isEqualTo("crm_verify: stdin: nothing was piped in. Pipe a CIB, for example cibadmin -Q | crm_verify -p\n");
    }

    @Test
    void readsTheFileNamedByCibFileWithoutX() throws IOException {
        Path cib = Files.writeString(dir.resolve("cib.xml"), VALID);

        CrmVerifyRun run = CrmVerifyRun.run(Map.of("CIB_file", cib.toString()), "", AgentCatalog.TRUSTING, "-VV");

        assertThat(run.err()).isEqualTo("crm_verify: " + cib + ": configuration is valid\n");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aValidConfigurationPrintsNothing() {
        CrmVerifyRun run = CrmVerifyRun.run("--xml-text", VALID);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingFileIsNamedWithNoInputStatus() {
        Path missing = dir.resolve("nope.xml");

        CrmVerifyRun run = CrmVerifyRun.run("-x", missing.toString());

        assertThat(run.exitCode()).isEqualTo(66);
        assertThat(run.err()).startsWith("crm_verify: " + missing + ": no such file. Check the path");
    }

    @Test
    void xmlThatIsNotWellFormedNamesLineAndColumn() throws IOException {
        Path cib = Files.writeString(dir.resolve("broken.xml"), "<cib>\n  <configuration>\n    <nodes x=\"1></nodes>\n</cib>\n");

        CrmVerifyRun run = CrmVerifyRun.run("-x", cib.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("crm_verify: " + cib + ":3:");
    }

    @Test
    void noDataSourceIsAUsageError() {
        CrmVerifyRun run = CrmVerifyRun.run();

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).startsWith("crm_verify: no configuration source given: use -x FILE, -X XML, -p (stdin) or set CIB_file");
    }

    @Test
    void twoDataSourcesAreAUsageError() {
        CrmVerifyRun run = CrmVerifyRun.run("-X", VALID, "-p");

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).startsWith("crm_verify: choose one data source, not -X and -p");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CrmVerifyRun run = CrmVerifyRun.run("--bogus");

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).startsWith("crm_verify: Unknown option: '--bogus'");
    }

    @Test
    void liveCheckWithoutADaemonSaysWhy() {
        CrmVerifyRun run = CrmVerifyRun.run("-L", "--state-dir", "/nonexistent-jhb-state");

        assertThat(run.exitCode()).isEqualTo(102);
        assertThat(run.err()).startsWith("crm_verify: cannot read the live CIB: ")
                .contains("not running").endsWith("Start heartbeat, or check a file with -x FILE\n");
    }

    @Test
    void warningsNeedVerboseToBeShownButStillFailTheCheck() {
        String clamped = VALID.replace("<constraints/>",
                "<constraints><rsc_location id=\"loc\" rsc=\"a\" node=\"n1\" score=\"2000000\"/></constraints>")
                .replace("<nodes/>", "<nodes><node id=\"1\" uname=\"n1\"/></nodes>");

        CrmVerifyRun quietRun = CrmVerifyRun.run("-X", clamped);
        CrmVerifyRun verboseRun = CrmVerifyRun.run("-X", clamped, "-V");

        assertThat(quietRun.err()).isEqualTo("crm_verify: Warnings found during check: config may not be valid\n"
                + "-V may provide more details\n");
        assertThat(verboseRun.err()).startsWith("warning: input:1: rsc_location 'loc': score=\"2000000\" is beyond +/-1000000")
                .endsWith("crm_verify: Warnings found during check: config may not be valid\n");
        assertThat(quietRun.exitCode()).isEqualTo(78);
        assertThat(verboseRun.exitCode()).isEqualTo(78);
    }

    @Test
    void quietPrintsNothingAndKeepsTheStatus() {
        CrmVerifyRun run = CrmVerifyRun.run("-q", "-X", MISSING_RSC);

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).isEmpty();
    }
}
