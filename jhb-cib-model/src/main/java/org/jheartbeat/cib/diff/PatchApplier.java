package org.jheartbeat.cib.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibVersion;
import org.jheartbeat.cib.xml.CibXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Applies a patch to a copy of the base. Every path is looked up before anything changes, so
 * paths always name elements of the source version. Deletes and modifies go first; then moved
 * elements are taken out and they and the created ones are put in at their positions, lowest
 * position first: each then lands where the new version has it, because everything before it
 * is already in place.
 */
final class PatchApplier {

    private PatchApplier() {
    }

    static CibDocument apply(CibPatch patch, CibDocument base) throws PatchException {
        if (!base.version().equals(patch.source())) {
            throw new PatchException("the CIB is at " + base.version() + " but the diff applies to " + patch.source()
                    + ": ask the DC for a full copy");
        }
        Document document = CibXml.copy(base.dom());
        List<Element> targets = new ArrayList<>();
        int number = 0;
        for (PatchChange change : patch.changes()) {
            number++;
            try {
                targets.add(ElementPath.resolve(document, change.path()));
            } catch (PatchException e) {
                throw new PatchException("change " + number + " (" + change.operation() + "): " + e.getMessage()
                        + " in the CIB at " + base.version() + ": ask the DC for a full copy");
            }
        }
        List<Placement> placements = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Element target = targets.get(i);
            PatchChange change = patch.changes().get(i);
            if (change instanceof PatchChange.Delete) {
                target.getParentNode().removeChild(target);
            } else if (change instanceof PatchChange.Modify modify) {
                modifyAttributes(target, modify);
            } else if (change instanceof PatchChange.Move move) {
                placements.add(new Placement((Element) target.getParentNode(), target, move.position()));
            } else if (change instanceof PatchChange.Create create) {
                placements.add(new Placement(target, create.content().toElement(document), create.position()));
            }
        }
        for (Placement placement : placements) {
            if (placement.element.getParentNode() != null) {
                placement.element.getParentNode().removeChild(placement.element);
            }
        }
        placements.sort(Comparator.comparingInt(Placement::position));
        for (Placement placement : placements) {
            List<Element> children = XmlTree.childElements(placement.parent);
            Element before = placement.position < children.size() ? children.get(placement.position) : null;
            placement.parent.insertBefore(placement.element, before);
        }
        setVersion(document.getDocumentElement(), patch.target());
        return CibDocument.of(document);
    }

    private static void modifyAttributes(Element target, PatchChange.Modify modify) {
        if (modify.result().isPresent()) {
            NamedNodeMap attributes = target.getAttributes();
            while (attributes.getLength() > 0) {
                target.removeAttribute(attributes.item(0).getNodeName());
            }
            for (Map.Entry<String, String> attribute : modify.result().get().entrySet()) {
                target.setAttribute(attribute.getKey(), attribute.getValue());
            }
            return;
        }
        for (AttributeChange change : modify.changes()) {
            change.value().ifPresentOrElse(value -> target.setAttribute(change.name(), value),
                    () -> target.removeAttribute(change.name()));
        }
    }

    private static void setVersion(Element root, CibVersion version) {
        root.setAttribute("admin_epoch", Long.toString(version.adminEpoch()));
        root.setAttribute("epoch", Long.toString(version.epoch()));
        root.setAttribute("num_updates", Long.toString(version.numUpdates()));
    }

    private record Placement(Element parent, Element element, int position) {
    }
}
