package org.jheartbeat.cib.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.cib.model.CompactContent;
import org.jheartbeat.cib.model.CompactElement;
import org.jheartbeat.cib.model.CompactNode;
import org.jheartbeat.cib.model.CompactText;
import org.jheartbeat.cib.model.ElementMarks;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Builds the DOM from what the scanner reads, marking each element with the line its start tag
 * opens on and its attribute order ({@link ElementMarks}). Whitespace-only text is indentation,
 * not content, and the scanner does not report it; comments are kept.
 *
 * <p>A large CIB is mostly a status section of thousands of alike operation records, so the
 * builder shares what repeats: one list per distinct attribute order (the scanner shares
 * repeated names and short values). The DOM's own checks of names are off while it builds, as
 * the scanner has checked them.
 *
 * <p>With {@code compactHistory} the content of each node's {@code <lrm>} (its operation
 * history) is built in compact form instead ({@link CompactContent}), the {@code <lrm>} element
 * itself staying in the DOM: the attribute names of the records are shared the same way.
 */
final class DomBuilder implements XmlScanner.Events {

    private final Document document;
    private final ElementMarks marks;
    private final boolean compactHistory;
    private final Map<List<String>, List<String>> attributeOrders = new HashMap<>();
    private final Map<List<String>, String[]> attributeNames = new HashMap<>();
    /** The attribute names of the last record built in a history. */
    private String[] lastNames = new String[0];
    private final List<String> order = new ArrayList<>();
    private final Deque<Node> open = new ArrayDeque<>();
    /** The compact content being built while inside an {@code <lrm>}, else null. */
    private CompactContent history;
    /** The plain attribute values of the compact elements. */
    private final ValueArena historyValues = new ValueArena();
    /** The compact elements open inside {@link #history}, innermost first. */
    private final Deque<CompactElement> openInHistory = new ArrayDeque<>();

    /** The content built for another builder to take ({@link #forContent}), else null. */
    private final Element container;

    DomBuilder(Document document, boolean compactHistory) {
        this(document, compactHistory, null);
    }

    private DomBuilder(Document document, boolean compactHistory, String containerName) {
        this.document = document;
        this.compactHistory = compactHistory;
        this.marks = ElementMarks.of(document);
        document.setStrictErrorChecking(false);
        open.push(document);
        container = containerName == null ? null : document.createElementNS(null, containerName);
        if (container != null) {
            open.push(container);
        }
    }

    /**
     * A builder of the content of an element named {@code parentName}, in a document of its own,
     * for another builder to take over ({@link #adopt}): the DOM cannot be built from two threads.
     */
    static DomBuilder forContent(Document document, boolean compactHistory, String parentName) {
        return new DomBuilder(document, compactHistory, parentName);
    }

    /**
     * Moves what {@code part} built ({@link #forContent}) to the end of the element open here,
     * with each element's marks and compact content (the DOM moves a node's user data along,
     * not its descendants', and the marks are the other document's).
     */
    void adopt(DomBuilder part) {
        if (history != null) {
            throw new IllegalStateException("content cannot be adopted inside a history");
        }
        List<Moved> moved = part.built();
        Node parent = open.peek();
        while (part.container.getFirstChild() != null) {
            parent.appendChild(document.adoptNode(part.container.getFirstChild()));
        }
        for (Moved m : moved) {
            marks.mark(m.element(), m.line(), m.order());
            if (m.content() != null) {
                m.content().holdIn(m.element());
            }
        }
    }

    /** Whether what is built now goes into a history held compactly (where {@link #adopt} cannot put DOM). */
    boolean inHistory() {
        return history != null;
    }

    /** An element moved from another document, with what it had there. */
    private record Moved(Element element, int line, List<String> order, CompactContent content) {
    }

    /** The elements built in the container, with their marks and compact content; a walk without recursion. */
    private List<Moved> built() {
        List<Moved> built = new ArrayList<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(container);
        while (!todo.isEmpty()) {
            for (Node child = todo.pop().getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element) {
                    built.add(new Moved(element, ElementMarks.lineOf(element), ElementMarks.attributeOrderOf(element),
                            CompactContent.of(element)));
                    todo.push(element);
                }
            }
        }
        return built;
    }

    @Override
    public void startElement(String qName, String uri, XmlScanner.Attributes attributes, int line) {
        if (history != null) {
            startInHistory(qName, attributes, line);
            return;
        }
        Element element = document.createElementNS(uri, qName);
        order.clear();
        for (int i = 0; i < attributes.count(); i++) {
            String name = attributes.name(i);
            // What setAttributeNS does, less its search for an attribute of that name to replace
            // (a walk over the element's attributes; the scanner has ruled out duplicates).
            Attr attribute = document.createAttributeNS(attributes.uri(i), name);
            attribute.setNodeValue(attributes.value(i));
            element.setAttributeNodeNS(attribute);
            order.add(name);
        }
        marks.mark(element, line, sharedOrder());
        Node parent = open.peek();
        parent.appendChild(element);
        open.push(element);
        if (compactHistory && qName.equals("lrm") && parent instanceof Element state
                && state.getTagName().equals("node_state")) {
            history = CompactContent.hold(element);
        }
    }

    /**
     * An element inside an {@code <lrm>} held compactly; when its values are all plain, they stay
     * bytes until read (see {@link CompactElement}, {@link ValueArena}).
     */
    private void startInHistory(String qName, XmlScanner.Attributes attributes, int line) {
        int count = attributes.count();
        boolean plain = true;
        for (int i = 0; i < count && plain; i++) {
            plain = attributes.isPlain(i);
        }
        int[] starts = null;
        String[] values = null;
        if (plain) {
            starts = historyValues.store(attributes);
        } else {
            values = new String[count];
            for (int i = 0; i < count; i++) {
                values[i] = attributes.value(i);
            }
        }
        // Records come in runs of one shape: most are named by the last shape's very strings.
        if (!attributes.areNamed(lastNames)) {
            order.clear();
            for (int i = 0; i < count; i++) {
                order.add(attributes.name(i));
            }
            lastNames = attributeNames.get(order);
            if (lastNames == null) {
                lastNames = order.toArray(new String[0]);
                attributeNames.put(List.copyOf(order), lastNames);
            }
        }
        CompactElement element = plain ? new CompactElement(qName, lastNames, historyValues.chunk(), starts, line)
                : new CompactElement(qName, lastNames, values, line);
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
    public void endElement() {
        if (history != null) {
            if (!openInHistory.isEmpty()) {
                openInHistory.pop();
                return;
            }
            history = null; // the <lrm> itself ends
        }
        open.pop();
    }

    @Override
    public void text(String text) {
        if (history != null) {
            appendInHistory(CompactText.text(text));
        } else if (open.peek() instanceof Element parent) {
            parent.appendChild(document.createTextNode(text));
        }
    }

    @Override
    public void comment(String text) {
        if (history != null) {
            appendInHistory(CompactText.comment(text));
        } else {
            open.peek().appendChild(document.createComment(text));
        }
    }

    @Override
    public void processingInstruction(String target, String data) {
        if (history != null) {
            appendInHistory(CompactText.processingInstruction(target, data));
        } else {
            open.peek().appendChild(document.createProcessingInstruction(target, data));
        }
    }

    private List<String> sharedOrder() {
        List<String> shared = attributeOrders.get(order);
        if (shared == null) {
            shared = List.copyOf(order);
            attributeOrders.put(shared, shared);
        }
        return shared;
    }
}
