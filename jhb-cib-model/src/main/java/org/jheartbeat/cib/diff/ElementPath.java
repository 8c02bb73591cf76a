package org.jheartbeat.cib.diff;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The paths of a patchset: the subset of XPath Pacemaker writes. A step is {@code tag[@id='x']}
 * for the first child with that tag and id, {@code tag} for the only child with that tag, and
 * {@code tag[n]} (the n-th child with that tag, from 1) otherwise.
 */
final class ElementPath {

    private ElementPath() {
    }

    static String of(Element element) {
        StringBuilder path = new StringBuilder();
        for (Element at = element; at != null; at = parentElement(at)) {
            path.insert(0, "/" + step(at));
        }
        return path.toString();
    }

    /** The element {@code path} names in {@code document}; the exception says which step failed. */
    static Element resolve(Document document, String path) throws PatchException {
        List<Step> steps = Step.parseAll(path);
        Element root = document.getDocumentElement();
        Element at = null;
        StringBuilder walked = new StringBuilder();
        for (Step step : steps) {
            List<Element> candidates = at == null ? List.of(root) : XmlTree.childElements(at);
            Element found = step.select(candidates);
            if (found == null) {
                throw new PatchException("no element " + (walked.length() == 0 ? "/" : walked + "/")
                        + step.text() + " (path " + path + ")");
            }
            walked.append('/').append(step.text());
            at = found;
        }
        return at;
    }

    /** The tag of the element a path names: its last step without the predicate. */
    static String lastTag(String path) {
        List<String> steps = stepTexts(path);
        String step = steps.isEmpty() ? path : steps.get(steps.size() - 1);
        int bracket = step.indexOf('[');
        return bracket < 0 ? step : step.substring(0, bracket);
    }

    /** The steps of an absolute path, split at each slash that is not inside quotes. */
    private static List<String> stepTexts(String path) {
        List<String> steps = new ArrayList<>();
        int start = 1;
        char quote = 0;
        for (int i = 1; i <= path.length(); i++) {
            char c = i < path.length() ? path.charAt(i) : '/';
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '/') {
                steps.add(path.substring(start, i));
                start = i + 1;
            }
        }
        return steps;
    }

    private static String step(Element element) {
        String tag = element.getTagName();
        Element parent = parentElement(element);
        if (parent == null) {
            return tag;
        }
        List<Element> sameTag = new ArrayList<>();
        for (Element sibling : XmlTree.childElements(parent)) {
            if (sibling.getTagName().equals(tag)) {
                sameTag.add(sibling);
            }
        }
        String id = element.getAttribute("id");
        if (!id.isEmpty() && firstWithId(sameTag, id) == element && !(id.contains("'") && id.contains("\""))) {
            String quote = id.contains("'") ? "\"" : "'";
            return tag + "[@id=" + quote + id + quote + "]";
        }
        if (sameTag.size() == 1) {
            return tag;
        }
        return tag + "[" + (sameTag.indexOf(element) + 1) + "]";
    }

    private static Element firstWithId(List<Element> elements, String id) {
        for (Element element : elements) {
            if (element.getAttribute("id").equals(id)) {
                return element;
            }
        }
        return null;
    }

    private static Element parentElement(Element element) {
        Node parent = element.getParentNode();
        return parent instanceof Element parentElement ? parentElement : null;
    }

    /** One step of a path: a tag and at most one predicate, an id or a position. */
    private record Step(String text, String tag, String id, int position) {

        static List<Step> parseAll(String path) throws PatchException {
            if (!path.startsWith("/") || path.length() < 2) {
                throw new PatchException("the path '" + path + "' does not start with /TAG (like /cib/configuration)");
            }
            List<Step> steps = new ArrayList<>();
            for (String text : stepTexts(path)) {
                steps.add(parse(text, path));
            }
            return steps;
        }

        private static Step parse(String text, String path) throws PatchException {
            int bracket = text.indexOf('[');
            String tag = bracket < 0 ? text : text.substring(0, bracket);
            if (tag.isEmpty() || !tag.chars().allMatch(c -> Character.isLetterOrDigit(c) || "_-.:".indexOf(c) >= 0)) {
                throw unsupported(text, path);
            }
            if (bracket < 0) {
                return new Step(text, tag, null, 0);
            }
            if (!text.endsWith("]")) {
                throw unsupported(text, path);
            }
            String predicate = text.substring(bracket + 1, text.length() - 1);
            if (predicate.startsWith("@id=") && predicate.length() >= 6) {
                char quote = predicate.charAt(4);
                if ((quote == '\'' || quote == '"') && predicate.charAt(predicate.length() - 1) == quote) {
                    return new Step(text, tag, predicate.substring(5, predicate.length() - 1), 0);
                }
            }
            if (!predicate.isEmpty() && predicate.chars().allMatch(Character::isDigit) && predicate.length() < 10
                    && Integer.parseInt(predicate) > 0) {
                return new Step(text, tag, null, Integer.parseInt(predicate));
            }
            throw unsupported(text, path);
        }

        private static PatchException unsupported(String text, String path) {
            return new PatchException("the path step '" + text + "' in " + path
                    + " is not one a patchset uses: TAG, TAG[@id='ID'] or TAG[N]");
        }

        Element select(List<Element> candidates) {
            int seen = 0;
            for (Element candidate : candidates) {
                if (!candidate.getTagName().equals(tag)) {
                    continue;
                }
                seen++;
                boolean matches = id != null ? candidate.getAttribute("id").equals(id) : position == 0 || seen == position;
                if (matches) {
                    return candidate;
                }
            }
            return null;
        }
    }
}
