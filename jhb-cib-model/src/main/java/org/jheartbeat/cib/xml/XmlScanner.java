package org.jheartbeat.cib.xml;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import org.jheartbeat.cib.model.CibParseException;

/**
 * Reads XML 1.0 text in UTF-8 and tells what it finds ({@link Events}), checking that it is
 * well-formed and namespace-well-formed as the JDK's parser did, with no DTD: a DOCTYPE is
 * refused, so no entity but the five predefined ones and character references exists and
 * nothing is ever loaded from elsewhere.
 *
 * <p>Our own rather than the JDK's (Xerces, through SAX or StAX) for speed: a CIB of 10,000
 * resources is 66 MB of text, almost all of it operation records of 17 attributes, and the JDK's
 * scanner, which decodes into a character buffer and goes through a symbol table and an
 * attribute list per tag, took most of crm_simulate's time on it. This one reads the bytes in
 * place (markup is ASCII; other characters are decoded only where they occur), and a name or a
 * short attribute value seen shortly before is found again without making a new string.
 * Malformed UTF-8 reads as U+FFFD, as decoding the text first did.
 *
 * <p>What it gives: an element's qualified name with its namespace (null for none), its
 * attributes in the order written with their values normalised (line ends and tabs become
 * spaces, references are replaced), and the line its {@code <} is on; text that is not only
 * whitespace, with line ends normalised to {@code \n} and CDATA sections taken in (text between
 * two pieces of markup is one piece); comments; processing instructions. Line ends are
 * {@code \n}, {@code \r\n} or {@code \r}. Names follow XML 1.0's fifth edition within the Basic
 * Multilingual Plane; characters beyond it are refused in names, as the JDK's parser refuses them.
 * Unlike the JDK's parser it refuses a name that starts with ':'.
 */
final class XmlScanner {

    /** What the scanner tells, in document order. */
    interface Events {
        void startElement(String qName, String uri, Attributes attributes, int line);

        void endElement();

        /** Text that is not only whitespace. */
        void text(String text);

        void comment(String text);

        void processingInstruction(String target, String data);
    }

    /**
     * Content parsed elsewhere (on another thread) for this scanner to take over: from the start
     * tag at {@link #at} to the end tag of the element that holds it, which is left for this
     * scanner to read. See {@link #scanContent}.
     */
    interface Handoff {
        /** Where in the text the content starts: a {@code <} of a start tag. */
        int at();

        /**
         * Takes the content over (its events are as good as told) when it was parsed from line
         * {@code line}, starting at {@code lineStart}, as this scanner is there; where it ends, or null
         * when there is nothing to take (it went wrong, or did not start where this scanner is):
         * the scanner reads the content itself.
         */
        Ended take(int line, int lineStart);
    }

    /** Where content read by {@link #scanContent} ends: the end tag after it, its line and where that line starts. */
    record Ended(int pos, int line, int lineStart) {
    }

    /**
     * The attributes of the start tag just read, in the order written; reused for the next tag.
     * A plain value (see {@link #isPlain}) becomes a string only when asked for: a history's
     * records keep its bytes instead ({@link ValueArena}).
     */
    static final class Attributes {
        private final XmlScanner scanner;
        private String[] names = new String[24];
        /** Null for a plain value not asked for yet. */
        private String[] values = new String[24];
        /** Where a plain value starts in the text (just after its quote) and ends; -1 for one that was decoded. */
        private int[] starts = new int[24];
        private int[] ends = new int[24];
        private String[] uris = new String[24];
        private int[] hashes = new int[24];
        private int count;

        private Attributes(XmlScanner scanner) {
            this.scanner = scanner;
        }

        int count() {
            return count;
        }

        String name(int index) {
            return names[index];
        }

        String value(int index) {
            if (values[index] == null) {
                values[index] = scanner.plainValue(starts[index], ends[index]);
            }
            return values[index];
        }

        /**
         * Whether the value reads as written, ASCII characters from space on without references:
         * then it is the text from {@link #valueStart} to {@link #valueEnd}.
         */
        boolean isPlain(int index) {
            return starts[index] >= 0;
        }

        /** Where a plain value starts in {@link #text()}, just after its quote. */
        int valueStart(int index) {
            return starts[index];
        }

        /** Where a plain value ends in {@link #text()}, at its closing quote. */
        int valueEnd(int index) {
            return ends[index];
        }

        /** The text scanned, which the value positions are in. */
        byte[] text() {
            return scanner.text;
        }

        /** The attribute's namespace, or null for none. */
        String uri(int index) {
            return uris[index];
        }

        /** Whether the attributes are these names, the same strings in the same order. */
        boolean areNamed(String[] shape) {
            if (shape.length != count) {
                return false;
            }
            for (int i = 0; i < count; i++) {
                if (shape[i] != names[i]) {
                    return false;
                }
            }
            return true;
        }

        private void add(String name, int hash, String decoded, int start, int end) {
            if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
                values = Arrays.copyOf(values, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                uris = Arrays.copyOf(uris, count * 2);
                hashes = Arrays.copyOf(hashes, count * 2);
            }
            names[count] = name;
            hashes[count] = hash;
            values[count] = decoded;
            starts[count] = decoded == null ? start : -1;
            ends[count] = end;
            uris[count] = null;
            count++;
        }
    }

