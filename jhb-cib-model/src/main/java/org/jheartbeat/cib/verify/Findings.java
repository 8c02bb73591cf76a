package org.jheartbeat.cib.verify;

import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.cib.model.CibDocument;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Collects findings, naming each element by its tag and id (or the id of the nearest ancestor that has one). */
final class Findings {

    private final List<Finding> all = new ArrayList<>();

    void error(Element element, String what, String remedy) {
        add(Severity.ERROR, element, what, remedy);
    }

    void warning(Element element, String what, String remedy) {
        add(Severity.WARNING, element, what, remedy);
    }

    List<Finding> all() {
        return List.copyOf(all);
    }

    private void add(Severity severity, Element element, String what, String remedy) {
        String id = element.getAttribute("id");
        all.add(new Finding(severity, id, CibDocument.lineOf(element), label(element) + ": " + what, remedy));
    }

    static String label(Element element) {
        String id = element.getAttribute("id");
        if (!id.isEmpty()) {
            return element.getTagName() + " '" + id + "'";
        }
        for (Node up = element.getParentNode(); up instanceof Element parent; up = parent.getParentNode()) {
            if (!parent.getAttribute("id").isEmpty()) {
                return element.getTagName() + " in " + parent.getTagName() + " '" + parent.getAttribute("id") + "'";
            }
        }
        return element.getTagName();
    }
}
