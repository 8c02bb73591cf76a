package org.jheartbeat.policy.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.policy.model.Cluster;
import org.junit.jupiter.api.Test;

/** id-ref elements stand for the configuration element they name. */
class IdRefTest {

    @Test
    void aResourceReadsTheMetaAttributesAnotherOneDefines() throws Exception {
        String cib = """
                <cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
                  <configuration>
                    <crm_config/>
                    <nodes><node id="1" uname="n1"/></nodes>
                    <resources>
                      <primitive id="first" class="ocf" provider="heartbeat" type="Dummy">
                        <meta_attributes id="shared">
                          <nvpair id="shared-stickiness" name="resource-stickiness" value="42"/>
                        </meta_attributes>
                      </primitive>
                      <primitive id="second" class="ocf" provider="heartbeat" type="Dummy">
                        <meta_attributes id-ref="shared"/>
                      </primitive>
                    </resources>
                    <constraints/>
                  </configuration>
                  <status/>
                </cib>
                """;
        Cluster cluster = CibUnpacker.unpack(CibXml.parse(cib, "id-ref"), Instant.EPOCH);

        assertThat(cluster.primitivesById().get("second").stickiness()).isEqualTo(42);
    }
}