    private static final String REMEDY = "fix the XML at that place (xmllint --noout FILE shows it too)";
    /** Values up to this long are looked up among the recent ones before a string is made. */
    private static final int SHARED_LENGTH = 32;
    private static final int NAME_CACHE_SIZE = 1024;
    private static final int VALUE_CACHE_SIZE = 4096;
    private static final byte[] COMMENT_END = {'-', '-'};
    private static final byte[] CDATA_END = {']', ']', '>'};
    private static final byte[] PI_END = {'?', '>'};

    private final byte[] text;
    private final int length;
    private final String source;
    private final Events events;
    private final Attributes attributes = new Attributes(this);
    /** The attribute names the last start tag of each element name had. */
    private final Map<String, AttributeShape> shapes = new HashMap<>();
    private final Recent recentNames = new Recent(NAME_CACHE_SIZE);
    private final Recent recentValues = new Recent(VALUE_CACHE_SIZE);
    /** Decoded content (values with references, text with CDATA) as UTF-8. */
    private final Utf8Buffer decoded = new Utf8Buffer();
    private int nameHash;

    private int pos;
    private int line = 1;
    private int lineStart;

    /** The open elements' names and lines, innermost last. */
    private String[] openNames = new String[32];
    private int[] openLines = new int[32];
    private int depth;

    /** Namespace bindings in scope, innermost last; each with the depth of the element that made it. */
    private String[] boundPrefixes = new String[4];
    private String[] boundUris = new String[4];
    private int[] boundDepths = new int[4];
    private int bindings;

    /** Text since the last markup: a region of the input while no reference or CDATA section made it differ. */
    private int textStart = -1;
    private int textEnd;
    private boolean textDecoded;
    private boolean textBlank = true;
    private final Utf8Buffer textBuffer = new Utf8Buffer();

    /** What may be taken over instead of read, and where; -1 for nothing. */
    private final Handoff handoff;
    private final int handoffAt;

    private XmlScanner(byte[] text, int offset, String source, Events events, Handoff handoff) {
        this.text = text;
        this.length = text.length;
        this.pos = offset;
        this.lineStart = offset;
        this.source = source;
        this.events = events;
        this.handoff = handoff;
        this.handoffAt = handoff == null ? -1 : handoff.at();
    }

    /** Scans UTF-8 text from {@code offset} (after a byte order mark, for instance). */
    static void scan(byte[] utf8, int offset, String source, Events events) throws CibParseException {
        scan(utf8, offset, source, events, null);
    }

    /** {@link #scan(byte[], int, String, Events)} that takes over the content {@code handoff} has, if it can. */
    static void scan(byte[] utf8, int offset, String source, Events events, Handoff handoff) throws CibParseException {
        new XmlScanner(utf8, offset, source, events, handoff).document();
    }

    /**
     * Scans the content of an element from {@code from}, on line {@code line} that starts at
     * {@code lineStart}, up to the end tag of that element, which is not read: a run of
     * elements, text, comments and processing instructions, as {@link #scan} would see them
     * there with no namespace declared.
     */
    static Ended scanContent(byte[] utf8, int from, int line, int lineStart, String source, Events events)
            throws CibParseException {
        XmlScanner scanner = new XmlScanner(utf8, from, source, events, null);
        scanner.line = line;
        scanner.lineStart = lineStart;
        scanner.contentUpToEnd();
        return new Ended(scanner.pos, scanner.line, scanner.lineStart);
    }

    private void document() throws CibParseException {
        if (startsWith("<?xml", pos) && pos + 5 < length && isSpace(text[pos + 5])) {
            xmlDeclaration();
        }
        boolean rootSeen = false;
        while (true) {
            skipSpaces();
            if (pos >= length) {
                if (!rootSeen) {
                    throw problem("there is no element: a document is one root element", "give the CIB's XML");
                }
                return;
            }
            if (startsWith("<!--", pos)) {
                comment();
            } else if (startsWith("<?", pos)) {
                processingInstruction();
            } else if (startsWith("<!DOCTYPE", pos)) {
                throw problem("a DOCTYPE declaration is not allowed in a CIB", "remove the <!DOCTYPE ...> declaration: a"
                        + " CIB needs no DTD, and DTDs and external entities are never loaded");
            } else if (text[pos] == '<' && !rootSeen) {
                rootSeen = true;
                content();
            } else if (rootSeen) {
                throw notWellFormed("there is more after the root element ends: a document is one element");
            } else {
                throw notWellFormed("text before the first element: a document starts with its root element");
            }
        }
    }

    /** The root element and everything in it; iterative, so that nesting depth costs no stack. */
    private void content() throws CibParseException {
        startTag();
        while (depth > 0) {
            if (pos >= length) {
                throw problem("not well-formed: the XML ends before every element is closed (<" + openNames[depth - 1]
                        + "> of line " + openLines[depth - 1] + " is open)",
                        "check the file is complete and every <element> has its </element> or ends in />");
            }
            if (startsWith("</", pos)) {
                flushText();
                endTag();
            } else {
                contentItem();
            }
        }
    }

