package org.jheartbeat.cib.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import org.jheartbeat.cib.model.CompactContent;
import org.jheartbeat.cib.model.CompactElement;
import org.jheartbeat.cib.model.CompactNode;
import org.jheartbeat.cib.model.CompactText;
import org.jheartbeat.cib.model.ElementMarks;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Builds the DOM from SAX events, marking each element with the line its start tag opens on and
 * its attribute order ({@link ElementMarks}). Whitespace-only text is indentation, not content,
 * and is dropped; comments are kept.
 *
 * <p>A large CIB is mostly a status section of thousands of alike operation records, so the
 * builder shares what repeats: one list per distinct attribute order, and one string per
 * recently seen attribute value (node names, digests, return codes...), which keeps the DOM
 * about a third smaller. The DOM's own checks of names are off while it builds, as the
 * parser has checked them.
 *
 * <p>With {@code compactHistory} the content of each node's {@code <lrm>} (its operation
 * history) is built in compact form instead ({@link CompactContent}), the {@code <lrm>} element
 * itself staying in the DOM: the attribute names of the records are shared the same way.
 */
final class DomBuilder extends DefaultHandler2 {

    /** Recently seen attribute values, by hash: a direct-mapped cache, so it costs no look-up chains. */
    private static final int VALUE_CACHE_SIZE = 4096;
    /** Longer values (transition keys, ids) are rarely repeated and cost more to compare; a digest is 32 characters. */
    private static final int LONGEST_SHARED_VALUE = 32;

    private final Document document;
    private final SourceText source;
    private final ElementMarks marks;
    private final boolean compactHistory;
    private final Map<List<String>, List<String>> attributeOrders = new HashMap<>();
    private final Map<List<String>, String[]> attributeNames = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private final String[] recentValues = new String[VALUE_CACHE_SIZE];
    private final Deque<Node> open = new ArrayDeque<>();
    private final StringBuilder pendingText = new StringBuilder();
    /** The compact content being built while inside an {@code <lrm>}, else null. */
    private CompactContent history;
    /** The compact elements open inside {@link #history}, innermost first. */
    private final Deque<CompactElement> openInHistory = new ArrayDeque<>();
    private Locator locator;

    DomBuilder(Document document, SourceText source, boolean compactHistory) {
        this.document = document;
        this.source = source;
        this.compactHistory = compactHistory;
        this.marks = ElementMarks.of(document);
        document.setStrictErrorChecking(false);
        open.push(document);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        flushText();
        if (history != null) {
            startInHistory(qName, attributes);
            return;
        }
        Element element = uri == null || uri.isEmpty()
                ? document.createElementNS(null, qName)
                : document.createElementNS(uri, qName);
        order.clear();
        for (int i = 0; i < attributes.getLength(); i++) {
            String name = attributes.getQName(i);
            String attributeUri = attributes.getURI(i);
            if (name.equals("xmlns") || name.startsWith("xmlns:")) {
                attributeUri = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;
            }
            // What setAttributeNS does, less its search for an attribute of that name to replace
            // (a walk over the element's attributes; the parser has ruled out duplicates).
            Attr attribute = document.createAttributeNS(
                    attributeUri == null || attributeUri.isEmpty() ? null : attributeUri, name);
            attribute.setNodeValue(shared(attributes.getValue(i)));
            element.setAttributeNodeNS(attribute);
            order.add(name);
        }
        marks.mark(element, startLine(), sharedOrder());
        Node parent = open.peek();
        parent.appendChild(element);
        open.push(element);
        if (compactHistory && qName.equals("lrm") && parent instanceof Element state
                && state.getTagName().equals("node_state")) {
            history = CompactContent.hold(element);
        }
    }

    /** An element inside an {@code <lrm>} held compactly. */
    private void startInHistory(String qName, Attributes attributes) {
        order.clear();
        String[] values = new String[attributes.getLength()];
        for (int i = 0; i < values.length; i++) {
            order.add(attributes.getQName(i));
            values[i] = shared(attributes.getValue(i));
        }
        String[] names = attributeNames.get(order);
        if (names == null) {
            names = order.toArray(new String[0]);
            attributeNames.put(List.copyOf(order), names);
        }
        CompactElement element = new CompactElement(qName, names, values, startLine());
        appendInHistory(element);
        openInHistory.push(element);
    }

    private void appendInHistory(CompactNode node) {
        if (openInHistory.isEmpty()) {
            history.append(node);
        } else {
            openInHistory.peek().append(node);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        flushText();
        if (history != null) {
            if (!openInHistory.isEmpty()) {
                openInHistory.pop();
                return;
            }
            history = null; // the <lrm> itself ends
        }
        open.pop();
    }

    private int startLine() {
        return source.tagStartLine(locator.getLineNumber(), locator.getColumnNumber());
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
        String text = new String(ch, start, length);
        if (history != null) {
            appendInHistory(CompactText.comment(text));
        } else {
            open.peek().appendChild(document.createComment(text));
        }
    }

    @Override
    public void processingInstruction(String target, String data) {
        flushText();
        if (history != null) {
            appendInHistory(CompactText.processingInstruction(target, data));
        } else {
            open.peek().appendChild(document.createProcessingInstruction(target, data));
        }
    }

    private String shared(String value) {
        if (value.length() > LONGEST_SHARED_VALUE) {
            return value;
        }
        int slot = value.hashCode() & (VALUE_CACHE_SIZE - 1);
        String seen = recentValues[slot];
        if (value.equals(seen)) {
            return seen;
        }
        recentValues[slot] = value;
        return value;
    }

    private List<String> sharedOrder() {
        List<String> shared = attributeOrders.get(order);
        if (shared == null) {
            shared = List.copyOf(order);
            attributeOrders.put(shared, shared);
        }
        return shared;
    }

    private void flushText() {
        if (pendingText.isEmpty()) {
            return;
        }
        String text = pendingText.toString();
        pendingText.setLength(0);
        if (text.isBlank()) {
            return;
        }
        if (history != null) {
            appendInHistory(CompactText.text(text));
        } else if (open.peek() instanceof Element parent) {
            parent.appendChild(document.createTextNode(text));
        }
    }
}
