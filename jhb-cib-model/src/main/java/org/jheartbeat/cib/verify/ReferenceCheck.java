package org.jheartbeat.cib.verify;

import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Names that must lead somewhere: the resources constraints and resource sets name, the
 * templates primitives use, and every {@code id-ref}.
 */
final class ReferenceCheck implements Check {

    private static final Set<String> CONSTRAINTS = Set.of("rsc_location", "rsc_colocation", "rsc_order", "rsc_ticket");
    private static final List<String> RESOURCE_ATTRIBUTES = List.of("rsc", "with-rsc", "first", "then");

    @Override
    public void run(ConfigurationIndex config, Findings findings) {
        for (Element constraint : Dom.children(config.section("constraints"), CONSTRAINTS)) {
            for (String attribute : RESOURCE_ATTRIBUTES) {
                String name = Dom.attribute(constraint, attribute);
                if (name != null && !config.isConstrainable(name)) {
                    findings.error(constraint, attribute + "=\"" + name + "\" names no resource",
                            missingResourceRemedy(config, name, attribute));
                }
            }
        }
        // one walk over the configuration for the three kinds of name below: at 10,000
        // resources each walk is a noticeable part of crm_simulate's check of its input
        List<Element> elements = config.all(null);
        for (int i = 0; i < elements.size(); i++) {
            Element element = elements.get(i);
            switch (element.getTagName()) {
                case "resource_ref" -> resourceRef(config, element, findings);
                case "primitive" -> template(config, element, findings);
                default -> {
                }
            }
            idRef(config, element, config.idRefAt(i), findings);
        }
    }

    private static void resourceRef(ConfigurationIndex config, Element ref, Findings findings) {
        String name = ref.getAttribute("id");
        if (!config.isConstrainable(name)) {
            findings.error(ref, "names no resource", missingResourceRemedy(config, name, "id"));
        }
    }

    private static void template(ConfigurationIndex config, Element primitive, Findings findings) {
        String template = Dom.attribute(primitive, "template");
        if (template != null && config.template(template) == null) {
            findings.error(primitive, "template=\"" + template + "\" names no template",
                    "Define <template id=\"" + template + "\"> in <resources> or correct template=");
        }
    }

    private static void idRef(ConfigurationIndex config, Element element, String ref, Findings findings) {
        if (ref == null) {
            return;
        }
        Element target = config.elementWithId(ref);
        if (target == null) {
            findings.error(element, "id-ref=\"" + ref + "\" names no element",
                    "Define a <" + element.getTagName() + " id=\"" + ref + "\"> or correct id-ref=");
        } else if (!target.getTagName().equals(element.getTagName())) {
            findings.error(element, "id-ref=\"" + ref + "\" names a " + target.getTagName() + ", not a "
                    + element.getTagName(), "Point id-ref= at a <" + element.getTagName() + ">");
        }
    }

    private static String missingResourceRemedy(ConfigurationIndex config, String name, String attribute) {
        String similar = config.resources().keySet().stream()
                .filter(id -> id.equalsIgnoreCase(name)).findFirst().orElse(null);
        return similar != null
                ? "Ids are case-sensitive: did you mean '" + similar + "'? Correct " + attribute + "="
                : "Define a resource with id '" + name + "' in <resources> or correct " + attribute + "=";
    }
}