    /** {@link #scanContent}: up to an end tag that closes no element opened here. */
    private void contentUpToEnd() throws CibParseException {
        while (true) {
            if (pos >= length) {
                throw endsInside("an element");
            }
            if (startsWith("</", pos)) {
                flushText();
                if (depth == 0) {
                    return;
                }
                endTag();
            } else {
                contentItem();
            }
        }
    }

    /** Text, a comment, CDATA, a processing instruction or a start tag at pos. */
    private void contentItem() throws CibParseException {
        if (text[pos] != '<') {
            characterData();
        } else if (startsWith("<!--", pos)) {
            flushText();
            comment();
        } else if (startsWith("<![CDATA[", pos)) {
            cdata();
        } else if (startsWith("<?", pos)) {
            flushText();
            processingInstruction();
        } else {
            flushText();
            if (pos != handoffAt || !handedOver()) {
                startTag();
            }
        }
    }

    /**
     * At the start of the content {@link #handoff} has: takes it over when no namespace is
     * declared (the other scanner started without any); whether it did.
     */
    private boolean handedOver() {
        if (bindings > 0) {
            return false;
        }
        Ended ended = handoff.take(line, lineStart);
        if (ended == null) {
            return false;
        }
        pos = ended.pos();
        line = ended.line();
        lineStart = ended.lineStart();
        return true;
    }

    private void startTag() throws CibParseException {
        int tagLine = line;
        // The tag's column is only worked out for an error: it decodes the line so far.
        int tagLineStart = lineStart;
        int tagStart = pos;
        pos++;
        String qName = name(tag -> "an element name after '<'");
        attributes.count = 0;
        AttributeShape shape = shapes.get(qName);
        // whether every name so far was the one the shape expected there
        boolean asShaped = shape != null;
        boolean namespaced = bindings > 0 || qName.indexOf(':') >= 0;
        while (true) {
            boolean spaced = skipSpaces();
            if (pos >= length) {
                throw endsInside("the start tag <" + qName);
            }
            byte c = text[pos];
            if (c == '>' || c == '/') {
                if (c == '/' && (pos + 1 >= length || text[pos + 1] != '>')) {
                    throw notWellFormed("'/' in the start tag <" + qName + "> must be followed by '>'");
                }
                pos += c == '/' ? 2 : 1;
                String uri = namespaced ? resolveNamespaces(qName, tagLine, columnOf(tagLineStart, tagStart)) : null;
                if (shape == null || !shape.isOf(attributes.names, attributes.count)) {
                    shapes.put(qName, new AttributeShape(attributes.names, attributes.count));
                }
                events.startElement(qName, uri, attributes, tagLine);
                if (c == '/') {
                    events.endElement();
                    unbind(depth);
                } else {
                    open(qName, tagLine);
                }
                return;
            }
            if (!spaced) {
                throw notWellFormed("the start tag <" + qName + "> needs white space before each attribute and ends"
                        + " with '>' or '/>'");
            }
            int index = attributes.count;
            // as expected, the names are those of a tag accepted before: none is given twice
            boolean expected = asShaped && index < shape.count() && shape.isAt(index, text, pos, length);
            asShaped = expected;
            String name;
            int hash;
            if (expected) {
                name = shape.name(index);
                hash = shape.hash(index);
                pos += shape.length(index);
            } else {
                name = name(ATTRIBUTE_NAME, qName);
                hash = nameHash;
            }
            skipSpaces();
            if (pos >= length || text[pos] != '=') {
                throw notWellFormed("the attribute \"" + name + "\" of <" + qName + "> needs '=' and a quoted value");
            }
            pos++;
            skipSpaces();
            byte quote = pos < length ? text[pos] : 0;
            if (quote != '"' && quote != '\'') {
                throw notWellFormed("the value of the attribute \"" + name + "\" of <" + qName + "> must be in quotes");
            }
            pos++;
            int start = pos;
            String decoded = attributeValue(quote, name);
            for (int i = 0; i < attributes.count && !expected; i++) {
                if (attributes.hashes[i] == hash && attributes.names[i].equals(name)) {
                    throw notWellFormed("the attribute \"" + name + "\" is given twice in <" + qName + ">");
                }
            }
            attributes.add(name, hash, decoded, start, pos - 1);
            namespaced |= name.indexOf(':') >= 0 || name.equals("xmlns");
        }
    }

    private void endTag() throws CibParseException {
        pos += 2;
        String name = name(tag -> "the element name after '</'");
        skipSpaces();
        if (pos >= length || text[pos] != '>') {
            throw notWellFormed("the end tag </" + name + " must end with '>'");
        }
        String open = openNames[depth - 1];
        if (!name.equals(open)) {
            throw notWellFormed("the end tag </" + name + "> does not close <" + open + "> of line "
                    + openLines[depth - 1] + ", the element open there");
        }
        pos++;
        depth--;
        unbind(depth);
        events.endElement();
    }

