package org.jheartbeat.cib.xml;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text being parsed, kept so that an element's start line can be found: SAX reports where a
 * start tag ends, and a tag spread over several lines must be reported at its {@code <}.
 */
final class SourceText {

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    private final String text;
    private final int[] lineStarts;

    SourceText(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    /** Bytes decoded as the XML declaration says (UTF-8 when it says nothing or names an unknown charset). */
    static SourceText decode(byte[] bytes) {
        int bomLength = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        String head = new String(bytes, bomLength, Math.min(200, bytes.length - bomLength), StandardCharsets.ISO_8859_1);
        Charset charset = StandardCharsets.UTF_8;
        Matcher declared = DECLARED_ENCODING.matcher(head);
        if (declared.find()) {
            try {
                charset = Charset.forName(declared.group(1));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                charset = StandardCharsets.UTF_8;
            }
        }
        return new SourceText(new String(bytes, bomLength, bytes.length - bomLength, charset));
    }

    String text() {
        return text;
    }

    /**
     * The line of the {@code <} that opens the tag ending just before the given SAX position
     * (1-based line and column, the column after the tag's {@code >}).
     */
    int tagStartLine(int line, int column) {
        if (line < 1 || line > lineStarts.length) {
            return Math.max(line, 0);
        }
        int lineStart = lineStarts[line - 1];
        int offset = Math.min(lineStart + Math.max(column - 1, 0), text.length());
        // '<' cannot occur inside attribute values, so the nearest one before the tag's end opens
        // it. When the line has one before the tag's end, that is on this line: found with a
        // short search forward from the line's start, where a search backward would go over the
        // whole start tag (a status record's is 400 characters). Otherwise the tag began on an
        // earlier line.
        int first = text.indexOf('<', lineStart);
        if (first >= 0 && first < offset) {
            return line;
        }
        int open = lineStart == 0 ? -1 : text.lastIndexOf('<', lineStart - 1);
        return open < 0 ? line : lineOf(open);
    }

    private int lineOf(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return index >= 0 ? index + 1 : -index - 1;
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        // '\n' alone is found with the JDK's vectorised search; a text that has '\r' takes the slow walk.
        boolean carriageReturns = text.indexOf('\r') >= 0;
        int i = carriageReturns ? 0 : text.indexOf('\n');
        while (i >= 0 && i < text.length()) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
            i = carriageReturns ? i + 1 : text.indexOf('\n', i + 1);
        }
        return Arrays.copyOf(starts, count);
    }
}
