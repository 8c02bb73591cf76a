package org.jheartbeat.cib.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.UserDataHandler;

/**
 * The content of a DOM element held in compact form ({@link CompactElement}) instead of as DOM
 * children. {@code CibXml.parseWithCompactHistory} holds each node's operation history this
 * way, the content of every {@code <lrm>} of a {@code node_state}: most of a large CIB, which as
 * a DOM took ten times the memory and most of the time of reading it.
 *
 * <p>The element itself stays in the DOM, with its attributes and at its place, but empty; what
 * reads or changes the history asks here ({@link #read}, {@link #hold}). {@code CibXml.toXml}
 * writes the content in place of the missing children, and the DOM's deep copies
 * ({@code importNode}, {@code cloneNode}) copy it along.
 */
public final class CompactContent {

    private static final String KEY = "jhb.compactContent";
    private static final UserDataHandler COPIED_ALONG = new CopiedAlong();

    private final List<CompactNode> nodes = new ArrayList<>();

    private CompactContent() {
    }

    /** The element's compact content, or null when its content is (only) its DOM children. */
    public static CompactContent of(Element element) {
        return (CompactContent) element.getUserData(KEY);
    }

    /**
     * The element's compact content, made from its DOM children when it has none yet (they
     * leave the DOM): what changes the content changes it here.
     */
    public static CompactContent hold(Element element) {
        CompactContent held = of(element);
        if (held != null) {
            return held;
        }
        held = new CompactContent();
        while (element.getFirstChild() != null) {
            Node child = element.getFirstChild();
            CompactNode converted = compact(child);
            if (converted != null) {
                held.nodes.add(converted);
            }
            element.removeChild(child);
        }
        element.setUserData(KEY, held, COPIED_ALONG);
        return held;
    }

    /**
     * The element's content in compact form, for reading: the held content itself, or the DOM
     * children converted (a copy; changing it changes nothing).
     */
    public static List<CompactNode> read(Element element) {
        CompactContent held = of(element);
        if (held != null) {
            return held.nodes();
        }
        List<CompactNode> converted = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            CompactNode node = compact(child);
            if (node != null) {
                converted.add(node);
            }
        }
        return converted;
    }

    /**
     * Makes this the content of {@code element}, which has none yet: for content built in
     * another document and moved here ({@code adoptNode} moves the user data of the node moved,
     * not of its descendants).
     */
    public void holdIn(Element element) {
        if (of(element) != null || element.getFirstChild() != null) {
            throw new IllegalStateException("<" + element.getTagName() + "> has content already");
        }
        element.setUserData(KEY, this, COPIED_ALONG);
    }

    public List<CompactNode> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /** The elements with that tag, in order. */
    public List<CompactElement> elements(String tag) {
        return CompactElement.elementsNamed(nodes, tag);
    }

    /** The first element with that tag, or null. */
    public CompactElement element(String tag) {
        return CompactElement.firstNamed(nodes, tag);
    }

    public void append(CompactNode node) {
        nodes.add(node);
    }

    private static CompactNode compact(Node node) {
        return switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> compact((Element) node);
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> CompactText.text(node.getNodeValue());
            case Node.COMMENT_NODE -> CompactText.comment(node.getNodeValue());
            case Node.PROCESSING_INSTRUCTION_NODE -> CompactText.processingInstruction(node.getNodeName(), node.getNodeValue());
            default -> null;
        };
    }

    private static CompactElement compact(Element element) {
        List<Attr> attributes = ElementMarks.attributesInOrder(element);
        String[] names = new String[attributes.size()];
        String[] values = new String[attributes.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = attributes.get(i).getName();
            values[i] = attributes.get(i).getValue();
        }
        CompactElement compact = new CompactElement(element.getTagName(), names, values, ElementMarks.lineOf(element));
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            CompactNode converted = compact(child);
            if (converted != null) {
                compact.append(converted);
            }
        }
        return compact;
    }

    private CompactContent copy() {
        CompactContent copy = new CompactContent();
        nodes.forEach(node -> copy.nodes.add(node.copy()));
        return copy;
    }

    /** Deep copies of the element get a copy of its content (the DOM calls this for shallow ones too: none are made of a history). */
    private static final class CopiedAlong implements UserDataHandler {
        @Override
        public void handle(short operation, String key, Object data, Node source, Node copy) {
            if ((operation == NODE_CLONED || operation == NODE_IMPORTED) && copy != null) {
                copy.setUserData(KEY, ((CompactContent) data).copy(), this);
            }
        }
    }
}
