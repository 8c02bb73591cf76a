package org.jheartbeat.cib.ops;

import org.jheartbeat.cib.xml.Elements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibVersion;
import org.jheartbeat.cib.model.CibErrorCode;
import org.jheartbeat.cib.schema.CibSchema;
import org.jheartbeat.cib.schema.SchemaError;
import org.jheartbeat.cib.upgrade.CibUpgrade;
import org.jheartbeat.cib.xml.CibXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * cibadmin's operations as pure functions. A change works on a copy and returns a new document:
 * epoch raised (num_updates reset) when the configuration changed, num_updates raised when
 * only the status did, the same document back when nothing changed. A result that breaks the
 * schema is refused. Sections are named as cibadmin's -o names them; null means the whole CIB.
 * Elements returned by queries belong to the given document and must not be changed.
 */
public final class CibOperations {

    private static final List<String> REQUIRED_SECTIONS = List.of("crm_config", "nodes", "resources", "constraints");

    private CibOperations() {
    }

    /** The section element ({@code null} or "cib": the root). */
    public static Element query(CibDocument document, String section) throws CibOperationException {
        if (isWhole(section)) {
            return document.root();
        }
        Sections.requireKnown(section);
        Element found = Sections.find(document.dom(), section);
        if (found == null) {
            throw new CibOperationException(CibErrorCode.NO_SUCH_OBJECT, "the CIB has no <" + section + "> section yet;"
                    + " create something in it (-C -o " + section + ") first");
        }
        return found;
    }

    /** The elements the expression selects, in document order; empty when it selects none. */
    public static List<Element> queryXpath(CibDocument document, String xpath) throws CibOperationException {
        return select(document.dom(), xpath);
    }

    /** Adds the element to the section (or, when it is the section itself, its children). */
    public static CibDocument create(CibDocument document, String section, Element xml) throws CibOperationException {
        String target = isWhole(section) ? Sections.homeOf(xml) : section;
        Sections.requireKnown(target);
        Document copy = CibXml.copy(document.dom());
        Element sectionElement = Sections.findOrCreate(copy, target);
        List<Element> additions = xml.getTagName().equals(target) ? childElements(xml) : List.of(xml);
        Map<String, Element> existing = idsIn(scopeOf(copy, target));
        for (Element addition : additions) {
            refuseDuplicates(addition, existing);
            sectionElement.appendChild(ElementMerge.imported(copy, addition));
        }
        return finish(document, copy, target.equals("status"));
    }

    /** Merges the element into the one with its tag and id (cibadmin -M); creates it if allowed. */
    public static CibDocument modify(CibDocument document, String section, Element xml, boolean allowCreate)
            throws CibOperationException {
        Document copy = CibXml.copy(document.dom());
        Element target = findTarget(copy, section, xml);
        if (target == null) {
            if (!allowCreate) {
                throw notFound(xml, section, "use --allow-create to create it, or -C");
            }
            return create(document, section, xml);
        }
        ElementMerge.merge(target, xml);
        return finish(document, copy, isUnderStatus(target));
    }

    /** Replaces the element with its tag and id (or the named section) by the given one. */
    public static CibDocument replace(CibDocument document, String section, Element xml) throws CibOperationException {
        Document copy = CibXml.copy(document.dom());
        Element target = findTarget(copy, section, xml);
        if (target == null) {
            throw notFound(xml, section, "create it with -C");
        }
        boolean statusOnly = isUnderStatus(target);
        if (target == copy.getDocumentElement()) {
            Element replacement = ElementMerge.imported(copy, xml);
            for (String version : List.of("admin_epoch", "epoch", "num_updates")) {
                replacement.setAttributeNS(null, version, target.getAttribute(version));
            }
            copy.replaceChild(replacement, target);
        } else {
            target.getParentNode().replaceChild(ElementMerge.imported(copy, xml), target);
        }
        return finish(document, copy, statusOnly);
    }

    /**
     * Removes the element with the given tag and id (without an id: the first element with that
     * tag whose attributes include the given ones). As in Pacemaker, deleting what is not there
     * is not an error: the document comes back unchanged.
     */
    public static CibDocument delete(CibDocument document, String section, Element xml) throws CibOperationException {
        Document copy = CibXml.copy(document.dom());
        Element target = findTarget(copy, section, xml);
        if (target == null) {
            return document;
        }
        refuseRootOrSection(target, "delete " + describe(xml));
        boolean statusOnly = isUnderStatus(target);
        target.getParentNode().removeChild(target);
        return finish(document, copy, statusOnly);
    }

