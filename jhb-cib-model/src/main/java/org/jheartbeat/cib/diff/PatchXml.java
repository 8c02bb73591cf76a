package org.jheartbeat.cib.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.model.CibVersion;
import org.jheartbeat.cib.xml.CibXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes and reads the {@code <diff format="2">} text of a patch. */
final class PatchXml {

    private static final String REMEDY = "give a format 2 patchset as crm_diff or cibadmin writes it";

    private PatchXml() {
    }

    static String write(CibPatch patch) {
        Document document = CibXml.newDocument();
        Element diff = document.createElement("diff");
        diff.setAttribute("format", "2");
        Element version = child(diff, "version");
        versionElement(child(version, "source"), patch.source());
        versionElement(child(version, "target"), patch.target());
        for (PatchChange change : patch.changes()) {
            Element element = child(diff, "change");
            element.setAttribute("operation", change.operation());
            element.setAttribute("path", change.path());
            if (change instanceof PatchChange.Create create) {
                element.setAttribute("position", Integer.toString(create.position()));
                element.appendChild(create.content().toElement(document));
            } else if (change instanceof PatchChange.Move move) {
                element.setAttribute("position", Integer.toString(move.position()));
            } else if (change instanceof PatchChange.Modify modify) {
                writeModify(element, modify);
            }
        }
        return CibXml.toXml(diff);
    }

    private static void writeModify(Element element, PatchChange.Modify modify) {
        Element list = child(element, "change-list");
        for (AttributeChange attribute : modify.changes()) {
            Element changeAttr = child(list, "change-attr");
            changeAttr.setAttribute("name", attribute.name());
            changeAttr.setAttribute("operation", attribute.value().isPresent() ? "set" : "unset");
            attribute.value().ifPresent(value -> changeAttr.setAttribute("value", value));
        }
        modify.result().ifPresent(attributes -> {
            Element result = child(child(element, "change-result"), ElementPath.lastTag(modify.path()));
            attributes.forEach(result::setAttribute);
        });
    }

    private static Element child(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElement(name);
        parent.appendChild(child);
        return child;
    }

    private static void versionElement(Element element, CibVersion version) {
        element.setAttribute("admin_epoch", Long.toString(version.adminEpoch()));
        element.setAttribute("epoch", Long.toString(version.epoch()));
        element.setAttribute("num_updates", Long.toString(version.numUpdates()));
    }

    static CibPatch read(String text, String sourceName) throws CibParseException {
        return new Reader(sourceName).patch(CibXml.parseElement(text, sourceName));
    }

    private static final class Reader {

        private final String source;

        Reader(String source) {
            this.source = source;
        }

        CibPatch patch(Element diff) throws CibParseException {
            if (!diff.getTagName().equals("diff")) {
                throw problem(diff, "the root element is <" + diff.getTagName() + ">, a patch starts with <diff format=\"2\">");
            }
            String format = diff.getAttribute("format");
            if (!format.equals("2")) {
                throw problem(diff, (format.isEmpty() ? "the <diff> has no format" : "the <diff> is format " + format)
                        + " (a format 1 diff has diff-added/diff-removed); only format 2 is read",
                        "produce the patch with crm_diff (Pacemaker 1.1.12 or later) or with cibadmin");
            }
            Element version = only(diff, "version");
            CibVersion from = version(only(version, "source"));
            CibVersion to = version(only(version, "target"));
            List<PatchChange> changes = new ArrayList<>();
            for (Element child : XmlTree.childElements(diff)) {
                if (child.getTagName().equals("change")) {
                    changes.add(change(child));
                } else if (!child.getTagName().equals("version")) {
                    throw problem(child, "<" + child.getTagName() + "> has no place in a <diff>; only <version> and <change> do");
                }
            }
            return new CibPatch(from, to, changes);
        }

        private PatchChange change(Element change) throws CibParseException {
            String path = required(change, "path");
            String operation = required(change, "operation");
            switch (operation) {
                case "delete":
                    return new PatchChange.Delete(path);
                case "move":
                    return new PatchChange.Move(path, position(change));
                case "create":
                    List<Element> content = XmlTree.childElements(change);
                    if (content.size() != 1) {
                        throw problem(change, "the create change for " + path + " has " + content.size()
                                + " elements inside; it needs exactly the one to create");
                    }
                    return new PatchChange.Create(path, position(change), XmlTree.of(content.get(0)));
                case "modify":
                    return modify(change, path);
                default:
                    throw problem(change, "the change for " + path + " has operation '" + operation
                            + "'; it is one of create, delete, modify, move");
            }
        }

