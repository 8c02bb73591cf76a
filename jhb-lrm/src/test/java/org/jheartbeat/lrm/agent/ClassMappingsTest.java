package org.jheartbeat.lrm.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.jheartbeat.lrm.AgentId;
import org.jheartbeat.lrm.OcfCodes;
import org.jheartbeat.lrm.OperationRequest;
import org.jheartbeat.lrm.ResourceDefinition;
import org.junit.jupiter.api.Test;

class ClassMappingsTest {

    @Test
    void ocfCodesOutsideTheSpecBecomeGenericErrors() {
        assertThat(OcfCodes.normalize(0)).isZero();
        assertThat(OcfCodes.normalize(9)).isEqualTo(9);
        assertThat(OcfCodes.normalize(190)).isEqualTo(190);
        assertThat(OcfCodes.normalize(191)).isEqualTo(191);
        assertThat(OcfCodes.normalize(10)).isEqualTo(1);
        assertThat(OcfCodes.normalize(42)).isEqualTo(1);
        assertThat(OcfCodes.normalize(137)).isEqualTo(1);
        assertThat(OcfCodes.normalize(-1)).isEqualTo(1);
    }

    @Test
    void lsbStatusCodesMeanRunningStoppedOrBroken() {
        assertThat(LsbClass.statusCode(0)).isEqualTo(OcfCodes.SUCCESS);
        assertThat(LsbClass.statusCode(1)).isEqualTo(OcfCodes.NOT_RUNNING);
        assertThat(LsbClass.statusCode(2)).isEqualTo(OcfCodes.NOT_RUNNING);
        assertThat(LsbClass.statusCode(3)).isEqualTo(OcfCodes.NOT_RUNNING);
        assertThat(LsbClass.statusCode(4)).isEqualTo(OcfCodes.ERR_GENERIC);
        assertThat(LsbClass.statusCode(150)).isEqualTo(OcfCodes.ERR_INSTALLED);
        assertThat(LsbClass.statusCode(151)).isEqualTo(OcfCodes.ERR_PERM);
        assertThat(LsbClass.actionCode(6)).isEqualTo(6);
        assertThat(LsbClass.actionCode(8)).isEqualTo(OcfCodes.ERR_GENERIC);
    }

    @Test
    void heartbeatStatusIsReadFromTheWords() {
        assertThat(HeartbeatClass.statusFromOutput("INFO:  Running OK\n")).isEqualTo(OcfCodes.SUCCESS);
        assertThat(HeartbeatClass.statusFromOutput("apache is running")).isEqualTo(OcfCodes.SUCCESS);
        assertThat(HeartbeatClass.statusFromOutput("INFO:  Resource is stopped")).isEqualTo(OcfCodes.NOT_RUNNING);
        assertThat(HeartbeatClass.statusFromOutput("Xinetd is NOT running")).isEqualTo(OcfCodes.NOT_RUNNING);
        assertThat(HeartbeatClass.statusFromOutput("ok")).isEqualTo(OcfCodes.NOT_RUNNING);
        assertThat(HeartbeatClass.statusFromOutput("")).isEqualTo(OcfCodes.NOT_RUNNING);
    }

    @Test
    void heartbeatArgumentsAreTheNumberedAttributesInOrder() {
        ResourceDefinition rsc = new ResourceDefinition("ip", AgentId.parse("heartbeat:IPaddr2"),
                Map.of("2", "eth0", "1", "10.0.0.1/24", "4", "ignored"));

        assertThat(HeartbeatClass.positional(rsc)).containsExactly("10.0.0.1/24", "eth0");
    }

    @Test
    void theExitReasonIsTheLastPrefixedLineCutAt128() {
        assertThat(ExitReason.from("log\nocf-exit-reason:first\nmore\nocf-exit-reason: second \n")).isEqualTo("second");
        assertThat(ExitReason.from("no reason here\n")).isNull();
        assertThat(ExitReason.from("ocf-exit-reason:" + "x".repeat(300))).hasSize(128);
    }

    @Test
    void ocfEnvironmentHasTheInstanceTheParametersAndBothNamesOfPromotionMeta() {
        OcfClass ocf = new OcfClass(new AgentEnvironment(Path.of("/usr/lib/ocf"), Path.of("/run/ra"),
                Path.of("/opt/jhb/tools"), Path.of("/srv/node1/state")), null);
        ResourceDefinition rsc = new ResourceDefinition("db:1", AgentId.parse("ocf:heartbeat:pgsql"),
                Map.of("pgport", "5433", "empty", ""));
        OperationRequest op = new OperationRequest("notify", 0, 90_000,
                Map.of("promoted_max", "1", "notify_promoted_uname", "node01", "notify_slave_uname", "node02"),
                Map.of("OCF_CHECK_LEVEL", "10"), null);

        Map<String, String> env = ocf.variables(rsc, op);

        assertThat(env).containsEntry("OCF_ROOT", "/usr/lib/ocf")
                .containsEntry("OCF_RA_VERSION_MAJOR", "1")
                .containsEntry("OCF_RESOURCE_INSTANCE", "db:1")
                .containsEntry("OCF_RESOURCE_TYPE", "pgsql")
                .containsEntry("OCF_RESOURCE_PROVIDER", "heartbeat")
                .containsEntry("OCF_RESKEY_pgport", "5433")
                .containsEntry("OCF_RESKEY_empty", "")
                .containsEntry("OCF_RESKEY_OCF_CHECK_LEVEL", "10")
                .containsEntry("OCF_RESKEY_CRM_meta_timeout", "90000")
                .containsEntry("OCF_RESKEY_CRM_meta_interval", "0")
                .containsEntry("OCF_RESKEY_CRM_meta_promoted_max", "1")
                .containsEntry("OCF_RESKEY_CRM_meta_master_max", "1")
                .containsEntry("OCF_RESKEY_CRM_meta_notify_master_uname", "node01")
                .containsEntry("OCF_RESKEY_CRM_meta_notify_unpromoted_uname", "node02")
                .containsEntry("HA_RSCTMP", "/run/ra")
                .containsEntry("HA_SBIN_DIR", "/opt/jhb/tools")
                .containsEntry("HA_STATE_DIR", "/srv/node1/state")
                .containsEntry("PATH", "/opt/jhb/tools:/usr/sbin:/usr/bin:/sbin:/bin")
                .containsEntry("OCF_RESKEY_crm_feature_set", AgentEnvironment.FEATURE_SET)
                .doesNotContainKey("HOME");
    }

    @Test
    void agentNamesAreReadAsCrmResourceWritesThem() {
        assertThat(AgentId.parse("ocf:heartbeat:IPaddr2")).isEqualTo(new AgentId("ocf", "heartbeat", "IPaddr2"));
        assertThat(AgentId.parse("stonith:external/ssh")).isEqualTo(new AgentId("stonith", null, "external/ssh"));
        assertThat(AgentId.parse("lsb:postgresql").toString()).isEqualTo("lsb:postgresql");
    }

    @Test
    void badAgentNamesAreRefusedWithWhatToWrite() {
        assertThatThrownBy(() -> AgentId.parse("Dummy"))
                .hasMessageContaining("write class:provider:type");
        assertThatThrownBy(() -> AgentId.parse("ocf:Dummy"))
                .hasMessageContaining("needs a provider");
        assertThatThrownBy(() -> AgentId.parse("ocf:heartbeat:../../bin/sh"))
                .hasMessageContaining("may not name a path");
        assertThatThrownBy(() -> AgentId.parse("lsb:../x"))
                .hasMessageContaining("may not name a path");
    }
}
