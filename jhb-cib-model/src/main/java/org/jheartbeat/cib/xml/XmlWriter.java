package org.jheartbeat.cib.xml;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jheartbeat.cib.model.ElementMarks;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Writes a DOM as stable text: two spaces per level, one element per line, attributes in the
 * order they were parsed (new ones after them, by name). An element holding text keeps its
 * content on one line exactly as it is, so writing never changes what parsing gives back.
 */
final class XmlWriter {

    private static final String INDENT = "  ";

    private final StringBuilder out = new StringBuilder();

    String written() {
        return out.toString();
    }

    void writeNode(Node node, int depth) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> writeElement((Element) node, depth);
            case Node.COMMENT_NODE -> line(depth, "<!--" + node.getNodeValue() + "-->");
            case Node.PROCESSING_INSTRUCTION_NODE -> line(depth, "<?" + node.getNodeName()
                    + (node.getNodeValue().isEmpty() ? "" : " " + node.getNodeValue()) + "?>");
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> line(depth, escapeText(node.getNodeValue()));
            default -> { }
        }
    }

    private void writeElement(Element element, int depth) {
        StringBuilder tag = new StringBuilder(openTag(element));
        if (!element.hasChildNodes()) {
            line(depth, tag.append("/>").toString());
        } else if (holdsText(element)) {
            tag.append('>');
            appendInline(element, tag);
            line(depth, tag.append("</").append(element.getTagName()).append('>').toString());
        } else {
            line(depth, tag.append('>').toString());
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                writeNode(child, depth + 1);
            }
            line(depth, "</" + element.getTagName() + ">");
        }
    }

    /** Mixed content is written without added whitespace, which would otherwise become part of the text. */
    private void appendInline(Node parent, StringBuilder into) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> into.append(escapeText(child.getNodeValue()));
                case Node.COMMENT_NODE -> into.append("<!--").append(child.getNodeValue()).append("-->");
                case Node.ELEMENT_NODE -> appendElementInline((Element) child, into);
                default -> { }
            }
        }
    }

    private void appendElementInline(Element element, StringBuilder into) {
        into.append(openTag(element));
        if (!element.hasChildNodes()) {
            into.append("/>");
            return;
        }
        into.append('>');
        appendInline(element, into);
        into.append("</").append(element.getTagName()).append('>');
    }

    /** The start tag without its closing bracket. */
    private static String openTag(Element element) {
        StringBuilder tag = new StringBuilder("<").append(element.getTagName());
        for (Attr attribute : attributesInOrder(element)) {
            tag.append(' ').append(attribute.getName()).append("=\"")
                    .append(escapeAttribute(attribute.getValue())).append('"');
        }
        return tag.toString();
    }

    private static boolean holdsText(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            short type = child.getNodeType();
            if (type == Node.TEXT_NODE || type == Node.CDATA_SECTION_NODE) {
                return true;
            }
        }
        return false;
    }

    private static List<Attr> attributesInOrder(Element element) {
        NamedNodeMap map = element.getAttributes();
        Set<String> names = new LinkedHashSet<>();
        for (String name : ElementMarks.attributeOrderOf(element)) {
            if (element.hasAttribute(name)) {
                names.add(name);
            }
        }
        for (int i = 0; i < map.getLength(); i++) {
            names.add(map.item(i).getNodeName());
        }
        List<Attr> attributes = new ArrayList<>(names.size());
        for (String name : names) {
            attributes.add(element.getAttributeNode(name));
        }
        return attributes;
    }

    private void line(int depth, String content) {
        out.append(INDENT.repeat(depth)).append(content).append('\n');
    }

    private static String escapeText(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '\r' -> escaped.append("&#13;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String escapeAttribute(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\n' -> escaped.append("&#10;");
                case '\r' -> escaped.append("&#13;");
                case '\t' -> escaped.append("&#9;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
