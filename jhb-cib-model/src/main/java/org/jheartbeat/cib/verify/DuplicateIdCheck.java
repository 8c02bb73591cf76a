package org.jheartbeat.cib.verify;

import java.util.List;
import java.util.Map;
import org.jheartbeat.cib.model.CibDocument;
import org.w3c.dom.Element;

/** Every id in the configuration names one element: references and updates find elements by id. */
final class DuplicateIdCheck implements Check {

    @Override
    public void run(ConfigurationIndex config, Findings findings) {
        Map<String, List<Element>> repeated = config.repeatedIds();
        if (repeated.isEmpty()) {
            return;
        }
        // id by id in the order of their first use, as the findings on one line are listed
        for (Map.Entry<String, Element> idFirst : config.firstById().entrySet()) {
            Element first = idFirst.getValue();
            for (Element again : repeated.getOrDefault(idFirst.getKey(), List.of())) {
                findings.error(again, "id is already used by the " + first.getTagName() + " on line "
                        + CibDocument.lineOf(first), "Give every element its own id (rename this one)");
            }
        }
    }
}
