package org.jheartbeat.cib.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.model.CompactContent;
import org.jheartbeat.cib.model.ElementMarks;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads and writes CIB text. Parsing ({@link XmlScanner}) refuses a DTD, so no external entity
 * is ever loaded (a CIB has no use for them and they are how XML input reaches files and the
 * network); every element
 * remembers the line its start tag opens on ({@link CibDocument#lineOf}) and the order of its
 * attributes ({@link ElementMarks}). Writing is stable:
 * the same DOM always gives the same text, and that text parses back to an equal DOM.
 */
public final class CibXml {

    private static final String ROOT = "cib";
    private static final String INPUT = "input";

    private CibXml() {
    }

    /** Parses a whole CIB from text; {@code sourceName} (a file name or "input") starts every error message. */
    public static CibDocument parse(String text, String sourceName) throws CibParseException {
        return asCib(parseDocument(Utf8Text.of(text), sourceName, false), sourceName);
    }

    /** Parses a whole CIB from its bytes, in the encoding its XML declaration names (UTF-8 by default). */
    public static CibDocument parse(byte[] bytes, String sourceName) throws CibParseException {
        return asCib(parseDocument(Utf8Text.decode(bytes), sourceName, false), sourceName);
    }

    public static CibDocument parse(Path file) throws CibParseException, IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    public static CibDocument parse(InputStream in, String sourceName) throws CibParseException, IOException {
        return parse(in.readAllBytes(), sourceName);
    }

    /**
     * Parses a whole CIB for the scheduler: as {@link #parse(byte[], String)}, but each node's
     * operation history (the content of every {@code node_state}'s {@code <lrm>}) is held in
     * compact form ({@link CompactContent}) instead of as DOM: a tenth of the memory and a
     * fraction of the time for a large status section. Only code that reads the history through
     * {@link CompactContent} sees it; {@link #toXml(CibDocument)} writes it as usual. The later
     * part of a large status section is parsed on a second thread ({@link StatusAhead}).
     */
    public static CibDocument parseWithCompactHistory(byte[] bytes, String sourceName) throws CibParseException {
        return asCib(parseDocument(Utf8Text.decode(bytes), sourceName, true), sourceName);
    }

    /** {@link #parseWithCompactHistory(byte[], String)} of text. */
    public static CibDocument parseWithCompactHistory(String text, String sourceName) throws CibParseException {
        return asCib(parseDocument(Utf8Text.of(text), sourceName, true), sourceName);
    }

    /** {@link #parseWithCompactHistory(byte[], String)} of a file. */
    public static CibDocument parseWithCompactHistory(Path file) throws CibParseException, IOException {
        return parseWithCompactHistory(Files.readAllBytes(file), file.toString());
    }

    /**
     * Parses one piece of a CIB, as {@code cibadmin -X '<primitive .../>'} gives it: any root
     * element is accepted. The element belongs to a document of its own.
     */
    public static Element parseElement(String text, String sourceName) throws CibParseException {
        return parseDocument(Utf8Text.of(text), sourceName, false).getDocumentElement();
    }

    /** The whole document, with an {@code <?xml ...?>} header, ending in a newline. */
    public static String toXml(CibDocument document) {
        XmlWriter writer = new XmlWriter();
        for (Node child = document.dom().getFirstChild(); child != null; child = child.getNextSibling()) {
            writer.writeNode(child, 0);
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + writer.written();
    }

    /** One element and its content, without a header, ending in a newline. */
    public static String toXml(Element element) {
        XmlWriter writer = new XmlWriter();
        writer.writeNode(element, 0);
        return writer.written();
    }

    /**
     * A deep copy that operations may change; line numbers and attribute order come along.
     */
    public static Document copy(Document document) {
        Document copy = newDocument();
        for (Node child = document.getFirstChild(); child != null; child = child.getNextSibling()) {
            copy.appendChild(copy.importNode(child, true));
        }
        ElementMarks.carry(document, copy, true);
        return copy;
    }

    /**
     * An empty DOM document for building CIB content in code. Create elements and attributes
     * with {@code createElementNS(null, name)} / {@code setAttributeNS(null, name, value)}, as
     * the parser does, so that built and parsed nodes compare equal ({@code isEqualNode}).
     * The JDK's own implementation, not one looked up: the look-up reads every jar on the class
     * path for a service file each time, 30-250 ms of a crm_simulate run before its parse starts.
     */
    public static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM implementation is not available", e);
        }
    }

    private static CibDocument asCib(Document document, String sourceName) throws CibParseException {
        Element root = document.getDocumentElement();
        if (!ROOT.equals(root.getTagName())) {
            throw new CibParseException(sourceName, CibDocument.lineOf(root), 0,
                    "the root element is <" + root.getTagName() + ">, a CIB starts with <cib>",
                    "give a whole CIB (<cib ...><configuration>...</configuration><status/></cib>)"
                            + ", or use the section option (-o) for a part of one");
        }
        return CibDocument.of(document);
    }

    private static Document parseDocument(Utf8Text text, String sourceName, boolean compactHistory)
            throws CibParseException {
        String name = sourceName == null || sourceName.isEmpty() ? INPUT : sourceName;
        if (text.isBlank()) {
            throw new CibParseException(name, 0, 0, "the input is empty",
                    "give the CIB's XML text (a file, -X STRING or standard input)");
        }
        Document document = newDocument();
        DomBuilder builder = new DomBuilder(document, compactHistory);
        StatusAhead ahead = compactHistory ? StatusAhead.start(text.bytes(), text.offset(), name, builder) : null;
        XmlScanner.scan(text.bytes(), text.offset(), name, builder, ahead);
        // The scanner has checked every name; checks stay on for whoever edits the DOM later.
        document.setStrictErrorChecking(true);
        return document;
    }

    /** Text for element content, escaped as this writer writes it. */
    public static String escapeText(String text) {
        return XmlWriter.escapeText(text);
    }

    /** An attribute value for between double quotes, escaped as this writer writes it. */
    public static String escapeAttribute(String value) {
        return XmlWriter.escapeAttribute(value);
    }
}
