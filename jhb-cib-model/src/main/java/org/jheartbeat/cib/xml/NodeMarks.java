package org.jheartbeat.cib.xml;

import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.UserDataHandler;
import org.jheartbeat.cib.model.CibDocument;

/**
 * What the parser remembers on each element beyond the DOM: its start line and the order its
 * attributes were written in (the JDK's DOM keeps attributes sorted by name). Both travel with
 * the element when it is cloned or imported, so copies made by operations still report lines.
 */
final class NodeMarks {

    static final String ATTRIBUTE_ORDER_KEY = "jhb.attributeOrder";

    private static final UserDataHandler CARRY_TO_COPIES = new CarryToCopies();

    private NodeMarks() {
    }

    static void markLine(Element element, int line) {
        element.setUserData(CibDocument.LINE_KEY, line, CARRY_TO_COPIES);
    }

    static void markAttributeOrder(Element element, List<String> names) {
        element.setUserData(ATTRIBUTE_ORDER_KEY, List.copyOf(names), CARRY_TO_COPIES);
    }

    @SuppressWarnings("unchecked")
    static List<String> attributeOrder(Node element) {
        Object order = element.getUserData(ATTRIBUTE_ORDER_KEY);
        return order instanceof List<?> names ? (List<String>) names : List.of();
    }

    private static final class CarryToCopies implements UserDataHandler {
        @Override
        public void handle(short operation, String key, Object data, Node source, Node copy) {
            if (copy != null && (operation == NODE_CLONED || operation == NODE_IMPORTED)) {
                copy.setUserData(key, data, this);
            }
        }
    }
}