    private void open(String name, int tagLine) {
        if (depth == openNames.length) {
            openNames = Arrays.copyOf(openNames, depth * 2);
            openLines = Arrays.copyOf(openLines, depth * 2);
        }
        openNames[depth] = name;
        openLines[depth] = tagLine;
        depth++;
    }

    /**
     * The namespace of the element just read and of its attributes ({@code xmlns} and
     * {@code xmlns:*} belong to the XMLNS namespace); its own declarations come into scope.
     */
    private String resolveNamespaces(String qName, int tagLine, int tagColumn) throws CibParseException {
        int elementDepth = depth + 1;
        for (int i = 0; i < attributes.count; i++) {
            String name = attributes.names[i];
            if (name.equals("xmlns") || name.startsWith("xmlns:")) {
                boolean defaultNamespace = name.equals("xmlns");
                String prefix = defaultNamespace ? "" : name.substring(6);
                String uri = attributes.value(i);
                if (!defaultNamespace && (uri.isEmpty() || !isNcName(prefix))) {
                    throw problemAt(tagLine, tagColumn, "the namespace declaration " + name + "=\"" + uri + "\" of <"
                            + qName + "> is not allowed: xmlns:PREFIX binds a name without ':' to a namespace name"
                            + " that is not empty");
                }
                if (prefix.equals("xmlns") || prefix.equals("xml") != XMLConstants.XML_NS_URI.equals(uri)
                        || !prefix.equals("xml") && XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(uri)) {
                    throw problemAt(tagLine, tagColumn, "the namespace declaration " + name + " of <" + qName
                            + "> binds a reserved prefix or namespace");
                }
                bind(prefix, uri, elementDepth);
                attributes.uris[i] = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;
            }
        }
        for (int i = 0; i < attributes.count; i++) {
            String name = attributes.names[i];
            if (name.indexOf(':') == 0) {
                unprefixed(name, "attribute \"" + name + "\" of <" + qName + ">", tagLine, tagColumn);
            } else if (attributes.uris[i] == null && name.indexOf(':') > 0) {
                attributes.uris[i] = prefixUri(name, "attribute \"" + name + "\" of <" + qName + ">", tagLine, tagColumn);
                for (int j = 0; j < i; j++) {
                    if (attributes.uris[i].equals(attributes.uris[j])
                            && localName(attributes.names[j]).equals(localName(name))) {
                        throw problemAt(tagLine, tagColumn, "the attributes \"" + attributes.names[j] + "\" and \""
                                + name + "\" of <" + qName + "> are the same attribute (one namespace, one local name)");
                    }
                }
            }
        }
        if (qName.indexOf(':') == 0) {
            unprefixed(qName, "element <" + qName + ">", tagLine, tagColumn);
        } else if (qName.indexOf(':') > 0) {
            return prefixUri(qName, "element <" + qName + ">", tagLine, tagColumn);
        }
        String defaultUri = boundUri("");
        return defaultUri == null || defaultUri.isEmpty() ? null : defaultUri;
    }

    /**
     * A name that starts with ':' is refused, as Namespaces in XML wants; the JDK's parser took
     * one as unprefixed, and then lost an attribute ":a" beside an "a".
     */
    private void unprefixed(String qName, String what, int tagLine, int tagColumn) throws CibParseException {
        throw problemAt(tagLine, tagColumn, "the name of the " + what + " starts with ':', which namespaces do"
                + " not allow: a name is a local name or a prefix, ':' and a local name");
    }

    /** The namespace of a prefixed name. */
    private String prefixUri(String qName, String what, int tagLine, int tagColumn) throws CibParseException {
        int colon = qName.indexOf(':');
        String prefix = qName.substring(0, colon);
        String local = qName.substring(colon + 1);
        if (!isNcName(local)) {
            throw problemAt(tagLine, tagColumn, "the name of the " + what + " is not a prefix, ':' and a local name");
        }
        String uri = prefix.equals("xml") ? XMLConstants.XML_NS_URI : boundUri(prefix);
        if (uri == null || uri.isEmpty()) {
            throw problemAt(tagLine, tagColumn, "the prefix \"" + prefix + "\" of the " + what
                    + " is not bound to a namespace (no xmlns:" + prefix + "=\"...\" in scope)");
        }
        return uri;
    }

    private static String localName(String qName) {
        return qName.substring(qName.indexOf(':') + 1);
    }

    private void bind(String prefix, String uri, int elementDepth) {
        if (bindings == boundPrefixes.length) {
            boundPrefixes = Arrays.copyOf(boundPrefixes, bindings * 2);
            boundUris = Arrays.copyOf(boundUris, bindings * 2);
            boundDepths = Arrays.copyOf(boundDepths, bindings * 2);
        }
        boundPrefixes[bindings] = prefix;
        boundUris[bindings] = uri;
        boundDepths[bindings] = elementDepth;
        bindings++;
    }

    /** The declarations of elements deeper than {@code remainingDepth} go out of scope. */
    private void unbind(int remainingDepth) {
        while (bindings > 0 && boundDepths[bindings - 1] > remainingDepth) {
            bindings--;
        }
    }

