package org.jheartbeat.cib.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class CibXmlTest {

    private static final String SMALL = """
            <?xml version="1.0"?>
            <cib epoch="3" admin_epoch="0" num_updates="1">
              <configuration>
                <crm_config/>
                <nodes>
                  <node id="n1"
                        uname="node01"
                        type="normal"/>
                </nodes>
                <resources>
                  <primitive id="ip01" class="ocf" provider="heartbeat" type="IPaddr">
                  </primitive>
                </resources>
                <constraints/>
              </configuration>
              <status/>
            </cib>
            """;

    @Test
    void everyElementCarriesTheLineItsStartTagOpensOn() throws Exception {
        CibDocument cib = CibXml.parse(SMALL, "cib.xml");

        assertThat(CibDocument.lineOf(cib.root())).isEqualTo(2);
        assertThat(CibDocument.lineOf(element(cib, "configuration"))).isEqualTo(3);
        assertThat(CibDocument.lineOf(element(cib, "node"))).as("a tag spread over three lines").isEqualTo(6);
        assertThat(CibDocument.lineOf(element(cib, "primitive"))).isEqualTo(11);
        assertThat(CibDocument.lineOf(element(cib, "status"))).isEqualTo(16);
    }

    @Test
    void linesAreCountedAcrossCarriageReturnLineEnds() throws Exception {
        CibDocument cib = CibXml.parse("<cib>\r\n<configuration>\r\n<nodes\r\n/></configuration></cib>", "input");

        assertThat(CibDocument.lineOf(element(cib, "nodes"))).isEqualTo(3);
    }

    @Test
    void indentationIsNotKeptAsText() throws Exception {
        CibDocument cib = CibXml.parse(SMALL, "cib.xml");

        Node first = cib.root().getFirstChild();
        assertThat(first.getNodeType()).isEqualTo(Node.ELEMENT_NODE);
        assertThat(element(cib, "primitive").hasChildNodes()).isFalse();
        assertThat(cib.version().toString()).isEqualTo("0.3.1");
    }

    @Test
    void writesTwoSpaceIndentedTextWithAttributesInTheirParsedOrder() throws Exception {
        CibDocument cib = CibXml.parse(SMALL, "cib.xml");

        assertThat(CibXml.toXml(cib)).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <cib epoch="3" admin_epoch="0" num_updates="1">
                  <configuration>
                    <crm_config/>
                    <nodes>
                      <node id="n1" uname="node01" type="normal"/>
                    </nodes>
                    <resources>
                      <primitive id="ip01" class="ocf" provider="heartbeat" type="IPaddr"/>
                    </resources>
                    <constraints/>
                  </configuration>
                  <status/>
                </cib>
                """);
    }

    @Test
    void anElementIsWrittenWithoutHeaderAndAddedAttributesFollowTheParsedOnes() throws Exception {
        Element primitive = element(CibXml.parse(SMALL, "cib.xml"), "primitive");
        primitive.setAttribute("description", "virtual IP");
        primitive.setAttribute("a-first-by-name", "x");

        assertThat(CibXml.toXml(primitive)).isEqualTo(
                "<primitive id=\"ip01\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr\""
                        + " a-first-by-name=\"x\" description=\"virtual IP\"/>\n");
    }

    @Test
    void specialCharactersCommentsAndTextSurviveARoundTrip() throws Exception {
        String text = "<cib><!-- edited by hand --><configuration><crm_config>"
                + "<nvpair id=\"a\" name=\"n\" value=\"&lt;&amp;&quot;&gt;&#10;tab&#9;\"/></crm_config>"
                + "<description> keep  my spaces &amp; &lt;tags&gt; </description>"
                + "<mixed>text <b>bold</b> tail</mixed></configuration></cib>";
        CibDocument cib = CibXml.parse(text, "input");

        String written = CibXml.toXml(cib);
        CibDocument again = CibXml.parse(written, "input");

        assertThat(again.dom().isEqualNode(cib.dom())).as(written).isTrue();
        assertThat(written).contains("  <!-- edited by hand -->\n")
                .contains("<description> keep  my spaces &amp; &lt;tags&gt; </description>")
                .contains("<mixed>text <b>bold</b> tail</mixed>");
    }

    @Test
    void aCopyKeepsLineNumbersAndAttributeOrderAndIsIndependent() throws Exception {
        CibDocument cib = CibXml.parse(SMALL, "cib.xml");

        Document copy = CibXml.copy(cib.dom());
        Element copiedNode = (Element) copy.getElementsByTagName("node").item(0);
        copiedNode.setAttribute("uname", "changed");

        assertThat(CibDocument.lineOf(copiedNode)).isEqualTo(6);
        assertThat(CibXml.toXml(copiedNode)).isEqualTo("<node id=\"n1\" uname=\"changed\" type=\"normal\"/>\n");
        assertThat(element(cib, "node").getAttribute("uname")).isEqualTo("node01");
    }

    @Test
    void readsAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cib.xml");
        Files.writeString(file, SMALL);
        assertThat(CibXml.parse(file).version().epoch()).isEqualTo(3);

        Files.writeString(file, "<cib>\n  <configuration>\n</cib>\n");
        assertThatThrownBy(() -> CibXml.parse(file))
                .isInstanceOf(CibParseException.class)
                .hasMessageStartingWith(file + ":3:")
                .hasMessageContaining("not well-formed")
                .hasMessageContaining("configuration");
    }

    @Test
    void readsAStreamInTheEncodingItsDeclarationNames() throws Exception {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<cib><configuration><x v=\"caf\u00e9\"/></configuration></cib>"
                .getBytes(StandardCharsets.ISO_8859_1);

        CibDocument cib = CibXml.parse(new ByteArrayInputStream(latin1), "stdin");

        assertThat(element(cib, "x").getAttribute("v")).isEqualTo("caf\u00e9");
        assertThat(CibDocument.lineOf(element(cib, "x"))).isEqualTo(2);
    }

    @Test
    void aDifferentRootIsRefusedWithTheCibShapeAsRemedy() {
        assertThatThrownBy(() -> CibXml.parse("\n<configuration/>", "input"))
                .isInstanceOf(CibParseException.class)
                .hasMessage("input:2: the root element is <configuration>, a CIB starts with <cib>. give a whole CIB"
                        + " (<cib ...><configuration>...</configuration><status/></cib>), or use the section option (-o)"
                        + " for a part of one");
    }

    @Test
    void aDoctypeIsRefusedSoNoExternalEntityIsEverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "do-not-read");
        String text = "<?xml version=\"1.0\"?>\n<!DOCTYPE cib [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n<cib>&x;</cib>";

        assertThatThrownBy(() -> CibXml.parse(text, "input"))
                .isInstanceOf(CibParseException.class)
                .hasMessageStartingWith("input:2:")
                .hasMessageContaining("a DOCTYPE declaration is not allowed in a CIB")
                .hasMessageContaining("remove the <!DOCTYPE ...> declaration")
                .hasMessageNotContaining("do-not-read");
    }

    @Test
    void emptyAndCutShortInputAreNamedAsSuch() {
        assertThatThrownBy(() -> CibXml.parse("  \n", "input"))
                .hasMessage("input: the input is empty. give the CIB's XML text (a file, -X STRING or standard input)");
        assertThatThrownBy(() -> CibXml.parse("<cib>\n<configuration>", "cib.xml"))
                .hasMessageStartingWith("cib.xml:2:")
                .hasMessageContaining("the XML ends before every element is closed")
                .hasMessageContaining("check the file is complete");
    }

    @Test
    void anUndeclaredEntityOrBadAttributeIsReportedWithLineAndColumn() {
        assertThatThrownBy(() -> CibXml.parse("<cib>\n  <nodes a=\"1\" a=\"2\"/></cib>", "input"))
                .isInstanceOf(CibParseException.class)
                .satisfies(e -> {
                    CibParseException parse = (CibParseException) e;
                    assertThat(parse.line()).isEqualTo(2);
                    assertThat(parse.column()).isPositive();
                })
                .hasMessageContaining("not well-formed: ")
                .hasMessageContaining("\"a\"")
                .hasMessageContaining("xmllint --noout");
    }

    @Test
    void anAttributeGivenTwiceIsFoundAlsoWhenTheTagStartsLikeTheOneBefore() {
        // The second <op> starts with the first one's names (read by comparing bytes), then
        // leaves its shape and repeats one of them.
        String text = "<cib><ops><op id=\"a\" name=\"start\" interval=\"0\"/>"
                + "<op id=\"b\" name=\"stop\" timeout=\"20\" name=\"again\"/></ops></cib>";
        assertThatThrownBy(() -> CibXml.parse(text, "input"))
                .isInstanceOf(CibParseException.class)
                .hasMessageContaining("the attribute \"name\" is given twice in <op>");
        assertThatThrownBy(() -> CibXml.parseWithCompactHistory(text.replace("<ops>", "<status><node_state><lrm>")
                .replace("</ops>", "</lrm></node_state></status>"), "input"))
                .isInstanceOf(CibParseException.class)
                .hasMessageContaining("the attribute \"name\" is given twice in <op>");
    }

    @Test
    void tagsOfOneElementNameWithOtherAttributesReadAsWritten() throws Exception {
        CibDocument cib = CibXml.parse("<cib><ops><op id=\"a\" name=\"start\"/><op id=\"b\" names=\"x\"/>"
                + "<op id=\"c\"/><op name=\"stop\" id=\"d\"/><op id=\"e\" name=\"monitor\"/></ops></cib>", "input");

        assertThat(CibXml.toXml(element(cib, "ops"))).isEqualTo("""
                <ops>
                  <op id="a" name="start"/>
                  <op id="b" names="x"/>
                  <op id="c"/>
                  <op name="stop" id="d"/>
                  <op id="e" name="monitor"/>
                </ops>
                """);
    }

    @Test
    void aFragmentMayHaveAnyRoot() throws Exception {
        Element primitive = CibXml.parseElement("<primitive id=\"ip01\" class=\"ocf\"/>", "-X");

        assertThat(primitive.getTagName()).isEqualTo("primitive");
        assertThat(CibDocument.lineOf(primitive)).isEqualTo(1);
    }

    private static Element element(CibDocument cib, String tag) {
        return (Element) cib.dom().getElementsByTagName(tag).item(0);
    }
}
