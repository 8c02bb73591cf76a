package org.jheartbeat.cib.xml;

import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.cib.model.CompactContent;
import org.jheartbeat.cib.model.CompactElement;
import org.jheartbeat.cib.model.CompactText;
import org.jheartbeat.cib.model.ElementMarks;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes a DOM as stable text: two spaces per level, one element per line, attributes in the
 * order they were parsed (new ones after them, by name). An element holding text keeps its
 * content on one line exactly as it is, so writing never changes what parsing gives back.
 * Content held in compact form ({@link CompactContent}) is written where the element's children
 * would be, the same way: a document reads back the same whichever form held it.
 *
 * <p>The nodes written are DOM nodes or {@link org.jheartbeat.cib.model.CompactNode}s; the few
 * methods below that tell them apart are all that differs.
 */
final class XmlWriter {

    private static final String INDENT = "  ";

    private enum Kind { ELEMENT, TEXT, COMMENT, PROCESSING_INSTRUCTION, OTHER }

    private final StringBuilder out = new StringBuilder();

    String written() {
        return out.toString();
    }

    void writeNode(Node node, int depth) {
        write(node, depth);
    }

    private void write(Object node, int depth) {
        switch (kind(node)) {
            case ELEMENT -> writeElement(node, depth);
            case COMMENT -> line(depth, "<!--" + text(node) + "-->");
            case PROCESSING_INSTRUCTION -> line(depth, "<?" + target(node)
                    + (text(node).isEmpty() ? "" : " " + text(node)) + "?>");
            case TEXT -> line(depth, escapeText(text(node)));
            default -> { }
        }
    }

    private void writeElement(Object element, int depth) {
        List<?> children = children(element);
        StringBuilder tag = openTag(element);
        if (children.isEmpty()) {
            line(depth, tag.append("/>").toString());
        } else if (holdsText(children)) {
            tag.append('>');
            appendInline(children, tag);
            line(depth, tag.append("</").append(tagName(element)).append('>').toString());
        } else {
            line(depth, tag.append('>').toString());
            for (Object child : children) {
                write(child, depth + 1);
            }
            line(depth, "</" + tagName(element) + ">");
        }
    }

    /** Mixed content is written without added whitespace, which would otherwise become part of the text. */
    private void appendInline(List<?> nodes, StringBuilder into) {
        for (Object child : nodes) {
            switch (kind(child)) {
                case TEXT -> into.append(escapeText(text(child)));
                case COMMENT -> into.append("<!--").append(text(child)).append("-->");
                case ELEMENT -> appendElementInline(child, into);
                default -> { }
            }
        }
    }

    private void appendElementInline(Object element, StringBuilder into) {
        List<?> children = children(element);
        into.append(openTag(element));
        if (children.isEmpty()) {
            into.append("/>");
            return;
        }
        into.append('>');
        appendInline(children, into);
        into.append("</").append(tagName(element)).append('>');
    }

    private static boolean holdsText(List<?> children) {
        for (Object child : children) {
            if (kind(child) == Kind.TEXT) {
                return true;
            }
        }
        return false;
    }

    /** The start tag without its closing bracket. */
    private static StringBuilder openTag(Object element) {
        StringBuilder tag = new StringBuilder("<").append(tagName(element));
        if (element instanceof CompactElement compact) {
            for (int i = 0; i < compact.attributeCount(); i++) {
                appendAttribute(tag, compact.attributeName(i), compact.attributeValue(i));
            }
        } else {
            for (Attr attribute : ElementMarks.attributesInOrder((Element) element)) {
                appendAttribute(tag, attribute.getName(), attribute.getValue());
            }
        }
        return tag;
    }

    private static void appendAttribute(StringBuilder tag, String name, String value) {
        tag.append(' ').append(name).append("=\"").append(escapeAttribute(value)).append('"');
    }

    private static Kind kind(Object node) {
        if (node instanceof CompactElement) {
            return Kind.ELEMENT;
        }
        if (node instanceof CompactText text) {
            return switch (text.kind()) {
                case TEXT -> Kind.TEXT;
                case COMMENT -> Kind.COMMENT;
                case PROCESSING_INSTRUCTION -> Kind.PROCESSING_INSTRUCTION;
            };
        }
        return switch (((Node) node).getNodeType()) {
            case Node.ELEMENT_NODE -> Kind.ELEMENT;
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> Kind.TEXT;
            case Node.COMMENT_NODE -> Kind.COMMENT;
            case Node.PROCESSING_INSTRUCTION_NODE -> Kind.PROCESSING_INSTRUCTION;
            default -> Kind.OTHER;
        };
    }

    private static String tagName(Object element) {
        return element instanceof CompactElement compact ? compact.tag() : ((Element) element).getTagName();
    }

    /** Text, comment or processing instruction data. */
    private static String text(Object node) {
        return node instanceof CompactText compact ? compact.text() : ((Node) node).getNodeValue();
    }

    private static String target(Object node) {
        return node instanceof CompactText compact ? compact.target() : ((Node) node).getNodeName();
    }

    /** An element's children: its compact content or its DOM children. */
    private static List<?> children(Object element) {
        if (element instanceof CompactElement compact) {
            return compact.children();
        }
        CompactContent held = CompactContent.of((Element) element);
        if (held != null) {
            return held.nodes();
        }
        List<Node> children = new ArrayList<>();
        for (Node child = ((Element) element).getFirstChild(); child != null; child = child.getNextSibling()) {
            children.add(child);
        }
        return children;
    }

    private void line(int depth, String content) {
        out.append(INDENT.repeat(depth)).append(content).append('\n');
    }

    static String escapeText(String text) {
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

    static String escapeAttribute(String value) {
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
