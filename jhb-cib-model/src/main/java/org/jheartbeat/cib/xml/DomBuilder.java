package org.jheartbeat.cib.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Builds the DOM from SAX events, marking each element with the line its start tag opens on.
 * Whitespace-only text is indentation, not content, and is dropped; comments are kept.
 */
final class DomBuilder extends DefaultHandler2 {

    private final Document document;
    private final SourceText source;
    private final Deque<Node> open = new ArrayDeque<>();
    private final StringBuilder pendingText = new StringBuilder();
    private Locator locator;

    DomBuilder(Document document, SourceText source) {
        this.document = document;
        this.source = source;
        open.push(document);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        flushText();
        Element element = uri == null || uri.isEmpty()
                ? document.createElementNS(null, qName)
                : document.createElementNS(uri, qName);
        List<String> order = new ArrayList<>(attributes.getLength());
        for (int i = 0; i < attributes.getLength(); i++) {
            String name = attributes.getQName(i);
            String attributeUri = attributes.getURI(i);
            if (name.equals("xmlns") || name.startsWith("xmlns:")) {
                attributeUri = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;
            }
            element.setAttributeNS(attributeUri == null || attributeUri.isEmpty() ? null : attributeUri,
                    name, attributes.getValue(i));
            order.add(name);
        }
        NodeMarks.markLine(element, source.tagStartLine(locator.getLineNumber(), locator.getColumnNumber()));
        NodeMarks.markAttributeOrder(element, order);
        open.peek().appendChild(element);
        open.push(element);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        flushText();
        open.pop();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        pendingText.append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        // indentation between elements: not part of the CIB
    }

    @Override
    public void comment(char[] ch, int start, int length) {
        flushText();
        open.peek().appendChild(document.createComment(new String(ch, start, length)));
    }

    @Override
    public void processingInstruction(String target, String data) {
        flushText();
        open.peek().appendChild(document.createProcessingInstruction(target, data));
    }

    private void flushText() {
        if (pendingText.isEmpty()) {
            return;
        }
        String text = pendingText.toString();
        pendingText.setLength(0);
        if (!text.isBlank() && open.peek() instanceof Element parent) {
            parent.appendChild(document.createTextNode(text));
        }
    }
}
