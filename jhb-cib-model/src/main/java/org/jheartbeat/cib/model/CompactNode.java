package org.jheartbeat.cib.model;

/**
 * A node of the compact form in which a document parsed by
 * {@code CibXml.parseWithCompactHistory} keeps each node's operation history ({@link CompactContent}):
 * an element, or the text, comment or processing instruction a DOM would have held there.
 */
public sealed interface CompactNode permits CompactElement, CompactText {

    /** A deep copy: elements are changed in place, so a copied document needs its own. */
    CompactNode copy();
}