        private PatchChange modify(Element change, String path) throws CibParseException {
            List<AttributeChange> attributes = new ArrayList<>();
            for (Element list : named(change, "change-list")) {
                for (Element attr : XmlTree.childElements(list)) {
                    attributes.add(attributeChange(attr, path));
                }
            }
            Optional<Map<String, String>> result = Optional.empty();
            List<Element> results = named(change, "change-result");
            if (!results.isEmpty()) {
                List<Element> resulting = XmlTree.childElements(results.get(0));
                if (resulting.size() != 1) {
                    throw problem(results.get(0), "the change-result for " + path + " has " + resulting.size()
                            + " elements inside; it needs exactly one, with the attributes after the change");
                }
                result = Optional.of(XmlTree.attributesOf(resulting.get(0)));
            }
            if (attributes.isEmpty() && result.isEmpty()) {
                throw problem(change, "the modify change for " + path + " has neither a change-list nor a change-result",
                        "list the attributes to set or unset in <change-list><change-attr .../></change-list>");
            }
            return new PatchChange.Modify(path, attributes, result);
        }

        private AttributeChange attributeChange(Element attr, String path) throws CibParseException {
            if (!attr.getTagName().equals("change-attr")) {
                throw problem(attr, "<" + attr.getTagName() + "> in the change-list for " + path + "; only <change-attr> belongs there");
            }
            String name = required(attr, "name");
            String operation = required(attr, "operation");
            if (operation.equals("unset")) {
                return AttributeChange.unset(name);
            }
            if (!operation.equals("set")) {
                throw problem(attr, "the change-attr " + name + " has operation '" + operation + "'; it is set or unset");
            }
            if (!attr.hasAttribute("value")) {
                throw problem(attr, "the change-attr " + name + " sets no value", "add value=\"...\"");
            }
            return AttributeChange.set(name, attr.getAttribute("value"));
        }

        private int position(Element change) throws CibParseException {
            String text = required(change, "position");
            try {
                int position = Integer.parseInt(text);
                if (position >= 0) {
                    return position;
                }
            } catch (NumberFormatException e) {
                // reported below with the rest
            }
            throw problem(change, "the position '" + text + "' of the " + change.getAttribute("operation")
                    + " change is not a number from 0 up", "give the child's index, 0 for the first");
        }

        private CibVersion version(Element element) throws CibParseException {
            return new CibVersion(number(element, "admin_epoch"), number(element, "epoch"), number(element, "num_updates"));
        }

        private long number(Element element, String attribute) throws CibParseException {
            String text = required(element, attribute);
            try {
                long value = Long.parseLong(text);
                if (value >= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below with the rest
            }
            throw problem(element, "<" + element.getTagName() + "> " + attribute + "=\"" + text
                    + "\" is not a whole number from 0 up");
        }

        private Element only(Element parent, String name) throws CibParseException {
            List<Element> found = named(parent, name);
            if (found.size() != 1) {
                throw problem(parent, "<" + parent.getTagName() + "> has " + found.size() + " <" + name
                        + "> elements; it needs exactly one");
            }
            return found.get(0);
        }

        private static List<Element> named(Element parent, String name) {
            List<Element> found = new ArrayList<>();
            for (Element child : XmlTree.childElements(parent)) {
                if (child.getTagName().equals(name)) {
                    found.add(child);
                }
            }
            return found;
        }

        private String required(Element element, String attribute) throws CibParseException {
            if (!element.hasAttribute(attribute)) {
                throw problem(element, "<" + element.getTagName() + "> has no " + attribute + " attribute");
            }
            return element.getAttribute(attribute);
        }

        private CibParseException problem(Element element, String what) {
            return problem(element, what, REMEDY);
        }

        private CibParseException problem(Element element, String what, String remedy) {
            return new CibParseException(source, CibDocument.lineOf(element), 0, what, remedy);
        }
    }
}
