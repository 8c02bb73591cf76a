package org.jheartbeat.cib.request;

import org.jheartbeat.cib.model.CibErrorCode;
import java.util.List;
import org.jheartbeat.cib.diff.CibPatch;
import org.jheartbeat.cib.diff.PatchException;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.ops.CibOperationException;
import org.jheartbeat.cib.ops.CibOperations;
import org.jheartbeat.cib.xml.CibXml;
import org.w3c.dom.Element;

/**
 * Runs one cibadmin command on a CIB version: the same code for a file ({@code CIB_file}) and
 * for the daemon's CIB, so both answer alike.
 */
public final class CibRequestExecutor {

    private CibRequestExecutor() {
    }

    /**
     * @param after  the CIB after the command (the same object when nothing changed)
     * @param result what to tell the caller
     */
    public record Outcome(CibDocument after, CibResult result) {
    }

    public static Outcome execute(CibDocument cib, CibRequest request) throws CibRequestException {
        try {
            return switch (request.operation()) {
                case QUERY -> query(cib, request);
                case CREATE -> changed(CibOperations.create(cib, request.scope(), input(request)));
                case MODIFY -> changed(CibOperations.modify(cib, request.scope(), input(request),
                        request.allowCreate()));
                case REPLACE -> changed(CibOperations.replace(cib, request.scope(), input(request)));
                case DELETE -> changed(request.xpath() != null ? CibOperations.deleteXpath(cib, request.xpath())
                        : CibOperations.delete(cib, request.scope(), input(request)));
                case PATCH -> changed(patch(cib, request));
                case ERASE -> changed(erase(cib, request));
                case BUMP -> changed(CibOperations.bumpEpoch(cib));
                case UPGRADE -> changed(CibOperations.upgrade(cib));
            };
        } catch (CibOperationException e) {
            throw new CibRequestException(e.code(), e.getMessage());
        }
    }

    private static Outcome query(CibDocument cib, CibRequest request) throws CibOperationException {
        if (request.xpath() != null) {
            List<Element> found = CibOperations.queryXpath(cib, request.xpath());
            if (found.isEmpty()) {
                throw new CibOperationException(CibErrorCode.NO_SUCH_OBJECT, "nothing in the CIB "
                        + "matches the XPath " + request.xpath());
            }
            StringBuilder text = new StringBuilder();
            found.forEach(element -> text.append(CibXml.toXml(element)));
            return new Outcome(cib, new CibResult(text.toString(), cib.version().toString()));
        }
        Element section = CibOperations.query(cib, request.scope());
        return new Outcome(cib, new CibResult(CibXml.toXml(section), cib.version().toString()));
    }

    private static Outcome changed(CibDocument after) {
        return new Outcome(after, new CibResult(null, after.version().toString()));
    }

    private static CibDocument erase(CibDocument cib, CibRequest request) throws CibRequestException,
            CibOperationException {
        if (!request.force()) {
            throw new CibRequestException(CibErrorCode.UNSAFE, "erasing the whole CIB removes every "
                    + "resource and constraint: add --force to do it");
        }
        return CibOperations.erase(cib);
    }

    private static CibDocument patch(CibDocument cib, CibRequest request) throws CibRequestException {
        try {
            return CibPatch.parse(requireXml(request)).apply(cib);
        } catch (PatchException e) {
            throw new CibRequestException(CibErrorCode.OLD_DATA, e.getMessage());
        } catch (CibParseException e) {
            throw new CibRequestException(CibErrorCode.USAGE, e.getMessage());
        }
    }

    private static Element input(CibRequest request) throws CibRequestException {
        try {
            return CibXml.parseElement(requireXml(request), "input");
        } catch (CibParseException e) {
            throw new CibRequestException(CibErrorCode.USAGE, e.getMessage());
        }
    }

    private static String requireXml(CibRequest request) throws CibRequestException {
        if (request.xml() == null || request.xml().isBlank()) {
            throw new CibRequestException(CibErrorCode.USAGE, "this command needs XML input: "
                    + "give it with -x FILE, -X STRING or -p (standard input)");
        }
        return request.xml();
    }
}
