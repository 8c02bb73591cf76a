package org.jheartbeat.cib.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.xml.CibXml;
import org.w3c.dom.Document;

/**
 * CIB-like trees drawn from small alphabets of tags, ids and values, so that two random trees
 * share many elements, and mutations of a tree (removals, reorders, new attributes, new children).
 */
final class RandomCibs {

    private static final String[] TAGS = {"primitive", "op", "nvpair", "rule"};
    private static final String[] IDS = {"", "", "a", "b", "c", "it's", "x/y", "a"};
    private static final String[] NAMES = {"name", "value", "class", "score"};
    private static final String[] VALUES = {"1", "INFINITY", "<&>", "it's \"quoted\"", ""};

    private RandomCibs() {
    }

    static XmlTree cib(Random random) {
        Map<String, String> version = new LinkedHashMap<>();
        version.put("admin_epoch", Integer.toString(random.nextInt(3)));
        version.put("epoch", Integer.toString(random.nextInt(3)));
        version.put("num_updates", Integer.toString(random.nextInt(3)));
        return new XmlTree("cib", version, children(random, 3));
    }

    static XmlTree mutate(XmlTree tree, Random random, int depth) {
        Map<String, String> attributes = new LinkedHashMap<>(tree.attributes());
        if (random.nextInt(4) == 0) {
            attributes.put(pick(random, NAMES), pick(random, VALUES));
        }
        if (random.nextInt(5) == 0 && !attributes.isEmpty() && !tree.name().equals("cib")) {
            attributes.remove(attributes.keySet().iterator().next());
        }
        List<XmlTree> children = new ArrayList<>();
        for (XmlTree child : tree.children()) {
            if (random.nextInt(6) != 0) {
                children.add(mutate(child, random, depth + 1));
            }
        }
        if (random.nextInt(3) == 0) {
            children.add(random.nextInt(children.size() + 1), element(random, Math.max(0, 2 - depth)));
        }
        if (random.nextInt(3) == 0) {
            Collections.shuffle(children, random);
        }
        return new XmlTree(tree.name(), attributes, children);
    }

    static CibDocument document(XmlTree tree) {
        Document dom = CibXml.newDocument();
        dom.appendChild(tree.toElement(dom));
        return CibDocument.of(dom);
    }

    private static List<XmlTree> children(Random random, int depth) {
        List<XmlTree> children = new ArrayList<>();
        int count = depth == 0 ? 0 : random.nextInt(5);
        for (int i = 0; i < count; i++) {
            children.add(element(random, depth - 1));
        }
        return children;
    }

    private static XmlTree element(Random random, int depth) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String id = pick(random, IDS);
        if (!id.isEmpty()) {
            attributes.put("id", id);
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            attributes.put(pick(random, NAMES), pick(random, VALUES));
        }
        return new XmlTree(pick(random, TAGS), attributes, children(random, depth));
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