    private String boundUri(String prefix) {
        for (int i = bindings - 1; i >= 0; i--) {
            if (boundPrefixes[i].equals(prefix)) {
                return boundUris[i];
            }
        }
        return null;
    }

    /**
     * A name, shared with the last one of the same text (its hash left in {@link #nameHash});
     * {@code expected} says what was wanted when there is none.
     */
    private String name(Expected expected) throws CibParseException {
        return name(expected, null);
    }

    /** {@link #name(Expected)} in the start tag {@code tag}, which {@code expected} may name. */
    private String name(Expected expected, String tag) throws CibParseException {
        int start = pos;
        int hash = 0;
        boolean ascii = true;
        while (pos < length) {
            int c = text[pos];
            if (c >= 0) {
                if (pos == start ? !isAsciiNameStart(c) : !isAsciiNameChar(c)) {
                    break;
                }
                hash = 31 * hash + c;
                pos++;
            } else {
                int codePoint = codePointAt(pos);
                if (codePoint > 0xFFFF || (pos == start ? !isNameStart((char) codePoint) : !isNameChar((char) codePoint))) {
                    break;
                }
                hash = 31 * hash + codePoint;
                ascii = false;
                pos += sequenceLength(pos);
            }
        }
        if (pos == start) {
            throw pos >= length ? endsInside("a tag") : notWellFormed(expected.what(tag) + " was expected");
        }
        nameHash = hash;
        return ascii ? shared(recentNames, start, pos, hash) : new String(text, start, pos - start, StandardCharsets.UTF_8);
    }

    /**
     * What was expected where a name is missing, in the start tag given if any; made only then.
     * The lambdas capture nothing, so that none is made per name read.
     */
    private interface Expected {
        String what(String tag);
    }

    private static final Expected ATTRIBUTE_NAME = tag -> "an attribute name, '>' or '/>' in the start tag <" + tag + ">";

    /**
     * Reads an attribute value up to its closing quote, normalised as XML says for attributes
     * without a DTD: null when it is plain (the text as written, see {@link Attributes#isPlain}),
     * else the value decoded.
     */
    private String attributeValue(byte quote, String name) throws CibParseException {
        int start = pos;
        while (pos < length) {
            byte c = text[pos];
            if (c == quote) {
                pos++;
                return null;
            }
            if (c < ' ' || c == '&' || c == '<' || c == 0x7f) {
                return decodedAttributeValue(quote, name, start);
            }
            pos++;
        }
        throw endsInside("the value of the attribute \"" + name + "\"");
    }

