package org.jheartbeat.cib.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jheartbeat.cib.model.CibParseException;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Our scanner against the JDK's parser (Xerces, namespace-aware, no DTD) on the same text: both
 * accept it or both refuse it, and what both accept gives equal documents (whitespace-only text
 * aside, which the CIB's DOM does not keep), except names that start with ':', which only the
 * JDK's parser accepts. The texts are small documents with markup,
 * references, line ends and namespaces, then cut and spliced at random places.
 */
class XmlScannerDifferentialTest {

    /** Content that is well-formed wherever it goes inside an element. */
    private static final List<String> CONTENT = List.of("<a></a>", "<b x=\"1\"/>", "<b x='v' y=\"w\">t</b>",
            "<c:d xmlns:c=\"urn:c\"><c:i/></c:d>", "<e xmlns=\"urn:e\"><f/></e>", "<g c:h=\"1\" xmlns:c=\"urn:c\"/>",
            "text", " ", "\n", "\r\n", "\r", "\t", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#65;", "&#x42;",
            "&#x1F600;", "<!-- c -->", "<!---->", "<![CDATA[ <x> & ]]>", "<![CDATA[]]>", "]", "<?pi data?>", "<?pi?>",
            "<a b=\"\n\t\r\n\"/>", "<a b=\"&#10;&#9;&#13;\"/>", "<a b=\"&lt;&amp;&quot;\" c='\"'/>", "\u00e9",
            "\u30af", "\uD83D\uDE00", "<\u00e9l\u00e9ment/>", "<x y = 'z' />", "<a></a >", "<a xml:lang=\"en\"/>",
            "<p:q xmlns:p=\"urn:p\" p:s=\"1\" s=\"2\"/>", "<q xmlns:p=\"urn:p\"><p:r p:s=\"1\"/></q>");
    /** Pieces that break most documents, alone or next to others. */
    private static final List<String> BREAKING = List.of("<a>", "</a>", "</b>", "&#0;", "&#xD800;", "&nope;", "&",
            "&#;", "<!-- a--b -->", "<!--->", "]]>", "<?xml version=\"1.0\"?>", "<?XmL x?>", "<!DOCTYPE a>", "<", ">",
            "\"", "'", "=", "/", "<a b=\"<\"/>", "<a b=\"&\"/>", "<a b=\"x\" b=\"y\"/>", "<a:b/>",
            "<a xmlns:p=\"\"/>", "\u0001", "\uFFFE", "\uDE00", "<1a/>", "<x/ >", "< x/>", "</ a>",
            "<p:q xmlns:p=\"urn:p\" xmlns:r=\"urn:p\" p:s=\"1\" r:s=\"2\"/>", "<xmlns:x/>",
            "<a xmlns:xml=\"urn:other\"/>", "<a xmlns:xmlns=\"urn:x\"/>", "<a xmlns=\"http://www.w3.org/2000/xmlns/\"/>",
            "<p:a:b xmlns:p=\"urn:p\"/>", "<a p:=\"1\"/>", "<!-- c --->", "<a xmlns:=\"urn:a\"/>", "<a xmlns:p:q=\"urn:a\"/>", "<r:/>");

    /** A name that starts with ':' (after '<', '</' or white space), which only the JDK's parser accepts. */
    private static final Pattern LEADING_COLON = Pattern.compile("[<\\s/]:");

    @Property(tries = 3000)
    void acceptsWhatTheJdkAcceptsAndBuildsTheSameDocument(@ForAll("documents") String text) throws Exception {
        Assume.that(!LEADING_COLON.matcher(text).find());
        Document jdk = jdkParse(text);
        Document ours = oursParse(text);
        net.jqwik.api.statistics.Statistics.collect(jdk != null ? "accepted" : "refused");

        assertThat(ours != null).as("accepted by us (and by the JDK: %s): %s", jdk != null, printable(text))
                .isEqualTo(jdk != null);
        if (jdk != null) {
            dropBlankText(jdk);
            jdk.normalizeDocument();
            assertThat(ours.isEqualNode(jdk)).as("same document: %s\nours: %s\njdk: %s", printable(text),
                    CibXml.toXml(ours.getDocumentElement()), CibXml.toXml(jdk.getDocumentElement())).isTrue();
        }
    }

    @Example
    void theXmlDeclarationIsCheckedAsTheJdkChecksIt() throws Exception {
        for (String text : List.of("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<a/>",
                "<?xml version='1.0'?><a/>", "<?xml version=\"1.0\" standalone=\"no\" ?><a/>")) {
            assertThat(jdkParse(text)).as(text).isNotNull();
            assertThat(oursParse(text)).as(text).isNotNull();
        }
        for (String text : List.of("<?xml encoding=\"UTF-8\"?><a/>", "<?xml version=\"1.0\" standalone=\"yes\""
                + " encoding=\"UTF-8\"?><a/>", "<?xml version=\"1.0\"encoding=\"UTF-8\"?><a/>", " <?xml version=\"1.0\"?><a/>")) {
            assertThat(jdkParse(text)).as(text).isNull();
            assertThat(oursParse(text)).as(text).isNull();
        }
    }

    @Example
    void aNameStartingWithAColonIsRefusedWhereTheJdkTookItAsUnprefixed() throws Exception {
        String text = "<a :s=\"1\" s=\"2\"/>";

        assertThat(jdkParse(text)).as("the JDK's parser accepts it (and keeps one of the two)").isNotNull();
        assertThat(oursParse(text)).isNull();
        assertThat(oursParse("<:a/>")).isNull();
    }

    @Example
    void aByteOrderMarkBeforeTheTextIsSkipped() {
        // The JDK's parser refuses it in a string (it skips it only in bytes); text read from a file
        // without decoding it as XML (cibadmin --xml-text, a pipe) may still carry it.
        assertThat(oursParse("\uFEFF<?xml version='1.0'?><a/>")).isNotNull();
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, Arbitraries.of(CONTENT)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(BREAKING)));
        Arbitrary<String> body = piece.list().ofMaxSize(8).map(pieces -> String.join("", pieces));
        Arbitrary<String> whole = Combinators.combine(body, body, Arbitraries.of(List.of("", "<?xml version=\"1.0\"?>\n",
                "<!-- before -->", " \n"))).as((inner, after, prolog) -> prolog + "<root k=\"v\">" + inner + "</root>"
                + (after.length() % 3 == 0 ? after : ""));
        return Combinators.combine(whole, Arbitraries.integers().between(0, 1000), piece,
                Arbitraries.integers().between(0, 5)).as((text, at, inserted, mutation) -> {
                    int cut = at % (text.length() + 1);
                    return switch (mutation) {
                        case 3 -> text.substring(0, cut) + inserted + text.substring(cut);
                        case 4 -> text.substring(0, cut);
                        case 5 -> text.substring(0, cut) + text.substring(Math.min(text.length(), cut + 1 + at % 5));
                        default -> text;
                    };
                });
    }

    private static Document oursParse(String text) {
        try {
            return CibXml.parseElement(text, "input").getOwnerDocument();
        } catch (CibParseException refused) {
            return null;
        }
    }

    private static Document jdkParse(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setCoalescing(true);
        factory.setExpandEntityReferences(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void warning(org.xml.sax.SAXParseException e) {
                // warnings do not refuse the text
            }
        });
        if (text.isBlank()) {
            return null;
        }
        try {
            return builder.parse(new InputSource(new StringReader(text)));
        } catch (org.xml.sax.SAXException refused) {
            return null;
        }
    }

    private static void dropBlankText(Node parent) {
        List<Node> blank = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE && child.getNodeValue().isBlank()) {
                blank.add(child);
            } else {
                dropBlankText(child);
            }
        }
        blank.forEach(parent::removeChild);
    }

    private static String printable(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
