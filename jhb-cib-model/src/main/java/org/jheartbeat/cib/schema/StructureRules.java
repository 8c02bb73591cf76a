package org.jheartbeat.cib.schema;

import java.util.List;
import java.util.function.Consumer;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The parts of the CIB's shape that XML Schema 1.0 cannot say, because they depend on which
 * attributes are present ("class and type, unless there is a template"). Checked after the
 * schema passed, on the configuration only.
 */
final class StructureRules {

    private final Consumer<SchemaError> report;

    StructureRules(Consumer<SchemaError> report) {
        this.report = report;
    }

    void check(Element element) {
        switch (element.getTagName()) {
            case "primitive", "template" -> checkAgent(element);
            case "group" -> requireChildren(element, List.of("primitive"), 1, Integer.MAX_VALUE,
                    "a group needs at least one <primitive>; add one or delete the group");
            case "clone", "master" -> requireChildren(element, List.of("primitive", "group"), 1, 1,
                    "a " + element.getTagName() + " holds exactly one <primitive> or <group>");
            case "rsc_location" -> checkLocation(element);
            case "rsc_colocation" -> requirePairOrSets(element, "rsc", "with-rsc");
            case "rsc_order" -> requirePairOrSets(element, "first", "then");
            case "nvpair" -> checkNvpair(element);
            case "instance_attributes", "meta_attributes", "utilization", "cluster_property_set", "rule" ->
                    requireIdOrReference(element);
            case "date_expression" -> checkDateExpression(element);
            default -> { }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                check(childElement);
            }
        }
    }

    private void checkAgent(Element resource) {
        if (resource.hasAttribute("template")) {
            return;
        }
        for (String required : List.of("class", "type")) {
            if (!resource.hasAttribute(required)) {
                fail(resource, "missing required attribute '" + required + "'; add " + required
                        + "=\"...\" (e.g. class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"), or name a template=\"...\"");
            }
        }
        String agentClass = resource.getAttribute("class");
        if (agentClass.equals("ocf") && !resource.hasAttribute("provider")) {
            fail(resource, "missing required attribute 'provider' for class 'ocf'; add provider=\"heartbeat\""
                    + " (or the directory under /usr/lib/ocf/resource.d that holds the agent)");
        }
        if (!agentClass.isEmpty() && !agentClass.equals("ocf") && resource.hasAttribute("provider")) {
            fail(resource, "attribute 'provider' is only used with class 'ocf'; remove it");
        }
    }

    private void checkLocation(Element location) {
        boolean hasSets = hasChild(location, "resource_set");
        if (!location.hasAttribute("rsc") && !location.hasAttribute("rsc-pattern") && !hasSets) {
            fail(location, "it names no resource; add rsc=\"RESOURCE-ID\" (or rsc-pattern, or a <resource_set>)");
        }
        boolean hasRules = hasChild(location, "rule");
        boolean hasNode = location.hasAttribute("node");
        if (hasNode != location.hasAttribute("score")) {
            fail(location, "node and score go together; give both (node=\"node01\" score=\"100\") or use a <rule>");
        } else if (!hasNode && !hasRules) {
            fail(location, "it says nothing about where; add node=\"NODE\" score=\"SCORE\" or a <rule>");
        }
    }

    private void requirePairOrSets(Element constraint, String one, String other) {
        if (hasChild(constraint, "resource_set")) {
            return;
        }
        for (String attribute : List.of(one, other)) {
            if (!constraint.hasAttribute(attribute)) {
                fail(constraint, "missing required attribute '" + attribute + "'; add " + one + "=\"...\" and "
                        + other + "=\"...\" (or use <resource_set>s)");
            }
        }
    }

    private void checkNvpair(Element nvpair) {
        requireIdOrReference(nvpair);
        if (nvpair.hasAttribute("id") && !nvpair.hasAttribute("name")) {
            fail(nvpair, "missing required attribute 'name'; add name=\"...\"");
        }
    }

    private void requireIdOrReference(Element element) {
        if (!element.hasAttribute("id") && !element.hasAttribute("id-ref")) {
            fail(element, "missing required attribute 'id'; add a unique id=\"...\" (or id-ref=\"...\" to reuse one)");
        }
    }

    private void checkDateExpression(Element expression) {
        String operation = expression.getAttribute("operation");
        switch (operation) {
            case "in_range" -> {
                if (!expression.hasAttribute("start") && !expression.hasAttribute("end")) {
                    fail(expression, "operation 'in_range' needs start=\"...\" or end=\"...\" (or a <duration>)");
                }
            }
            case "gt" -> requireAttribute(expression, "start", "operation 'gt' compares with start=\"...\"");
            case "lt" -> requireAttribute(expression, "end", "operation 'lt' compares with end=\"...\"");
            case "date_spec" -> {
                if (!hasChild(expression, "date_spec")) {
                    fail(expression, "operation 'date_spec' needs a <date_spec> inside");
                }
            }
            default -> { }
        }
    }

    private void requireAttribute(Element element, String attribute, String why) {
        if (!element.hasAttribute(attribute)) {
            fail(element, "missing required attribute '" + attribute + "': " + why);
        }
    }

    private void requireChildren(Element parent, List<String> tags, int min, int max, String rule) {
        int count = 0;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && tags.contains(element.getTagName())) {
                count++;
            }
        }
        if (count < min || count > max) {
            fail(parent, rule + " (it has " + count + ")");
        }
    }

    private static boolean hasChild(Element parent, String tag) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private void fail(Element element, String message) {
        report.accept(ElementNames.error(element, message));
    }
}
