package org.jheartbeat.cib.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.jheartbeat.cib.xml.CibXml;
import org.junit.jupiter.api.Test;

class CibTemplateTest {

    @Test
    void theEmptyCibIsWhatPacemakersCibadminEmptyPrints() {
        assertThat(CibXml.toXml(CibTemplate.empty())).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
                  <configuration>
                    <crm_config/>
                    <nodes/>
                    <resources/>
                    <constraints/>
                  </configuration>
                  <status/>
                </cib>
                """);
    }

    @Test
    void itsVersionIsBelowAnyEditedCib() {
        CibDocument empty = CibTemplate.empty();

        assertThat(empty.version()).isEqualTo(new CibVersion(0, 1, 0));
        assertThat(new CibVersion(0, 2, 0).isNewerThan(empty.version())).isTrue();
    }

    @Test
    void eachCallGivesADocumentOfItsOwn() {
        CibDocument first = CibTemplate.empty();
        first.root().setAttribute("epoch", "9");

        assertThat(CibTemplate.empty().version().epoch()).isEqualTo(1);
    }
}
