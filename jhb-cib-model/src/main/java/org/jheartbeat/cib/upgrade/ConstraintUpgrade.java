package org.jheartbeat.cib.upgrade;

import static org.jheartbeat.cib.upgrade.DomEdits.renameAttribute;

import org.w3c.dom.Element;

/**
 * Constraints: {@code rsc_order from/to/type} becomes {@code first/then} in the order the
 * resources actually start, {@code rsc_colocation from/to} becomes {@code rsc/with-rsc}, and
 * rules get their dashed attribute names.
 */
final class ConstraintUpgrade {

    void upgrade(Element configuration) {
        for (Element order : DomEdits.all(configuration, "rsc_order")) {
            upgradeOrder(order);
        }
        for (Element colocation : DomEdits.all(configuration, "rsc_colocation")) {
            renameAttribute(colocation, "from", "rsc");
            renameAttribute(colocation, "to", "with-rsc");
            renameAttribute(colocation, "from_role", "rsc-role");
            renameAttribute(colocation, "to_role", "with-rsc-role");
            renameAttribute(colocation, "node_attribute", "node-attribute");
            colocation.removeAttribute("symmetrical");
            normaliseRole(colocation, "rsc-role");
            normaliseRole(colocation, "with-rsc-role");
        }
        for (Element location : DomEdits.all(configuration, "rsc_location")) {
            normaliseRole(location, "role");
        }
        for (Element rule : DomEdits.all(configuration, "rule")) {
            renameAttribute(rule, "score_attribute", "score-attribute");
            renameAttribute(rule, "boolean_op", "boolean-op");
            normaliseRole(rule, "role");
        }
    }

    /**
     * "from after to" (Heartbeat's default type) means to starts first; "from before to" means
     * from starts first. {@code action} belongs to from, {@code to_action} to to.
     */
    private static void upgradeOrder(Element order) {
        if (!order.hasAttribute("from") && !order.hasAttribute("to")) {
            return;
        }
        boolean fromFirst = order.getAttribute("type").equals("before");
        String from = order.getAttribute("from");
        String to = order.getAttribute("to");
        String fromAction = order.getAttribute("action");
        String toAction = order.getAttribute("to_action");
        for (String legacy : new String[] {"from", "to", "type", "action", "to_action"}) {
            order.removeAttribute(legacy);
        }
        order.setAttributeNS(null, "first", fromFirst ? from : to);
        order.setAttributeNS(null, "then", fromFirst ? to : from);
        setIfPresent(order, "first-action", fromFirst ? fromAction : toAction);
        setIfPresent(order, "then-action", fromFirst ? toAction : fromAction);
    }

    private static void setIfPresent(Element element, String name, String value) {
        if (!value.isEmpty()) {
            element.setAttributeNS(null, name, value);
        }
    }

    private static void normaliseRole(Element element, String attribute) {
        if (element.hasAttribute(attribute)) {
            element.setAttributeNS(null, attribute, LegacyNames.role(element.getAttribute(attribute)));
        }
    }
}
