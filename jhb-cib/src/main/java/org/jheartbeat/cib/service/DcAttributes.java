package org.jheartbeat.cib.service;

import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibVersion;
import org.jheartbeat.cib.xml.CibXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The DC writes who it is ({@code dc-uuid}) and whether its partition has quorum
 * ({@code have-quorum}) on the CIB's root, as Pacemaker's DC does; tools read them from there.
 * A status-level change: it raises {@code num_updates}, not the epoch.
 */
final class DcAttributes {

    private DcAttributes() {
    }

    /** The CIB with these values, or the same document when it already has them. */
    static CibDocument set(CibDocument cib, String dc, boolean quorum) {
        Element root = cib.root();
        String quorumValue = quorum ? "1" : "0";
        if (dc.equals(root.getAttribute("dc-uuid")) && quorumValue.equals(root.getAttribute("have-quorum"))) {
            return cib;
        }
        Document copy = CibXml.copy(cib.dom());
        Element copiedRoot = copy.getDocumentElement();
        copiedRoot.setAttributeNS(null, "dc-uuid", dc);
        copiedRoot.setAttributeNS(null, "have-quorum", quorumValue);
        CibVersion next = cib.version().nextUpdate();
        copiedRoot.setAttributeNS(null, "num_updates", Long.toString(next.numUpdates()));
        return CibDocument.of(copy);
    }
}
