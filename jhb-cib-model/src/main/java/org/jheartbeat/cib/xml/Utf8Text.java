package org.jheartbeat.cib.xml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XML text as the scanner reads it: UTF-8 bytes from {@code offset} on (after a byte order
 * mark). Bytes in UTF-8, the usual case, are taken as they are; others are decoded as the
 * XML declaration says and encoded again.
 */
record Utf8Text(byte[] bytes, int offset) {

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    /** U+FFFF, which XML does not allow: what a lone surrogate in a string becomes, so that the scanner refuses it there. */
    private static final byte[] NOT_A_CHARACTER = {(byte) 0xef, (byte) 0xbf, (byte) 0xbf};

    static Utf8Text of(String text) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(NOT_A_CHARACTER);
        try {
            ByteBuffer encoded = encoder.encode(CharBuffer.wrap(text));
            return withoutByteOrderMark(Arrays.copyOfRange(encoded.array(), encoded.arrayOffset(),
                    encoded.arrayOffset() + encoded.limit()));
        } catch (CharacterCodingException replacedInstead) {
            throw new IllegalStateException("an encoder that replaces reported a coding error", replacedInstead);
        }
    }

    /** Bytes in the encoding the XML declaration names (UTF-8 when it names none or one unknown here). */
    static Utf8Text decode(byte[] bytes) {
        Utf8Text text = withoutByteOrderMark(bytes);
        int offset = text.offset();
        String head = new String(bytes, offset, Math.min(200, bytes.length - offset), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED_ENCODING.matcher(head);
        if (!declared.find()) {
            return text;
        }
        Charset charset;
        try {
            charset = Charset.forName(declared.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return text;
        }
        return charset.equals(StandardCharsets.UTF_8) ? text
                : new Utf8Text(new String(bytes, offset, bytes.length - offset, charset).getBytes(StandardCharsets.UTF_8), 0);
    }

    /** Whether there is nothing but white space. */
    boolean isBlank() {
        for (int i = offset; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\n' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static Utf8Text withoutByteOrderMark(byte[] bytes) {
        boolean mark = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf;
        return new Utf8Text(bytes, mark ? 3 : 0);
    }
}
