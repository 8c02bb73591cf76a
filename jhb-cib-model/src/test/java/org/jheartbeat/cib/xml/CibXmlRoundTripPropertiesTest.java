package org.jheartbeat.cib.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jheartbeat.cib.model.CibDocument;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CibXmlRoundTripPropertiesTest {

    private static final List<String> TAGS = List.of("primitive", "group", "clone", "nvpair", "op",
            "instance_attributes", "meta_attributes", "rsc_location", "rule", "expression");
    private static final List<String> NAMES = List.of("id", "name", "value", "class", "type", "score", "interval");

    @Property(tries = 200)
    void writingAndParsingAgainGivesAnEqualDocument(@ForAll("cibs") Document dom) throws Exception {
        CibDocument cib = CibDocument.of(dom);

        String written = CibXml.toXml(cib);
        CibDocument again = CibXml.parse(written, "input");

        assertThat(again.dom().isEqualNode(dom)).as(written).isTrue();
        assertThat(CibXml.toXml(again)).isEqualTo(written);
    }

    @Provide
    Arbitrary<Document> cibs() {
        Arbitrary<String> values = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t', '\u00e9', '\u30af')
                .ofMaxLength(12);
        Arbitrary<List<Attribute>> attributes = Arbitraries.of(NAMES).flatMap(name -> values.map(v -> new Attribute(name, v)))
                .list().ofMaxSize(4).uniqueElements(Attribute::name);
        Arbitrary<Shape> leaf = Arbitraries.of(TAGS).flatMap(tag -> attributes.map(a -> new Shape(tag, a, List.of())));
        Arbitrary<Shape> level1 = Arbitraries.of(TAGS).flatMap(tag -> attributes.flatMap(a ->
                leaf.list().ofMaxSize(3).map(children -> new Shape(tag, a, children))));
        Arbitrary<Shape> level2 = Arbitraries.of(TAGS).flatMap(tag -> attributes.flatMap(a ->
                level1.list().ofMaxSize(4).map(children -> new Shape(tag, a, children))));
        return level2.list().ofMaxSize(4).map(CibXmlRoundTripPropertiesTest::build);
    }

    private static Document build(List<Shape> configuration) {
        Document dom = CibXml.newDocument();
        Element cib = dom.createElementNS(null, "cib");
        cib.setAttributeNS(null, "epoch", "1");
        dom.appendChild(cib);
        Element section = dom.createElementNS(null, "configuration");
        cib.appendChild(section);
        configuration.forEach(shape -> section.appendChild(shape.toElement(dom)));
        cib.appendChild(dom.createElementNS(null, "status"));
        return dom;
    }

    record Attribute(String name, String value) {
    }

    record Shape(String tag, List<Attribute> attributes, List<Shape> children) {
        Element toElement(Document dom) {
            Element element = dom.createElementNS(null, tag);
            attributes.forEach(a -> element.setAttributeNS(null, a.name(), a.value()));
            children.forEach(child -> element.appendChild(child.toElement(dom)));
            return element;
        }
    }
}
