package org.jheartbeat.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.policy.unpack.CibUnpacker;
import org.jheartbeat.testkit.FakeClock;
import org.junit.jupiter.api.Test;

/** Which device fences a node: host lists (static, the device's own, none), priority, and the next device after a failure. */
class FencerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ScriptedDevices devices = new ScriptedDevices();
    private final Fencer fencer = new Fencer(devices, new FakeClock());

    @Test
    void aStaticListChoosesTheDeviceThatNamesTheTarget() {
        devices.device("external/a", List.of(), true).device("external/b", List.of(), true);
        Fencer.Outcome outcome = fencer.fence(List.of(
                device("a", "external/a", Map.of("pcmk_host_list", "node1 node2")),
                device("b", "external/b", Map.of("pcmk_host_list", "node3,node4"))), "node4", "reboot", TIMEOUT).join();
        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.device()).isEqualTo("b");
        assertThat(devices.calls).containsExactly("external/b reset node4");
    }

    @Test
    void withoutAStaticListTheDeviceIsAskedWhichHostsItControls() {
        devices.device("external/pdu", List.of("node01", "node02"), true).device("external/other", List.of("node03"), true);
        Fencer.Outcome outcome = fencer.fence(List.of(device("other", "external/other", Map.of()),
                device("pdu", "external/pdu", Map.of())), "NODE02", "off", TIMEOUT).join();
        assertThat(outcome.device()).isEqualTo("pdu");
        assertThat(devices.calls).containsExactly("external/other hosts", "external/pdu hosts", "external/pdu off NODE02");
    }

    @Test
    void hostCheckNoneFencesAnyNode() {
        devices.device("null", List.of(), true);
        Fencer.Outcome outcome = fencer.fence(List.of(device("n", "null", Map.of("pcmk_host_check", "none"))),
                "anything", "reboot", TIMEOUT).join();
        assertThat(outcome.ok()).isTrue();
        assertThat(devices.calls).containsExactly("null reset anything");
    }

    @Test
    void theHighestPriorityIsTriedFirstAndAFailureFallsThroughToTheNext() {
        devices.device("external/broken", List.of("node1"), false).device("external/spare", List.of("node1"), true);
        Map<String, String> first = Map.of("priority", "10", "pcmk_host_check", "none");
        List<FenceDevice> ordered = FenceDevice.orderedByPriority(List.of(
                device("spare", "external/spare", Map.of("pcmk_host_check", "none")),
                device("broken", "external/broken", first)));
        Fencer.Outcome outcome = fencer.fence(ordered, "node1", "reboot", TIMEOUT).join();
        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.device()).isEqualTo("spare");
        assertThat(devices.calls).containsExactly("external/broken reset node1", "external/spare reset node1");
    }

    @Test
    void whenNoDeviceCanFenceTheTargetEachSaysWhy() {
        devices.device("external/pdu", List.of("node01"), true).device("external/down", List.of(), false);
        Fencer.Outcome outcome = fencer.fence(List.of(device("pdu", "external/pdu", Map.of()),
                device("static", "external/pdu", Map.of("pcmk_host_list", "node03")),
                device("odd", "external/pdu", Map.of("pcmk_host_check", "status")),
                device("gone", "external/missing", Map.of())), "node02", "reboot", TIMEOUT).join();
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.device()).isNull();
        assertThat(outcome.detail()).isEqualTo("pdu: cannot fence node02 (it controls node01); "
                + "static: cannot fence node02 (pcmk_host_list: node03); "
                + "odd: pcmk_host_check=status is not one of static-list, dynamic-list, none; "
                + "gone: its host list could not be read: stonith -t external/missing -E: S_OOPS (unknown device type "
                + "or other problem)");
        assertThat(devices.calls).noneMatch(call -> call.contains("reset"));
    }

    @Test
    void noDeviceAtAll() {
        Fencer.Outcome outcome = fencer.fence(List.of(), "node1", "reboot", TIMEOUT).join();
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.detail()).contains("no fencing device is configured");
    }

    @Test
    void devicesTravelToTheNodeThatRunsThemUnchanged() throws Exception {
        List<FenceDevice> sent = List.of(device("pdu", "external/netns-pdu", Map.of("pdu_host", "10.0.0.3",
                "pcmk_host_list", "a b", "odd", "<&\"'>")), device("n", "null", Map.of()));
        assertThat(FenceDevice.fromXml(FenceDevice.toXml(sent))).isEqualTo(sent);
    }

    @Test
    void theConfigurationsStonithPrimitivesAreTheDevicesExceptDisabledOnes() throws Exception {
        CibDocument cib = CibXml.parse("<cib epoch=\"1\" num_updates=\"0\" admin_epoch=\"0\"><configuration>"
                + "<crm_config/><nodes/><resources>"
                + "<primitive id=\"vip\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>"
                + "<primitive id=\"pdu\" class=\"stonith\" type=\"external/netns-pdu\"><instance_attributes id=\"pi\">"
                + "<nvpair id=\"pi-h\" name=\"pdu_host\" value=\"10.250.12.3\"/></instance_attributes></primitive>"
                + "<primitive id=\"first\" class=\"stonith\" type=\"null\"><instance_attributes id=\"fi\">"
                + "<nvpair id=\"fi-p\" name=\"priority\" value=\"5\"/></instance_attributes></primitive>"
                + "<primitive id=\"off\" class=\"stonith\" type=\"null\"><meta_attributes id=\"om\">"
                + "<nvpair id=\"om-t\" name=\"target-role\" value=\"Stopped\"/></meta_attributes></primitive>"
                + "</resources><constraints/></configuration><status/></cib>", "test");
        List<FenceDevice> configured = FenceDevice.configured(CibUnpacker.unpack(cib, Instant.EPOCH));
        assertThat(configured).extracting(FenceDevice::id).containsExactly("first", "pdu");
        assertThat(configured.get(1).parameters()).containsEntry("pdu_host", "10.250.12.3");
        assertThat(configured.get(1).hostCheck()).isEqualTo(FenceDevice.DYNAMIC_LIST);
    }

    private static FenceDevice device(String id, String type, Map<String, String> parameters) {
        return new FenceDevice(id, type, parameters);
    }
}
