package org.jheartbeat.cli.cibadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jheartbeat.cib.diff.CibDiff;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibTemplate;
import org.jheartbeat.cib.xml.CibXml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** cibadmin on a CIB file (CIB_file), as Pacemaker's tools and our tests use it. */
class CibadminMainTest {

    private static final String PRIMITIVE = "<primitive id=\"ip01\" class=\"ocf\" provider=\"heartbeat\" "
            + "type=\"IPaddr2\"><instance_attributes id=\"ip01-ia\"><nvpair id=\"ip01-ip\" name=\"ip\" "
            + "value=\"127.0.0.9\"/></instance_attributes></primitive>";

    @TempDir
    Path dir;

    private Path cib;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void emptyCib() throws Exception {
        cib = dir.resolve("cib.xml");
        Files.writeString(cib, CibXml.toXml(CibTemplate.empty()));
    }

    private String stdin = "";

    private int run(String... args) {
        CommandLine line = CibadminMain.commandLine(new CibadminMain(Map.of(CibadminMain.CIB_FILE, cib.toString()),
                new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        return line.execute(args);
    }

    @Test
    void createThenQueryTheSection() throws Exception {
        assertThat(run("-C", "-o", "resources", "-X", PRIMITIVE)).isZero();
        assertThat(run("-Q", "-o", "resources")).isZero();

        assertThat(out.toString()).startsWith("<resources>").contains("<primitive id=\"ip01\"");
        assertThat(CibXml.parse(cib).version().epoch()).isEqualTo(CibTemplate.empty().version().epoch() + 1);
    }

    @Test
    void creatingAnExistingIdFailsWith108AndChangesNothing() throws Exception {
        run("-C", "-o", "resources", "-X", PRIMITIVE);
        String before = Files.readString(cib);

        assertThat(run("-C", "-o", "resources", "-X", PRIMITIVE)).isEqualTo(108);
        assertThat(err.toString()).contains("Call failed: Requested item already exists").contains("ip01");
        assertThat(Files.readString(cib)).isEqualTo(before);
    }

    @Test
    void anXpathThatFindsNothingFailsWith105() {
        assertThat(run("-Q", "--xpath", "//primitive[@id='nope']")).isEqualTo(105);
        assertThat(err.toString()).contains("Call failed: No such object");
    }

    @Test
    void modifyChangesAnAttributeByIdAndDeleteRemovesTheObject() throws Exception {
        run("-C", "-o", "resources", "-X", PRIMITIVE);

        assertThat(run("-M", "-X", "<nvpair id=\"ip01-ip\" value=\"127.0.0.10\"/>")).isZero();
        assertThat(Files.readString(cib)).contains("value=\"127.0.0.10\"");

        assertThat(run("-D", "-X", "<primitive id=\"ip01\"/>")).isZero();
        assertThat(Files.readString(cib)).doesNotContain("ip01");
    }

    @Test
    void eraseNeedsForce() throws Exception {
        run("-C", "-o", "resources", "-X", PRIMITIVE);

        assertThat(run("-E")).isEqualTo(107);
        assertThat(err.toString()).contains("--force");
        assertThat(Files.readString(cib)).contains("ip01");

        assertThat(run("-E", "--force")).isZero();
        assertThat(Files.readString(cib)).doesNotContain("ip01");
    }

    @Test
    void badInputIsAUsageErrorNamingTheProblem() {
        assertThat(run("-C", "-o", "resources", "-X", "<primitive id=")).isEqualTo(64);
        assertThat(err.toString()).contains("input");
        assertThat(run("-Q", "-C")).isEqualTo(64);
        assertThat(run("-C", "-o", "resources")).isEqualTo(64);
        assertThat(err.toString()).contains("-x FILE, -X STRING or -p");
    }

    @Test
    void aMissingCibFileIsNotConnected() throws Exception {
        Files.delete(cib);
        assertThat(run("-Q")).isEqualTo(102);
        assertThat(err.toString()).contains("cibadmin --empty");
    }

    @Test
    void emptyPrintsTheTemplate() throws Exception {
        assertThat(run("--empty")).isZero();
        assertThat(CibXml.parse(out.toString(), "output").version()).isEqualTo(CibTemplate.empty().version());
    }

    @Test
    void replaceBumpAndXpathDelete() throws Exception {
        run("-C", "-o", "resources", "-X", PRIMITIVE);
        long epoch = CibXml.parse(cib).version().epoch();

        assertThat(run("-R", "-X", PRIMITIVE.replace("IPaddr2", "IPaddr"))).isZero();
        assertThat(Files.readString(cib)).contains("type=\"IPaddr\"").doesNotContain("IPaddr2");
        assertThat(run("-B")).isZero();
        assertThat(CibXml.parse(cib).version().epoch()).isEqualTo(epoch + 2);
        assertThat(run("-D", "--xpath", "//nvpair[@id='ip01-ip']")).isZero();
        assertThat(Files.readString(cib)).doesNotContain("ip01-ip");
    }

    @Test
    void patchAppliesADiffAndRefusesOneForAnotherVersion() throws Exception {
        CibDocument before = CibXml.parse(cib);
        run("-C", "-o", "resources", "-X", PRIMITIVE);
        CibDocument after = CibXml.parse(cib);
        Path patch = dir.resolve("patch.xml");
        Files.writeString(patch, CibDiff.between(before, after).toXml());
        Files.writeString(cib, CibXml.toXml(before));

        assertThat(run("-P", "-x", patch.toString())).isZero();
        assertThat(CibXml.parse(cib).version()).isEqualTo(after.version());

        assertThat(run("-P", "-x", patch.toString())).isEqualTo(103);
        assertThat(err.toString()).contains("full copy");
    }

    @Test
    void upgradeConvertsTheHeartbeat21Form() throws Exception {
        Files.writeString(cib, "<cib admin_epoch=\"0\" epoch=\"3\" num_updates=\"0\"><configuration><crm_config/>"
                + "<nodes/><resources><primitive id=\"ip01\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr\">"
                + "<instance_attributes id=\"ia\"><attributes><nvpair id=\"ip\" name=\"ip\" value=\"127.0.0.9\"/>"
                + "</attributes></instance_attributes></primitive></resources><constraints/></configuration>"
                + "<status/></cib>");

        assertThat(run("--upgrade")).isZero();

        String upgraded = Files.readString(cib);
        assertThat(upgraded).doesNotContain("<attributes>").contains("validate-with=\"pacemaker-");
    }

    @Test
    void inputFromStandardInputAndTheLocalOptionAreTaken() throws Exception {
        stdin = PRIMITIVE;
        assertThat(run("-C", "-o", "resources", "-p", "-l")).isZero();
        assertThat(Files.readString(cib)).contains("ip01");

        assertThat(run("-C", "-o", "resources", "-p", "-X", PRIMITIVE)).isEqualTo(64);
        assertThat(err.toString()).contains("give the XML input once");
    }

    @Test
    void aMissingInputFileIs66() {
        assertThat(run("-C", "-o", "resources", "-x", dir.resolve("none.xml").toString())).isEqualTo(66);
        assertThat(err.toString()).contains("none.xml");
    }
}