    /** The plain value [start, end), the same string as last time when it is short and was seen shortly before. */
    private String plainValue(int start, int end) {
        if (end - start > SHARED_LENGTH) {
            return ascii(start, end);
        }
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text[i];
        }
        return shared(recentValues, start, end, hash);
    }

    /** The rest of an attribute value that holds references, line ends, tabs or characters beyond ASCII. */
    private String decodedAttributeValue(byte quote, String name, int start) throws CibParseException {
        Utf8Buffer value = decoded;
        value.clear();
        value.append(text, start, pos);
        while (pos < length) {
            byte c = text[pos];
            if (c == quote) {
                pos++;
                return value.string();
            }
            switch (c) {
                case '&' -> reference(value);
                case '<' -> throw notWellFormed("'<' in the value of the attribute \"" + name + "\": write it as &lt;");
                case '\n', '\t' -> {
                    lineEnd(c);
                    value.append((byte) ' ');
                    pos++;
                }
                case '\r' -> {
                    value.append((byte) ' ');
                    pos = crLineEnd(pos);
                }
                default -> {
                    int at = pos;
                    pos = checkedChar(at);
                    value.append(text, at, pos);
                }
            }
        }
        throw endsInside("the value of the attribute \"" + name + "\"");
    }

    /** Text between markup, up to the next '<'. */
    private void characterData() throws CibParseException {
        int start = pos;
        boolean blank = textBlank;
        while (pos < length) {
            byte c = text[pos];
            if (c == '<') {
                break;
            }
            if (c == ' ' || c == '\n' || c == '\t') {
                if (c == '\n') {
                    lineEnd(c);
                }
                pos++;
                continue;
            }
            if (c == '&' || c == '\r' || c == ']') {
                textBlank = blank;
                characterDataDecoded(start);
                return;
            }
            if (c < ' ' || c == 0x7f) {
                int at = pos;
                pos = checkedChar(at);
                blank &= Character.isWhitespace(codePointAt(at));
            } else {
                blank = false;
                pos++;
            }
        }
        textBlank = blank;
        addText(start, pos);
    }

    /** The rest of a piece of text that holds references, carriage returns or ']'. */
    private void characterDataDecoded(int start) throws CibParseException {
        Utf8Buffer into = textInto(start, pos);
        while (pos < length) {
            byte c = text[pos];
            if (c == '<') {
                return;
            }
            int before = into.length();
            switch (c) {
                case '&' -> reference(into);
                case '\r' -> {
                    into.append((byte) '\n');
                    pos = crLineEnd(pos);
                }
                case '\n' -> {
                    lineEnd(c);
                    into.append(c);
                    pos++;
                }
                case ']' -> {
                    if (startsWith("]]>", pos)) {
                        throw notWellFormed("']]>' in text: write the '>' as &gt;");
                    }
                    into.append(c);
                    pos++;
                }
                default -> {
                    int at = pos;
                    pos = checkedChar(at);
                    into.append(text, at, pos);
                }
            }
            if (textBlank) {
                textBlank = into.isBlankFrom(before);
            }
        }
    }

    private void cdata() throws CibParseException {
        int start = pos + "<![CDATA[".length();
        int close = indexOf(CDATA_END, start);
        if (close < 0) {
            pos = length;
            throw endsInside("a CDATA section");
        }
        Utf8Buffer into = textInto(start, start);
        int before = into.length();
        appendNormalised(into, start, close);
        if (textBlank) {
            textBlank = into.isBlankFrom(before);
        }
        pos = close + 3;
    }

    private void comment() throws CibParseException {
        int start = pos + 4;
        int dashes = indexOf(COMMENT_END, start);
        if (dashes < 0) {
            pos = length;
            throw endsInside("a comment");
        }
        if (dashes + 2 >= length || text[dashes + 2] != '>') {
            normalised(start, dashes);
            throw notWellFormed("'--' inside a comment: a comment ends at the first '--', which must be followed by '>'");
        }
        events.comment(normalised(start, dashes));
        pos = dashes + 3;
    }

    private void processingInstruction() throws CibParseException {
        pos += 2;
        String target = name(tag -> "a processing instruction's target after '<?'");
        if (target.equalsIgnoreCase("xml")) {
            throw notWellFormed("<?xml ...?> is only allowed at the very start of the document");
        }
        int close = indexOf(PI_END, pos);
        if (close < 0) {
            pos = length;
            throw endsInside("the processing instruction <?" + target);
        }
        if (close > pos && !skipSpaces()) {
            throw notWellFormed("the processing instruction <?" + target + " needs white space after its target");
        }
        int start = Math.min(pos, close);
        events.processingInstruction(target, normalised(start, close));
        pos = close + 2;
    }

    /** {@code <?xml version="1.0" encoding="..." standalone="..."?>}; the text was decoded as it says already. */
    private void xmlDeclaration() throws CibParseException {
        pos += 5;
        List<String> order = List.of("version", "encoding", "standalone");
        int next = 0;
        while (true) {
            boolean spaced = skipSpaces();
            if (startsWith("?>", pos) && next > 0) {
                pos += 2;
                return;
            }
            if (pos >= length) {
                throw endsInside("the XML declaration");
            }
            String name = spaced && isAsciiNameStart(text[pos]) ? name(tag -> "a name") : "";
            int index = order.indexOf(name);
            if (index < next || next == 0 && index != 0) {
                throw notWellFormed("the XML declaration is <?xml version=\"1.0\"?>, optionally with encoding=\"...\""
                        + " and standalone=\"yes|no\" after the version, in that order, separated by white space");
            }
            skipSpaces();
            if (pos >= length || text[pos] != '=') {
                throw notWellFormed("'" + name + "' in the XML declaration needs '=' and a quoted value");
            }
            pos++;
            skipSpaces();
            byte quote = pos < length ? text[pos] : 0;
            if (quote != '"' && quote != '\'') {
                throw notWellFormed("the value of '" + name + "' in the XML declaration must be in quotes");
            }
            pos++;
            int start = pos;
            String decoded = attributeValue(quote, name);
            String value = decoded != null ? decoded : ascii(start, pos - 1);
            boolean valid = switch (name) {
                case "version" -> value.matches("1\\.[0-9]+");
                case "encoding" -> value.matches("[A-Za-z][A-Za-z0-9._-]*");
                default -> value.equals("yes") || value.equals("no");
            };
            if (!valid) {
                throw notWellFormed("'" + value + "' is not a valid " + name + " in the XML declaration");
            }
            next = index + 1;
        }
    }

    /** A reference at pos ('&'), its character appended. */
    private void reference(Utf8Buffer into) throws CibParseException {
        int start = pos;
        int semicolon = pos + 1;
        while (semicolon < length && (text[semicolon] == '#' || text[semicolon] >= 0 && isAsciiNameChar(text[semicolon]))) {
            semicolon++;
        }
        if (semicolon >= length || text[semicolon] != ';' || semicolon == pos + 1) {
            throw notWellFormed("'&' starts a reference (&amp; &lt; &gt; &quot; &apos; or &#...;), which ends with ';':"
                    + " write a '&' of its own as &amp;");
        }
        String name = new String(text, pos + 1, semicolon - pos - 1, StandardCharsets.ISO_8859_1);
        pos = semicolon + 1;
        switch (name) {
            case "lt" -> into.append((byte) '<');
            case "gt" -> into.append((byte) '>');
            case "amp" -> into.append((byte) '&');
            case "quot" -> into.append((byte) '"');
            case "apos" -> into.append((byte) '\'');
            default -> {
                int codePoint = characterReference(name);
                if (codePoint < 0) {
                    pos = start;
                    throw notWellFormed(name.startsWith("#")
                            ? "&" + name + "; is not a character XML allows"
                            : "the entity \"" + name + "\" (&" + name + ";) is not declared: without a DTD only &amp; &lt;"
                                    + " &gt; &quot; &apos; and character references (&#...;) exist");
                }
                into.appendCodePoint(codePoint);
            }
        }
    }

    /** The character of {@code #N} or {@code #xH}, or -1 when it is none or not one XML allows. */
    private static int characterReference(String name) {
        if (!name.startsWith("#") || name.length() < 2) {
            return -1;
        }
        boolean hex = name.charAt(1) == 'x';
        String digits = name.substring(hex ? 2 : 1);
        if (digits.isEmpty() || !digits.matches(hex ? "[0-9a-fA-F]+" : "[0-9]+")) {
            return -1;
        }
        int codePoint;
        try {
            codePoint = Integer.parseInt(digits, hex ? 16 : 10);
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
        return isXmlChar(codePoint) ? codePoint : -1;
    }

    /** The piece of text gathered since the last markup is told, unless it is only whitespace. */
    private void flushText() {
        if (textStart >= 0 && !textBlank) {
            events.text(textDecoded ? textBuffer.string() : new String(text, textStart, textEnd - textStart,
                    StandardCharsets.UTF_8));
        }
        textStart = -1;
        textDecoded = false;
        textBlank = true;
    }

    private void addText(int start, int end) {
        if (textStart < 0) {
            textStart = start;
            textEnd = end;
        } else if (textDecoded) {
            textBuffer.append(text, start, end);
        } else {
            textEnd = end;
        }
    }

    /** The buffer the current piece of text is decoded into, holding what it had so far and [start, end). */
    private Utf8Buffer textInto(int start, int end) {
        if (!textDecoded) {
            textBuffer.clear();
            if (textStart >= 0) {
                textBuffer.append(text, textStart, textEnd);
            } else {
                textStart = start;
            }
            textDecoded = true;
        }
        textBuffer.append(text, start, end);
        return textBuffer;
    }

    /** [start, end) with line ends made '\n', its characters checked and its lines counted; pos ends at end. */
    private String normalised(int start, int end) throws CibParseException {
        decoded.clear();
        appendNormalised(decoded, start, end);
        return decoded.string();
    }

    private void appendNormalised(Utf8Buffer into, int start, int end) throws CibParseException {
        pos = start;
        while (pos < end) {
            byte c = text[pos];
            if (c == '\r') {
                into.append((byte) '\n');
                pos = crLineEnd(pos);
            } else {
                if (c == '\n') {
                    lineEnd(c);
                }
                int at = pos;
                pos = c >= ' ' && c < 0x7f || c == '\n' || c == '\t' ? at + 1 : checkedChar(at);
                into.append(text, at, pos);
            }
        }
    }

    /** Skips white space, counting lines; whether there was any. */
    private boolean skipSpaces() {
        int start = pos;
        while (pos < length) {
            byte c = text[pos];
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\n') {
                lineEnd(c);
                pos++;
            } else if (c == '\r') {
                pos = crLineEnd(pos);
            } else {
                break;
            }
        }
        return pos > start;
    }

    /** Notes a '\n' at pos as a line end (a tab is none). */
    private void lineEnd(byte c) {
        if (c == '\n') {
            line++;
            lineStart = pos + 1;
        }
    }

    /** A '\r' at {@code at}, with the '\n' that may follow it, is one line end; where the next line starts. */
    private int crLineEnd(int at) {
        int next = at + 1 < length && text[at + 1] == '\n' ? at + 2 : at + 1;
        line++;
        lineStart = next;
        return next;
    }

    /** The character at {@code at} checked to be one XML allows; where the next begins. */
    private int checkedChar(int at) throws CibParseException {
        int codePoint = codePointAt(at);
        if (!isXmlChar(codePoint)) {
            pos = at;
            throw notWellFormed(String.format("the character U+%04X is not allowed in XML", codePoint));
        }
        return at + sequenceLength(at);
    }

    /** The character whose UTF-8 sequence starts at {@code at}; U+FFFD for a malformed one. */
    private int codePointAt(int at) {
        int b = text[at] & 0xff;
        if (b < 0x80) {
            return b;
        }
        int n = sequenceLength(at);
        if (n == 1) {
            return 0xFFFD;
        }
        int codePoint = b & (0xff >> (n + 1));
        for (int i = 1; i < n; i++) {
            codePoint = codePoint << 6 | text[at + i] & 0x3f;
        }
        boolean overlong = n == 2 && codePoint < 0x80 || n == 3 && codePoint < 0x800 || n == 4 && codePoint < 0x10000;
        return overlong || codePoint > 0x10FFFF || codePoint >= 0xD800 && codePoint <= 0xDFFF ? 0xFFFD : codePoint;
    }

    /** The length of the UTF-8 sequence starting at {@code at}: 1 for ASCII and for a malformed byte. */
    private int sequenceLength(int at) {
        int b = text[at] & 0xff;
        int n = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? (b <= 0xEF ? 3 : 1) : b >= 0xC2 ? 2 : 1;
        if (at + n > length) {
            return 1;
        }
        for (int i = 1; i < n; i++) {
            if ((text[at + i] & 0xc0) != 0x80) {
                return 1;
            }
        }
        return n;
    }

    /** The ASCII string of [start, end), the same one as last time when it was seen shortly before. */
    private String shared(Recent recent, int start, int end, int hash) {
        int slot = (hash ^ (hash >>> 12)) & (recent.strings.length - 1);
        byte[] seen = recent.bytes[slot];
        if (seen != null && recent.hashes[slot] == hash && Arrays.equals(seen, 0, seen.length, text, start, end)) {
            return recent.strings[slot];
        }
        String made = ascii(start, end);
        recent.strings[slot] = made;
        recent.bytes[slot] = Arrays.copyOfRange(text, start, end);
        recent.hashes[slot] = hash;
        return made;
    }

    /**
     * Strings seen shortly before, by hash (a direct-mapped cache: no look-up chains), with their
     * bytes to compare the text with: comparing a string's characters with bytes costs more.
     */
    private static final class Recent {
        final String[] strings;
        final byte[][] bytes;
        final int[] hashes;

        Recent(int size) {
            strings = new String[size];
            bytes = new byte[size][];
            hashes = new int[size];
        }
    }

    private String ascii(int start, int end) {
        return new String(text, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private boolean startsWith(String prefix, int at) {
        if (at + prefix.length() > length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(byte[] pattern, int from) {
        for (int i = from; i + pattern.length <= length; i++) {
            if (text[i] == pattern[0]) {
                int j = 1;
                while (j < pattern.length && text[i + j] == pattern[j]) {
                    j++;
                }
                if (j == pattern.length) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    private static boolean isAsciiNameStart(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
    }

    private static boolean isAsciiNameChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                || c == '.' || c == ':';
    }

    private static boolean isNameStart(char c) {
        if (c < 0x80) {
            return isAsciiNameStart(c);
        }
        return c >= 0xC0 && c <= 0xD6 || c >= 0xD8 && c <= 0xF6 || c >= 0xF8 && c <= 0x2FF
                || c >= 0x370 && c <= 0x37D || c >= 0x37F && c <= 0x1FFF || c == 0x200C || c == 0x200D
                || c >= 0x2070 && c <= 0x218F || c >= 0x2C00 && c <= 0x2FEF || c >= 0x3001 && c <= 0xD7FF
                || c >= 0xF900 && c <= 0xFDCF || c >= 0xFDF0 && c <= 0xFFFD;
    }

    private static boolean isNameChar(char c) {
        if (c < 0x80) {
            return isAsciiNameChar(c);
        }
        return isNameStart(c) || c == 0xB7 || c >= 0x300 && c <= 0x36F || c == 0x203F || c == 0x2040;
    }

    private static boolean isNcName(String name) {
        if (name.isEmpty() || !isNameStart(name.charAt(0)) || name.indexOf(':') >= 0) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isNameChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    /** The column of pos in characters (the line so far decoded). */
    private int column() {
        return columnOf(lineStart, pos);
    }

    /** The column of {@code at} on the line that starts at {@code from}, in characters. */
    private int columnOf(int from, int at) {
        int start = Math.min(from, at);
        return new String(text, start, at - start, StandardCharsets.UTF_8).length() + 1;
    }

    private CibParseException notWellFormed(String what) {
        return new CibParseException(source, line, column(), "not well-formed: " + what, REMEDY);
    }

    private CibParseException problemAt(int atLine, int atColumn, String what) {
        return new CibParseException(source, atLine, atColumn, "not well-formed: " + what, REMEDY);
    }

    private CibParseException problem(String what, String remedy) {
        return new CibParseException(source, line, column(), what, remedy);
    }

    private CibParseException endsInside(String what) {
        return new CibParseException(source, line, column(), "not well-formed: the XML ends inside " + what,
                "check the file is complete and every <element> has its </element> or ends in />");
    }

    /** Decoded content gathered as UTF-8 bytes. */
    private static final class Utf8Buffer {
        private byte[] bytes = new byte[256];
        private int size;

        void clear() {
            size = 0;
        }

        int length() {
            return size;
        }

        void append(byte b) {
            ensure(1);
            bytes[size++] = b;
        }

        void append(byte[] from, int start, int end) {
            ensure(end - start);
            System.arraycopy(from, start, bytes, size, end - start);
            size += end - start;
        }

        void appendCodePoint(int codePoint) {
            byte[] encoded = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
            append(encoded, 0, encoded.length);
        }

        /** Whether what was appended from {@code from} on is only whitespace (as String.isBlank sees it). */
        boolean isBlankFrom(int from) {
            return new String(bytes, from, size - from, StandardCharsets.UTF_8).isBlank();
        }

        String string() {
            return new String(bytes, 0, size, StandardCharsets.UTF_8);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
