package org.jheartbeat.policy.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.cib.xml.Elements;
import org.w3c.dom.Element;

/**
 * Makes a CIB on which the schedulers differ as small as it can while they still differ the
 * same way: it takes out one element at a time (constraints first, then history, attributes,
 * resources, nodes) and keeps each removal after which both schedulers still run and the
 * difference is still there. What is left shows the difference with little else around it.
 */
public final class CibShrinker {

    /** What may go, in the order they are tried: an element goes more easily once what names it is gone. */
    private static final Set<String> RESOURCES = Set.of("primitive", "group", "clone");
    private static final List<String> REMOVABLE = List.of("rsc_location", "rsc_colocation", "rsc_order", "expression",
            "lrm_resource", "lrm_rsc_op", "nvpair", "meta_attributes", "op", "primitive", "group", "clone",
            "transient_attributes", "node_state", "node");

    private final Instant now;
    private final Path workFile;

    public CibShrinker(Instant now, Path workFile) {
        this.now = now;
        this.workFile = workFile;
    }

    /** The smallest CIB text found that still passes {@code stillDiffers}, starting from {@code xml}. */
    public String shrink(String xml, Predicate<Comparison> stillDiffers) throws IOException, CibParseException {
        CibDocument current = CibXml.parse(xml, "shrinking");
        boolean progress = true;
        while (progress) {
            progress = false;
            for (String tag : REMOVABLE) {
                for (int index = candidates(current, tag).size() - 1; index >= 0; index--) {
                    CibDocument smaller = CibDocument.of(CibXml.copy(current.dom()));
                    List<Element> removable = candidates(smaller, tag);
                    // a removal may leave fewer candidates than one (a rule's other expression must stay)
                    if (index >= removable.size()) {
                        continue;
                    }
                    remove(smaller, removable.get(index));
                    if (differs(smaller, stillDiffers)) {
                        current = smaller;
                        progress = true;
                    }
                }
            }
        }
        return CibXml.toXml(current);
    }

    /**
     * Takes the element out; a resource goes with its history and transient attributes, as if
     * it had never been configured (left behind, they would make it an orphan: another case).
     */
    private static void remove(CibDocument cib, Element gone) {
        Set<String> primitives = new HashSet<>();
        if (RESOURCES.contains(gone.getTagName())) {
            primitives.add(gone.getAttribute("id"));
            Elements.descendants(gone, "primitive").forEach(p -> primitives.add(p.getAttribute("id")));
        }
        gone.getParentNode().removeChild(gone);
        Element status = Elements.descendants(cib.root(), "status").stream().findFirst().orElse(null);
        if (primitives.isEmpty() || status == null) {
            return;
        }
        for (Element history : Elements.descendants(status, "lrm_resource")) {
            if (primitives.contains(history.getAttribute("id").replaceFirst(":\\d+$", ""))) {
                history.getParentNode().removeChild(history);
            }
        }
        for (Element attribute : Elements.descendants(status, "nvpair")) {
            String name = attribute.getAttribute("name").replaceFirst("#.*$", "").replaceFirst(":\\d+$", "");
            if (primitives.stream().anyMatch(id -> name.endsWith("-" + id))) {
                attribute.getParentNode().removeChild(attribute);
            }
        }
    }

    /**
     * The elements of a kind that may go. Some stay: a rule's last expression (the rule would be
     * invalid); cluster options and fencing devices, because without them Pacemaker does nothing
     * at all (fencing is on by default and needs a device) and every example would drift there.
     */
    private static List<Element> candidates(CibDocument cib, String tag) {
        List<Element> found = new ArrayList<>();
        for (Element element : Elements.descendants(cib.root(), tag)) {
            Element parent = (Element) element.getParentNode();
            boolean stays = switch (tag) {
                case "expression" -> Elements.descendants(parent, "expression").size() < 2;
                case "nvpair" -> parent.getTagName().equals("cluster_property_set");
                case "primitive" -> element.getAttribute("class").equals("stonith");
                default -> false;
            };
            if (!stays) {
                found.add(element);
            }
        }
        return found;
    }

    private boolean differs(CibDocument cib, Predicate<Comparison> stillDiffers) throws IOException {
        Files.writeString(workFile, CibXml.toXml(cib));
        try {
            return stillDiffers.test(Comparison.run("shrinking", workFile, now));
        } catch (IOException | CibParseException | IllegalStateException | IllegalArgumentException e) {
            // Pacemaker refused the smaller CIB (a reference to what is gone) or printed what we cannot read
            return false;
        }
    }
}
