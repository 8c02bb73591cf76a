package org.jheartbeat.policy.random;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small element tree the generator builds CIB text with: attributes in insertion order, two-space indent. */
final class XmlElement {

    private final String tag;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlElement> children = new ArrayList<>();

    XmlElement(String tag) {
        this.tag = tag;
    }

    /** Sets the attributes given as name, value pairs. */
    XmlElement set(String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return this;
    }

    /** Appends a new child and returns it. */
    XmlElement add(String childTag, String... namesAndValues) {
        XmlElement child = new XmlElement(childTag).set(namesAndValues);
        children.add(child);
        return child;
    }

    XmlElement add(XmlElement child) {
        children.add(child);
        return child;
    }

    /** A deep copy, to record the same operation under a second id. */
    XmlElement copy() {
        XmlElement copy = new XmlElement(tag);
        copy.attributes.putAll(attributes);
        children.forEach(child -> copy.children.add(child.copy()));
        return copy;
    }

    boolean isEmpty() {
        return children.isEmpty();
    }

    String toXml() {
        StringBuilder out = new StringBuilder();
        write(out, 0);
        return out.toString();
    }

    private void write(StringBuilder out, int depth) {
        out.append("  ".repeat(depth)).append('<').append(tag);
        attributes.forEach((name, value) -> out.append(' ').append(name).append("=\"").append(escape(value)).append('"'));
        if (children.isEmpty()) {
            out.append("/>\n");
            return;
        }
        out.append(">\n");
        for (XmlElement child : children) {
            child.write(out, depth + 1);
        }
        out.append("  ".repeat(depth)).append("</").append(tag).append(">\n");
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
