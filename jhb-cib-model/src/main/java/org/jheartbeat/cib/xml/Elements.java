package org.jheartbeat.cib.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Element lists made in one walk of the tree. The DOM's {@code getElementsByTagName} is a live
 * list that walks the subtree again for {@code getLength()} and {@code item(i)}, which makes the
 * usual index loop quadratic on a large CIB (a CIB of 10,000 resources took minutes to check).
 */
public final class Elements {

    private Elements() {
    }

    /** Every element below {@code root} in document order, or only those named {@code tag} when it is not null. */
    public static List<Element> descendants(Element root, String tag) {
        List<Element> found = new ArrayList<>();
        if (root == null) {
            return found;
        }
        Deque<Node> pending = new ArrayDeque<>();
        pushChildren(root, pending);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof Element element) {
                if (tag == null || tag.equals(element.getTagName())) {
                    found.add(element);
                }
                pushChildren(element, pending);
            }
        }
        return found;
    }

    /** Pushes the children so that the first child is popped first (document order). */
    private static void pushChildren(Node parent, Deque<Node> pending) {
        for (Node child = parent.getLastChild(); child != null; child = child.getPreviousSibling()) {
            pending.push(child);
        }
    }
}
