package org.jheartbeat.cib.xml;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.jheartbeat.cib.model.CibParseException;
import org.w3c.dom.Document;

/**
 * The later part of a large status section parsed on a thread of its own while the scanner reads
 * the configuration and the first node states, for the scanner to take over when it gets there
 * ({@link XmlScanner.Handoff}): a CIB of 10,000 running resources is 64 MB of status in 68 MB, and
 * the two halves of its parse take about as long on two cores as one of them on one.
 *
 * <p>The part starts at the first {@code <node_state} from two fifths of the text on (the
 * configuration costs about four times as much per byte as the history: so both threads have as
 * much to do) and ends at the end tag of the element that holds it. Where it starts is a guess
 * from the bytes alone; the scanner takes the part only when it finds a start tag at that very
 * place, on the same line, with no namespace declared and outside a history, and when the part
 * was read without an error. Otherwise it reads that text itself, as without this (a guess inside a comment, an
 * error to report with the document's own context): the result is the same document either way.
 */
final class StatusAhead implements XmlScanner.Handoff {

    /** Below this the thread costs more than it saves. */
    private static final int SMALLEST = 4 << 20;
    private static final byte[] NODE_STATE = "<node_state".getBytes(StandardCharsets.US_ASCII);

    private final int at;
    private final DomBuilder taker;
    private final CompletableFuture<Part> part = new CompletableFuture<>();

    /** What the thread built, from which line, and where it ended. */
    private record Part(DomBuilder built, int line, int lineStart, XmlScanner.Ended ended) {
    }

    private StatusAhead(int at, DomBuilder taker) {
        this.at = at;
        this.taker = taker;
    }

    /**
     * Starts parsing the later part of the text from {@code offset} (where the scanner starts)
     * on a thread of its own, built with compact history; null when the text is too small or
     * has no node state where one is looked for. {@code taker} is the builder that takes it.
     */
    static StatusAhead start(byte[] text, int offset, String source, DomBuilder taker) {
        if (text.length - offset < SMALLEST) {
            return null;
        }
        int at = nodeStateFrom(text, offset + (int) ((text.length - offset) * 2L / 5));
        if (at < 0) {
            return null;
        }
        StatusAhead ahead = new StatusAhead(at, taker);
        Thread thread = new Thread(() -> ahead.parse(text, offset, source), "cib-parse-status");
        thread.setDaemon(true);
        thread.start();
        return ahead;
    }

    @Override
    public int at() {
        return at;
    }

    @Override
    public XmlScanner.Ended take(int line, int lineStart) {
        Part parsed = part.join();
        if (parsed == null || parsed.line() != line || parsed.lineStart() != lineStart || taker.inHistory()) {
            return null;
        }
        taker.adopt(parsed.built());
        return parsed.ended();
    }

    private void parse(byte[] text, int offset, String source) {
        try {
            int line = 1;
            int lineStart = offset;
            for (int i = offset; i < at; i++) {
                byte c = text[i];
                if (c == '\n' || c == '\r' && (i + 1 >= at || text[i + 1] != '\n')) {
                    line++;
                    lineStart = i + 1;
                }
            }
            Document own = CibXml.newDocument();
            DomBuilder built = DomBuilder.forContent(own, true, "status");
            XmlScanner.Ended ended = XmlScanner.scanContent(text, at, line, lineStart, source, built);
            part.complete(new Part(built, line, lineStart, ended));
        } catch (CibParseException | RuntimeException | Error e) {
            part.complete(null); // the scanner reads this part itself, and reports what is wrong there
        }
    }

    /** The first {@code <node_state} followed by white space, '>' or '/' from {@code from}, or -1. */
    private static int nodeStateFrom(byte[] text, int from) {
        int last = text.length - NODE_STATE.length - 1;
        for (int i = from; i <= last; i++) {
            if (text[i] == '<' && matches(text, i)) {
                byte after = text[i + NODE_STATE.length];
                if (after == ' ' || after == '\t' || after == '\n' || after == '\r' || after == '>' || after == '/') {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean matches(byte[] text, int at) {
        for (int j = 1; j < NODE_STATE.length; j++) {
            if (text[at + j] != NODE_STATE[j]) {
                return false;
            }
        }
        return true;
    }
}