    /** Removes the first element the expression selects (cibadmin -D --xpath). */
    public static CibDocument deleteXpath(CibDocument document, String xpath) throws CibOperationException {
        return deleteXpath(document, xpath, false);
    }

    /** Removes the first, or every ({@code all}, cibadmin --delete-all), element the expression selects. */
    public static CibDocument deleteXpath(CibDocument document, String xpath, boolean all) throws CibOperationException {
        Document copy = CibXml.copy(document.dom());
        List<Element> matches = select(copy, xpath);
        if (matches.isEmpty()) {
            throw new CibOperationException(CibErrorCode.NO_SUCH_OBJECT, "nothing matches the xpath '" + xpath
                    + "'; check it with cibadmin -Q --xpath");
        }
        boolean statusOnly = true;
        for (Element match : all ? matches : matches.subList(0, 1)) {
            refuseRootOrSection(match, "delete what '" + xpath + "' selects");
            statusOnly &= isUnderStatus(match);
            match.getParentNode().removeChild(match);
        }
        return finish(document, copy, statusOnly);
    }

    /**
     * Empties configuration and status (cibadmin -E). As Pacemaker does, admin_epoch is raised
     * so the erased CIB wins over every copy that still holds the old configuration.
     */
    public static CibDocument erase(CibDocument document) {
        Document copy = CibXml.copy(document.dom());
        Element root = copy.getDocumentElement();
        while (root.getFirstChild() != null) {
            root.removeChild(root.getFirstChild());
        }
        Element configuration = (Element) root.appendChild(copy.createElementNS(null, "configuration"));
        for (String section : REQUIRED_SECTIONS) {
            configuration.appendChild(copy.createElementNS(null, section));
        }
        root.appendChild(copy.createElementNS(null, "status"));
        CibVersion old = document.version();
        return withVersion(copy, new CibVersion(old.adminEpoch() + 1, old.epoch() + 1, 0));
    }

    /** Raises the epoch without other change (cibadmin -B). */
    public static CibDocument bumpEpoch(CibDocument document) {
        return withVersion(CibXml.copy(document.dom()), document.version().nextEpoch());
    }

    /** The current form of a Heartbeat 2.1 CIB (cibadmin --upgrade), validated, with its epoch raised. */
    public static CibDocument upgrade(CibDocument document) throws CibOperationException {
        CibDocument upgraded = CibUpgrade.upgrade(document);
        refuseInvalid(upgraded);
        return withVersion(upgraded.dom(), document.version().nextEpoch());
    }

    private static CibDocument finish(CibDocument before, Document after, boolean statusOnly) throws CibOperationException {
        if (after.isEqualNode(before.dom())) {
            return before;
        }
        CibVersion old = before.version();
        CibDocument changed = withVersion(after, statusOnly ? old.nextUpdate() : old.nextEpoch());
        refuseInvalid(changed);
        return changed;
    }

    /** A Heartbeat 2.1 CIB is checked in its upgraded form, so that changes to it are held to the same rules. */
    private static void refuseInvalid(CibDocument changed) throws CibOperationException {
        CibDocument checked = CibUpgrade.isLegacy(changed) ? CibUpgrade.upgrade(changed) : changed;
        List<SchemaError> errors = CibSchema.validate(checked);
        if (!errors.isEmpty()) {
            throw new CibOperationException(CibErrorCode.INVALID_CONFIGURATION, "the change was refused because the result would not"
                    + " be a valid CIB:\n" + errors.stream().map(e -> "  " + e.describe()).collect(Collectors.joining("\n")),
                    errors);
        }
    }

    private static CibDocument withVersion(Document document, CibVersion version) {
        Element root = document.getDocumentElement();
        root.setAttributeNS(null, "admin_epoch", Long.toString(version.adminEpoch()));
        root.setAttributeNS(null, "epoch", Long.toString(version.epoch()));
        root.setAttributeNS(null, "num_updates", Long.toString(version.numUpdates()));
        return CibDocument.of(document);
    }

