package org.jheartbeat.cib.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * An element as a value: its name, attributes and child elements. Two trees are equal when they
 * have the same content whatever their attribute order, which is how CIB versions are compared.
 * Text and comments are not part of it: a CIB carries everything in attributes.
 */
public record XmlTree(String name, Map<String, String> attributes, List<XmlTree> children) {

    public XmlTree {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
    }

    public static XmlTree of(Element element) {
        List<XmlTree> children = new ArrayList<>();
        for (Element child : childElements(element)) {
            children.add(of(child));
        }
        return new XmlTree(element.getTagName(), attributesOf(element), children);
    }

    /** A new element of {@code document} (not yet attached) with this tree's content. */
    public Element toElement(Document document) {
        Element element = document.createElement(name);
        attributes.forEach(element::setAttribute);
        for (XmlTree child : children) {
            element.appendChild(child.toElement(document));
        }
        return element;
    }

    static Map<String, String> attributesOf(Element element) {
        Map<String, String> attributes = new LinkedHashMap<>();
        NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr attribute = (Attr) map.item(i);
            attributes.put(attribute.getName(), attribute.getValue());
        }
        return attributes;
    }

    static List<Element> childElements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }
}
