package org.jheartbeat.cib.verify;

import org.w3c.dom.Element;

/**
 * Node names in location constraints ({@code node=} and rules on {@code #uname}) that are not in
 * {@code <nodes>}. An empty {@code <nodes>} is normal before the nodes first join, so only a
 * warning then; with nodes listed, an unknown name is almost always a typo.
 */
final class NodeReferenceCheck implements Check {

    @Override
    public void run(ConfigurationIndex config, Findings findings) {
        for (Element location : config.all("rsc_location")) {
            String node = Dom.attribute(location, "node");
            if (node != null) {
                report(config, findings, location, "node=\"" + node + "\"", node);
            }
            for (Element expression : Dom.descendants(location, "expression")) {
                if (expression.getAttribute("attribute").equals("#uname")
                        && expression.getAttribute("operation").equals("eq")) {
                    String value = expression.getAttribute("value");
                    report(config, findings, expression, "#uname eq \"" + value + "\"", value);
                }
            }
        }
    }

    private static void report(ConfigurationIndex config, Findings findings, Element element, String what, String node) {
        if (config.nodeNames().contains(node)) {
            return;
        }
        if (config.nodeNames().isEmpty()) {
            findings.warning(element, what + " names a node that <nodes> does not list (it is empty)",
                    "Ignore this if '" + node + "' is the uname of a node that has not joined yet; otherwise correct the name");
        } else {
            findings.error(element, what + " names no node in <nodes> (known: "
                    + String.join(", ", config.nodeNames()) + ")",
                    "Use the node's uname as uname -n prints it, or add the node to <nodes>");
        }
    }
}
