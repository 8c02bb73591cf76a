package org.jheartbeat.cib.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What the parser remembers of each element beyond the DOM: the line its start tag opens on and
 * the order its attributes were written in (the JDK's DOM keeps attributes sorted by name).
 *
 * <p>One table per document, kept as the document's user data, rather than user data on every
 * element: the JDK's DOM gives each element with user data a hash map of its own, which for the
 * 200,000 elements of a large status section cost more memory and time than the DOM itself.
 * The table is keyed by element identity (open addressing, no object per entry); it only grows,
 * so an element removed from the document keeps its marks if it is put back.
 *
 * <p>The DOM's own copies ({@code importNode}, {@code cloneNode}) do not bring marks along;
 * {@link #carry} does, for callers that copy.
 */
public final class ElementMarks {

    private static final String KEY = "jhb.elementMarks";
    private static final int FIRST_CAPACITY = 64;

    private Element[] keys = new Element[FIRST_CAPACITY];
    private int[] lines = new int[FIRST_CAPACITY];
    private Object[] orders = new Object[FIRST_CAPACITY];
    private int size;

    private ElementMarks() {
    }

    /** The document's table, made when it has none yet. */
    public static ElementMarks of(Document document) {
        ElementMarks marks = existing(document);
        if (marks == null) {
            marks = new ElementMarks();
            document.setUserData(KEY, marks, null);
        }
        return marks;
    }

    /** The line the element's start tag opened on in the parsed text, or 0 when it was not parsed. */
    public static int lineOf(Element element) {
        ElementMarks marks = existing(element.getOwnerDocument());
        if (marks == null) {
            return 0;
        }
        int slot = marks.slot(element);
        return marks.keys[slot] == null ? 0 : marks.lines[slot];
    }

    /** The attribute names in the order they were written, or an empty list when it is not known. */
    @SuppressWarnings("unchecked")
    public static List<String> attributeOrderOf(Element element) {
        ElementMarks marks = existing(element.getOwnerDocument());
        if (marks == null) {
            return List.of();
        }
        int slot = marks.slot(element);
        return marks.keys[slot] == null ? List.of() : (List<String>) marks.orders[slot];
    }

    /** The element's attributes in the order they were written, those added since after them, by name. */
    public static List<Attr> attributesInOrder(Element element) {
        NamedNodeMap map = element.getAttributes();
        Set<String> names = new LinkedHashSet<>();
        for (String name : attributeOrderOf(element)) {
            if (element.hasAttribute(name)) {
                names.add(name);
            }
        }
        for (int i = 0; i < map.getLength(); i++) {
            names.add(map.item(i).getNodeName());
        }
        List<Attr> attributes = new ArrayList<>(names.size());
        for (String name : names) {
            attributes.add(element.getAttributeNode(name));
        }
        return attributes;
    }

    /**
     * Records an element's marks; {@code line} 0 for none. The list is kept as given (the
     * parser shares one list among the elements that have the same attributes in the same order).
     */
    public void mark(Element element, int line, List<String> attributeOrder) {
        int slot = slot(element);
        if (keys[slot] == null) {
            keys[slot] = element;
            if (++size * 2 > keys.length) {
                grow();
                slot = slot(element);
            }
        }
        lines[slot] = line;
        orders[slot] = attributeOrder;
    }

    /**
     * Gives every element of {@code copy} the marks of its counterpart in {@code original}, of
     * which it is a deep copy (same shape); without {@code withLines} only the attribute order,
     * for content whose lines point into some other text.
     */
    public static void carry(Node original, Node copy, boolean withLines) {
        ElementMarks from = existing(original instanceof Document d ? d : original.getOwnerDocument());
        if (from == null) {
            return;
        }
        carry(from, of(copy instanceof Document d ? d : copy.getOwnerDocument()), original, copy, withLines);
    }

    private static void carry(ElementMarks from, ElementMarks to, Node original, Node copy, boolean withLines) {
        if (original instanceof Element element) {
            int slot = from.slot(element);
            if (from.keys[slot] != null) {
                @SuppressWarnings("unchecked")
                List<String> order = (List<String>) from.orders[slot];
                to.mark((Element) copy, withLines ? from.lines[slot] : 0, order);
            }
        }
        Node copied = copy.getFirstChild();
        for (Node child = original.getFirstChild(); child != null; child = child.getNextSibling()) {
            carry(from, to, child, copied, withLines);
            copied = copied.getNextSibling();
        }
    }

    private static ElementMarks existing(Document document) {
        return document == null ? null : (ElementMarks) document.getUserData(KEY);
    }

    /** The slot holding the element, or the empty slot where it would go. */
    private int slot(Element element) {
        int mask = keys.length - 1;
        int slot = mix(System.identityHashCode(element)) & mask;
        while (keys[slot] != null && keys[slot] != element) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void grow() {
        Element[] oldKeys = keys;
        int[] oldLines = lines;
        Object[] oldOrders = orders;
        keys = new Element[oldKeys.length * 2];
        lines = new int[keys.length];
        orders = new Object[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                lines[slot] = oldLines[i];
                orders[slot] = oldOrders[i];
            }
        }
    }
}
