package org.jheartbeat.cib.verify;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Intervals and timeouts of operations (on {@code <op>} and as op meta attributes or
 * {@code op_defaults}) that Pacemaker cannot read; it would fall back to defaults silently.
 */
final class OperationTimingCheck implements Check {

    private static final List<String> TIMED = List.of("interval", "timeout", "start-delay");
    private static final Set<String> NOT_RECURRING = Set.of("start", "stop");

    @Override
    public void run(ConfigurationIndex config, Findings findings) {
        for (Element op : config.all("op")) {
            for (String attribute : TIMED) {
                String value = Dom.attribute(op, attribute);
                if (value != null) {
                    check(findings, op, attribute, value);
                }
            }
            checkNotRecurring(findings, op);
        }
        for (Element nvpair : config.all("nvpair")) {
            if (TIMED.contains(nvpair.getAttribute("name")) && isOperationSetting(nvpair)) {
                check(findings, nvpair, nvpair.getAttribute("name"), nvpair.getAttribute("value"));
            }
        }
    }

    private static boolean isOperationSetting(Element nvpair) {
        for (Node up = nvpair.getParentNode(); up instanceof Element parent; up = parent.getParentNode()) {
            if (parent.getTagName().equals("op") || parent.getTagName().equals("op_defaults")) {
                return true;
            }
        }
        return false;
    }

    private static void checkNotRecurring(Findings findings, Element op) {
        String name = op.getAttribute("name");
        OptionalLong interval = Durations.parseMillis(op.getAttribute("interval").isEmpty() ? "0" : op.getAttribute("interval"));
        if (NOT_RECURRING.contains(name) && interval.isPresent() && interval.getAsLong() != 0) {
            findings.error(op, "a " + name + " operation cannot be recurring (interval=\"" + op.getAttribute("interval") + "\")",
                    "Set interval=\"0s\" on " + name + "; recurring checks are monitor operations");
        }
    }

    private static void check(Findings findings, Element element, String what, String value) {
        if (Durations.parseMillis(value).isEmpty()) {
            findings.error(element, what + "=\"" + value + "\" is not a duration",
                    "Write seconds (30), a number with a unit (30s, 500ms, 5m, 2h) or ISO 8601 (PT30S)");
        }
    }
}
