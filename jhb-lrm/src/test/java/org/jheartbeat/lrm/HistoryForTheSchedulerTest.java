package org.jheartbeat.lrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.policy.Scheduler;
import org.jheartbeat.testkit.Prerequisites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The history the LRM keeps, put into a CIB's status section, tells our scheduler what runs where. */
class HistoryForTheSchedulerTest {

    @TempDir
    Path dir;

    private RealLrm real;
    private LocalResourceManager lrm;
    private String state;

    @BeforeEach
    void setUp() throws Exception {
        Prerequisites.require(Files.isExecutable(Path.of("/usr/lib/ocf/resource.d/heartbeat/Dummy")),
                "resource-agents (ocf:heartbeat:Dummy)");
        state = dir.resolve("d1.state").toString();
        startLrm();
    }

    private void startLrm() throws Exception {
        real = RealLrm.ocf(dir.resolve("exec"), dir);
        lrm = real.lrm;
        lrm.register(new ResourceDefinition("d1", AgentId.parse("ocf:heartbeat:Dummy"), Map.of("state", state)))
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (real != null) {
            real.close();
        }
    }

    @Test
    void aProbedStoppedResourceIsStartedAndAStartedOneLeftAlone() throws Exception {
        run(OperationRequest.of("monitor", 0, 20_000));
        assertThat(summary()).singleElement().asString().contains("Start").contains("d1").contains("node1");

        run(OperationRequest.of("start", 0, 20_000));
        run(OperationRequest.of("monitor", 10_000, 20_000));
        assertThat(summary()).isEmpty();

        run(OperationRequest.of("stop", 0, 20_000));
        assertThat(summary()).singleElement().asString().contains("Start").contains("d1");
    }

    @Test
    void aFailedMonitorIsRecovered() throws Exception {
        run(OperationRequest.of("start", 0, 20_000));
        Files.delete(Path.of(state));
        run(OperationRequest.of("monitor", 10_000, 20_000));

        assertThat(summary()).singleElement().asString().contains("Recover").contains("d1");
    }

    @Test
    void afterARestartAProbeRebuildsTheHistoryOfWhatStillRuns() throws Exception {
        run(OperationRequest.of("start", 0, 20_000));
        real.close();
        startLrm();
        assertThat(lrm.history().get(10, TimeUnit.SECONDS).get(0).records()).isEmpty();

        run(OperationRequest.of("monitor", 0, 20_000));

        assertThat(summary()).as("running where the probe found it: nothing to start").isEmpty();
    }

    private void run(OperationRequest operation) throws Exception {
        lrm.execute("d1", operation).get(30, TimeUnit.SECONDS);
    }

    private List<String> summary() throws Exception {
        Document scratch = CibXml.newDocument();
        StringBuilder lrmResources = new StringBuilder();
        for (ResourceHistory history : lrm.history().get(10, TimeUnit.SECONDS)) {
            lrmResources.append(CibXml.toXml(HistoryXml.lrmResource(scratch, history, "node1")));
        }
        String cib = "<cib validate-with=\"pacemaker-3.9\" crm_feature_set=\"3.16.1\" epoch=\"1\" num_updates=\"0\""
                + " admin_epoch=\"0\" have-quorum=\"1\" dc-uuid=\"1\"><configuration><crm_config>"
                + "<cluster_property_set id=\"o\"><nvpair id=\"o-s\" name=\"stonith-enabled\" value=\"false\"/>"
                + "</cluster_property_set></crm_config><nodes><node id=\"1\" uname=\"node1\"/></nodes><resources>"
                + "<primitive id=\"d1\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\">"
                + "<instance_attributes id=\"d1-i\"><nvpair id=\"d1-s\" name=\"state\" value=\"" + state + "\"/>"
                + "</instance_attributes><operations><op id=\"d1-m\" name=\"monitor\" interval=\"10s\" timeout=\"20s\"/>"
                + "</operations></primitive></resources><constraints/></configuration><status>"
                + "<node_state id=\"1\" uname=\"node1\" in_ccm=\"true\" crmd=\"online\" join=\"member\""
                + " expected=\"member\"><lrm id=\"1\"><lrm_resources>" + lrmResources
                + "</lrm_resources></lrm></node_state></status></cib>";
        return Scheduler.schedule(CibXml.parse(cib, "test"), Instant.now()).summary();
    }

}
