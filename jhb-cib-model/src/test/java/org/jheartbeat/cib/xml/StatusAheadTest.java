package org.jheartbeat.cib.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.model.CompactContent;
import org.jheartbeat.cib.model.CompactElement;
import org.jheartbeat.cib.model.CompactNode;
import org.jheartbeat.cib.model.ElementMarks;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The later part of a large status section parsed on a thread of its own: the document, its
 * lines and attribute orders are those of a parse on one thread, and where the part cannot be
 * taken (a guess inside a comment, a namespace, an error) the text is read as without it.
 */
class StatusAheadTest {

    @Test
    void thePartIsTakenAndTheDocumentIsThatOfOneThread() throws Exception {
        String text = cib(8, "\n", "");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Document document = CibXml.newDocument();
        DomBuilder builder = new DomBuilder(document, true);
        StatusAhead ahead = StatusAhead.start(bytes, 0, "cib.xml", builder);
        assertThat(ahead).as("a text of %d bytes is split", bytes.length).isNotNull();
        assertThat(text.substring(ahead.at())).startsWith("<node_state ");
        List<XmlScanner.Ended> taken = new ArrayList<>();
        XmlScanner.Handoff recorded = new XmlScanner.Handoff() {
            @Override
            public int at() {
                return ahead.at();
            }

            @Override
            public XmlScanner.Ended take(int line, int lineStart) {
                XmlScanner.Ended ended = ahead.take(line, lineStart);
                taken.add(ended);
                return ended;
            }
        };

        XmlScanner.scan(bytes, 0, "cib.xml", builder, recorded);

        assertThat(taken).hasSize(1).doesNotContainNull();
        assertThat(text.substring(taken.get(0).pos())).startsWith("</status>");
        assertSameAsOneThread(CibDocument.of(document), text);
    }

    @Test
    void linesCountEveryKindOfLineEnd() throws Exception {
        assertSameAsOneThread(CibXml.parseWithCompactHistory(cib(8, "\r\n", ""), "cib.xml"), cib(8, "\r\n", ""));
        assertSameAsOneThread(CibXml.parseWithCompactHistory(cib(8, "\r", ""), "cib.xml"), cib(8, "\r", ""));
    }

    @Test
    void aNodeStateInACommentWhereThePartWouldStartIsReadAsText() throws Exception {
        String padding = "<!-- " + "x".repeat(3 << 20) + " <node_state id=\"commented\"> -->";
        String text = cib(2, "\n", padding);

        assertSameAsOneThread(CibXml.parseWithCompactHistory(text, "cib.xml"), text);
    }

    @Test
    void underANamespaceTheTextIsReadOnOneThread() throws Exception {
        String text = cib(8, "\n", "").replace("<cib ", "<cib xmlns:x=\"urn:x\" ");

        assertSameAsOneThread(CibXml.parseWithCompactHistory(text, "cib.xml"), text);
    }

    @Test
    void anErrorInThePartIsReportedAsOnOneThread() {
        String text = cib(8, "\n", "");
        int last = text.lastIndexOf("<lrm_rsc_op ");
        String broken = text.substring(0, last) + "<lrm_rsc_op id=\"a\" id=\"b\"/>" + text.substring(last);

        Throwable split = catchThrowable(() -> CibXml.parseWithCompactHistory(broken, "cib.xml"));
        Throwable whole = catchThrowable(() -> CibXml.parse(broken, "cib.xml"));

        assertThat(split).isInstanceOf(CibParseException.class).hasMessage(whole.getMessage());
        assertThat(split.getMessage()).contains("given twice");
    }

    @Test
    void aSmallTextIsNotSplit() {
        byte[] small = cib(1, "\n", "").getBytes(StandardCharsets.UTF_8);

        assertThat(StatusAhead.start(small, 0, "cib.xml", new DomBuilder(CibXml.newDocument(), true))).isNull();
    }

    /** {@code nodes} node states of 600 resources' history each (about 1 MB), with these line ends; {@code between} after the first. */
    private static String cib(int nodes, String lineEnd, String between) {
        StringBuilder text = new StringBuilder("<?xml version=\"1.0\"?>\n<cib epoch=\"1\" num_updates=\"0\" admin_epoch=\"0\">\n"
                + "  <configuration><crm_config/><nodes/><resources/><constraints/></configuration>\n  <status>\n");
        for (int n = 1; n <= nodes; n++) {
            text.append("    <node_state id=\"").append(n).append("\" uname=\"node").append(n).append("\" crmd=\"online\">\n")
                    .append("      <transient_attributes id=\"").append(n).append("\"><instance_attributes id=\"s").append(n)
                    .append("\"><nvpair id=\"s").append(n).append("-a\" name=\"a\" value=\"1\"/></instance_attributes>")
                    .append("</transient_attributes>\n      <lrm id=\"").append(n).append("\">\n        <lrm_resources>\n");
            for (int r = 0; r < 600; r++) {
                text.append("          <lrm_resource id=\"r").append(r).append("\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\">\n")
                        .append("            <!-- r").append(r).append(" -->\n");
                for (String op : List.of("start_0", "monitor_10000", "stop_0")) {
                    text.append("            <lrm_rsc_op id=\"r").append(r).append('_').append(op)
                            .append("\" operation_key=\"r").append(r).append('_').append(op)
                            .append("\" rc-code=\"0\" op-status=\"0\" interval=\"0\" call-id=\"").append(r)
                            .append("\" op-digest=\"f2317cad3d54cec5d7d7aa7d0bf35cf8\" exit-reason=\"\"\n")
                            .append("                last-rc-change=\"1700000000\" exec-time=\"10\" queue-time=\"0\"/>\n");
                }
                text.append("          </lrm_resource>\n");
            }
            text.append("        </lrm_resources>\n      </lrm>\n    </node_state>\n");
            if (n == 1) {
                text.append(between);
            }
        }
        return text.append("  </status>\n</cib>\n").toString().replace("\n", lineEnd);
    }

    /** The same text written, and every element on the same line with its attributes in the same order, as a whole DOM. */
    private static void assertSameAsOneThread(CibDocument compact, String text) throws Exception {
        CibDocument whole = CibXml.parse(text, "cib.xml");
        assertThat(CibXml.toXml(compact)).isEqualTo(CibXml.toXml(whole));
        List<String> expected = new ArrayList<>();
        marksOf(whole.root(), expected);
        List<String> actual = new ArrayList<>();
        marksOf(compact.root(), actual);
        assertThat(actual).hasSize(expected.size()).isEqualTo(expected);
    }

    private static void marksOf(Element element, List<String> into) {
        into.add(element.getTagName() + "@" + ElementMarks.lineOf(element) + ElementMarks.attributeOrderOf(element));
        CompactContent content = CompactContent.of(element);
        if (content != null) {
            content.nodes().forEach(node -> compactMarksOf(node, into));
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                marksOf(e, into);
            }
        }
    }

    private static void compactMarksOf(CompactNode node, List<String> into) {
        if (node instanceof CompactElement element) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < element.attributeCount(); i++) {
                names.add(element.attributeName(i));
            }
            into.add(element.tag() + "@" + element.line() + names);
            element.children().forEach(child -> compactMarksOf(child, into));
        }
    }
}
