package org.jheartbeat.lrm.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads an OCF agent's {@code meta-data} output. Agents print a DOCTYPE naming
 * {@code ra-api-1.dtd}, so the declaration is allowed here, but neither that DTD nor any other
 * external entity is ever loaded.
 */
final class AgentMetaData {

    private static final Set<String> REQUIRED = Set.of("1", "true", "yes");

    private AgentMetaData() {
    }

    /** The names of the parameters marked required, or empty when the text is not meta-data XML. */
    static Optional<List<String>> requiredParameters(String metaData) {
        try {
            Document document = parser().parse(new InputSource(new StringReader(metaData)));
            NodeList parameters = document.getElementsByTagName("parameter");
            List<String> required = new ArrayList<>();
            for (int i = 0; i < parameters.getLength(); i++) {
                Element parameter = (Element) parameters.item(i);
                if (REQUIRED.contains(parameter.getAttribute("required"))) {
                    required.add(parameter.getAttribute("name"));
                }
            }
            return Optional.of(List.copyOf(required));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return Optional.empty();
        }
    }

    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder;
    }
}
