package org.jheartbeat.cib.verify;

import java.util.List;
import org.jheartbeat.cib.model.CibDocument;
import org.w3c.dom.Element;

/** Every id in the configuration names one element: references and updates find elements by id. */
final class DuplicateIdCheck implements Check {

    @Override
    public void run(ConfigurationIndex config, Findings findings) {
        for (List<Element> sameId : config.elementsById().values()) {
            Element first = sameId.get(0);
            for (Element again : sameId.subList(1, sameId.size())) {
                findings.error(again, "id is already used by the " + first.getTagName() + " on line "
                        + CibDocument.lineOf(first), "Give every element its own id (rename this one)");
            }
        }
    }
}
