package org.jheartbeat.cib.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jheartbeat.cib.xml.CibXml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ElementMarksTest {

    /** A CIB whose status holds {@code count} operation records, one a line from line 5 on. */
    private static String manyRecords(int count) {
        StringBuilder text = new StringBuilder("<cib validate-with=\"pacemaker-3.9\">\n<configuration/>\n<status>\n"
                + "<lrm_resource id=\"r\">\n");
        for (int i = 0; i < count; i++) {
            text.append("<lrm_rsc_op operation=\"start\" id=\"op").append(i).append("\" call-id=\"").append(i)
                    .append("\"/>\n");
        }
        return text.append("</lrm_resource>\n</status>\n</cib>\n").toString();
    }

    @Test
    void everyElementOfALargeDocumentKeepsItsLineAndAttributeOrder() throws Exception {
        CibDocument cib = CibXml.parse(manyRecords(5000), "cib.xml");

        NodeList records = cib.dom().getElementsByTagName("lrm_rsc_op");
        assertThat(records.getLength()).isEqualTo(5000);
        for (int i = 0; i < records.getLength(); i++) {
            Element record = (Element) records.item(i);
            assertThat(CibDocument.lineOf(record)).as("record %d", i).isEqualTo(5 + i);
            assertThat(ElementMarks.attributeOrderOf(record)).containsExactly("operation", "id", "call-id");
        }
        assertThat(CibDocument.lineOf(cib.root())).isEqualTo(1);
    }

    @Test
    void elementsMadeInCodeHaveNoMarks() throws Exception {
        CibDocument cib = CibXml.parse(manyRecords(3), "cib.xml");

        Element made = cib.dom().createElementNS(null, "lrm_rsc_op");
        cib.root().appendChild(made);

        assertThat(CibDocument.lineOf(made)).isZero();
        assertThat(ElementMarks.attributeOrderOf(made)).isEmpty();
        assertThat(CibDocument.lineOf(CibXml.newDocument().createElementNS(null, "cib"))).isZero();
    }

    @Test
    void carryingWithoutLinesKeepsOnlyTheAttributeOrder() throws Exception {
        CibDocument cib = CibXml.parse(manyRecords(2), "update");
        Element record = (Element) cib.dom().getElementsByTagName("lrm_rsc_op").item(1);
        Document target = CibXml.newDocument();

        Element imported = (Element) target.importNode(record, true);
        ElementMarks.carry(record, imported, false);

        assertThat(CibDocument.lineOf(imported)).isZero();
        assertThat(ElementMarks.attributeOrderOf(imported)).isEqualTo(List.of("operation", "id", "call-id"));
    }
}
