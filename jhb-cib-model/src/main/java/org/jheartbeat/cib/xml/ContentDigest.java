package org.jheartbeat.cib.xml;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import org.jheartbeat.cib.model.CibDocument;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The MD5 of a CIB's content: elements with their attributes in name order and their non-blank
 * text, so that the same content reached another way (a patch may set attributes in another
 * order than the DC wrote them, or indent otherwise) digests the same.
 */
public final class ContentDigest {

    private ContentDigest() {
    }

    public static String of(CibDocument cib) {
        StringBuilder canonical = new StringBuilder();
        canonical(cib.root(), canonical);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    private static void canonical(Element element, StringBuilder out) {
        out.append('<').append(element.getTagName());
        NamedNodeMap attributes = element.getAttributes();
        TreeMap<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            sorted.put(attributes.item(i).getNodeName(), attributes.item(i).getNodeValue());
        }
        sorted.forEach((name, value) -> out.append(' ').append(name).append("=\"").append(CibXml.escapeAttribute(value))
                .append('"'));
        out.append('>');
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                canonical(e, out);
            } else if (child.getNodeType() == Node.TEXT_NODE && !child.getNodeValue().isBlank()) {
                out.append(CibXml.escapeText(child.getNodeValue().strip()));
            }
        }
        out.append("</").append(element.getTagName()).append('>');
    }
}
