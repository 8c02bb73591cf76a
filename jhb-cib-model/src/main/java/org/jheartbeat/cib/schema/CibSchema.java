package org.jheartbeat.cib.schema;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.jheartbeat.cib.model.CibDocument;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks a CIB against jheartbeat's schema for the current Pacemaker form ({@code cib.xsd}
 * beside this class) plus the few rules the XSD cannot express. Meaning (duplicate ids,
 * references, agents) is crm_verify's job, not the schema's. Unknown meta attribute names are
 * fine, as in Pacemaker: nvpair names are never checked here.
 */
public final class CibSchema {

    private static final String CURRENT_ELEMENT = "http://apache.org/xml/properties/dom/current-element-node";
    private static final Schema SCHEMA = load();

    private CibSchema() {
    }

    /** Every schema error in document order; empty when the CIB is valid. */
    public static List<SchemaError> validate(CibDocument document) {
        List<SchemaError> errors = new ArrayList<>();
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new Collector(validator, errors, document.root()));
            validator.validate(new DOMSource(document.dom()));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("the schema validator failed on an in-memory document", e);
        }
        if (errors.isEmpty()) {
            new StructureRules(errors::add).check(document.root());
        }
        return List.copyOf(errors);
    }

    public static boolean isValid(CibDocument document) {
        return validate(document).isEmpty();
    }

    private static Schema load() {
        try (InputStream xsd = CibSchema.class.getResourceAsStream("cib.xsd")) {
            if (xsd == null) {
                throw new IllegalStateException("cib.xsd is missing from the jhb-cib-model jar");
            }
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(xsd, "cib.xsd"));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("cib.xsd does not load", e);
        }
    }

    /** Collects every error instead of stopping at the first, naming the element being checked. */
    private static final class Collector implements ErrorHandler {

        private final Validator validator;
        private final List<SchemaError> errors;
        private final Element root;
        private final ValidatorMessages messages = new ValidatorMessages();

        Collector(Validator validator, List<SchemaError> errors, Element root) {
            this.validator = validator;
            this.errors = errors;
            this.root = root;
        }

        @Override
        public void warning(SAXParseException exception) {
            // the schema has no warnings worth an operator's attention
        }

        @Override
        public void error(SAXParseException exception) {
            String message = messages.translate(exception.getMessage());
            if (message != null) {
                errors.add(ElementNames.error(currentElement(), message));
            }
        }

        @Override
        public void fatalError(SAXParseException exception) {
            error(exception);
        }

        private Element currentElement() {
            try {
                Object node = validator.getProperty(CURRENT_ELEMENT);
                return node instanceof Element element ? element : root;
            } catch (SAXException e) {
                return root;
            }
        }
    }
}