    /** The element an update or delete is about: the section itself, or the one with its tag and id. */
    private static Element findTarget(Document document, String section, Element xml) throws CibOperationException {
        Element scope = document.getDocumentElement();
        if (!isWhole(section)) {
            Sections.requireKnown(section);
            scope = Sections.find(document, section);
            if (scope == null) {
                return null;
            }
        }
        if (xml.getTagName().equals(scope.getTagName())) {
            return scope;
        }
        if (xml.getTagName().equals("cib")) {
            return isWhole(section) ? document.getDocumentElement() : null;
        }
        for (Element candidate : Elements.descendants(scope, xml.getTagName())) {
            if (matches(candidate, xml)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean matches(Element candidate, Element xml) {
        if (xml.hasAttribute("id")) {
            return candidate.getAttribute("id").equals(xml.getAttribute("id"));
        }
        for (int i = 0; i < xml.getAttributes().getLength(); i++) {
            Node attribute = xml.getAttributes().item(i);
            if (!candidate.getAttribute(attribute.getNodeName()).equals(attribute.getNodeValue())) {
                return false;
            }
        }
        return true;
    }

    private static List<Element> select(Document document, String xpath) throws CibOperationException {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
            List<Element> elements = new ArrayList<>(nodes.getLength());
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element element) {
                    elements.add(element);
                }
            }
            return elements;
        } catch (XPathExpressionException e) {
            throw new CibOperationException(CibErrorCode.BAD_XPATH, "the xpath '" + xpath + "' is not a valid XPath expression"
                    + " (or does not select elements); e.g. //primitive[@id='ip01']");
        }
    }

    private static void refuseDuplicates(Element addition, Map<String, Element> existing) throws CibOperationException {
        for (Element element : withDescendants(addition)) {
            Element clash = existing.get(element.getAttribute("id"));
            if (clash != null && !element.getAttribute("id").isEmpty()) {
                int line = CibDocument.lineOf(clash);
                throw new CibOperationException(CibErrorCode.ALREADY_EXISTS, "id '" + element.getAttribute("id") + "' already exists"
                        + (line > 0 ? " at line " + line : "") + " (" + describe(clash) + "); choose another id,"
                        + " or change the existing element with -M");
            }
        }
    }

    private static Map<String, Element> idsIn(Element scope) {
        Map<String, Element> ids = new HashMap<>();
        if (scope != null) {
            for (Element element : withDescendants(scope)) {
                if (element.hasAttribute("id")) {
                    ids.putIfAbsent(element.getAttribute("id"), element);
                }
            }
        }
        return ids;
    }

    /** Ids are unique within the configuration; the status repeats node ids on purpose and is its own scope. */
    private static Element scopeOf(Document document, String section) {
        return Sections.find(document, section.equals("status") ? "status" : "configuration");
    }

    private static List<Element> withDescendants(Element element) {
        List<Element> all = new ArrayList<>();
        all.add(element);
        all.addAll(Elements.descendants(element, null));
        return all;
    }

    private static List<Element> childElements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static boolean isUnderStatus(Element element) {
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            if (current.getTagName().equals("status") && current.getParentNode() == element.getOwnerDocument().getDocumentElement()) {
                return true;
            }
        }
        return false;
    }

    private static void refuseRootOrSection(Element target, String what) throws CibOperationException {
        Element root = target.getOwnerDocument().getDocumentElement();
        Node parent = target.getParentNode();
        boolean isTopSection = parent == root;
        boolean isRequiredSection = parent.getParentNode() == root && REQUIRED_SECTIONS.contains(target.getTagName());
        if (target == root || isTopSection || isRequiredSection) {
            throw new CibOperationException(CibErrorCode.INVALID_INPUT, "cannot " + what + ": it is " + describe(target)
                    + ", which a CIB cannot lose; use -E --force to erase the CIB");
        }
    }

    private static CibOperationException notFound(Element xml, String section, String remedy) {
        return new CibOperationException(CibErrorCode.NO_SUCH_OBJECT, "no " + describe(xml)
                + (isWhole(section) ? " in the CIB" : " in section " + section) + "; " + remedy);
    }

    private static String describe(Element element) {
        String id = element.getAttribute("id");
        return "<" + element.getTagName() + (id.isEmpty() ? "" : " id=\"" + id + "\"") + ">";
    }

    private static boolean isWhole(String section) {
        return section == null || section.isEmpty() || section.equals("cib");
    }
}
