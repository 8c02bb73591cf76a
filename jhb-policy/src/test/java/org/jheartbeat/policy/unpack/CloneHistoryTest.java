package org.jheartbeat.policy.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.junit.jupiter.api.Test;

/** History recorded under an anonymous clone's primitive id lands on that clone's instances. */
class CloneHistoryTest {

    private static final String CIB = """
            <cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0" have-quorum="1">
              <configuration>
                <crm_config><cluster_property_set id="o">
                  <nvpair id="o-stonith" name="stonith-enabled" value="false"/>
                </cluster_property_set></crm_config>
                <nodes><node id="1" uname="n1"/><node id="2" uname="n2"/><node id="3" uname="n3"/></nodes>
                <resources>
                  <primitive id="solo" class="ocf" provider="heartbeat" type="Dummy"/>
                  <clone id="cl-a"><primitive id="a" class="ocf" provider="heartbeat" type="Dummy"/></clone>
                  <clone id="cl-b"><primitive id="b" class="ocf" provider="heartbeat" type="Dummy"/></clone>
                </resources>
                <constraints/>
              </configuration>
              <status>
                <node_state id="1" uname="n1" in_ccm="true" crmd="online" join="member" expected="member">
                  <lrm id="1"><lrm_resources>%s%s</lrm_resources></lrm>
                </node_state>
                <node_state id="2" uname="n2" in_ccm="true" crmd="online" join="member" expected="member">
                  <lrm id="2"><lrm_resources>%s</lrm_resources></lrm>
                </node_state>
                <node_state id="3" uname="n3" in_ccm="true" crmd="online" join="member" expected="member">
                  <lrm id="3"><lrm_resources>%s</lrm_resources></lrm>
                </node_state>
              </status>
            </cib>
            """.formatted(started("a"), started("solo"), started("a"), started("b"));

    private static String started(String id) {
        return """
                <lrm_resource id="%1$s" class="ocf" provider="heartbeat" type="Dummy">
                  <lrm_rsc_op id="%1$s_last_0" operation="start" call-id="2" rc-code="0" op-status="0" interval="0"
                    transition-key="1:1:0:x"/>
                </lrm_resource>""".formatted(id);
    }

    @Test
    void eachNodesHistoryGoesToItsOwnInstanceOfTheCloneThatHasThePrimitive() throws Exception {
        Cluster cluster = CibUnpacker.unpack(CibXml.parse(CIB, "clone-history"), Instant.EPOCH);

        assertThat(activeInstances(cluster, "cl-a")).containsExactly("a:0 on n1", "a:1 on n2");
        assertThat(activeInstances(cluster, "cl-b")).containsExactly("b:0 on n3");
        assertThat(cluster.primitivesById().get("solo").active()).containsOnlyKeys(cluster.node("n1"));
    }

    private static List<String> activeInstances(Cluster cluster, String cloneId) {
        List<String> out = new ArrayList<>();
        for (Resource instance : ((Clone) cluster.resources().get(cloneId)).children()) {
            for (Primitive p : instance.primitives()) {
                p.active().keySet().forEach(n -> out.add(p.id() + " on " + n.name()));
            }
        }
        return out;
    }
}
