package org.jheartbeat.messaging.wire;

import static org.jheartbeat.messaging.wire.AuthCheck.malformed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jheartbeat.messaging.auth.Authkeys;

/**
 * Reads the classic text form: {@code >>>\n}, {@code name=value\n} lines (binary fields as
 * {@code (1)name=<base64>\n}), an {@code auth=<key number> <digest>\n} line, {@code <<<\n}.
 * The auth line signs the other field lines, in order, exactly as received.
 */
final class ClassicTextReader {

    static final byte[] START = {'>', '>', '>', '\n'};
    static final byte[] END = {'<', '<', '<', '\n'};
    private static final byte[] AUTH_LINE = (FieldNames.AUTH + "=").getBytes(StandardCharsets.US_ASCII);

    private ClassicTextReader() {
    }

    static Decoded decode(byte[] data, int length, Authkeys keys) {
        // per field: name start (negated for binary fields, never 0), '=' position, line end
        int[] spans = new int[3 * 16];
        int count = 0;
        int authFrom = -1;
        int authTo = -1;
        int pos = START.length;
        while (!Bytes.startsWith(data, pos, length, END)) {
            int newline = Bytes.indexOf(data, pos, length, (byte) '\n');
            if (newline < 0) {
                return malformed(pos, "line without newline; the packet must end with the <<< line");
            }
            if (Bytes.startsWith(data, pos, newline, AUTH_LINE)) {
                if (authFrom >= 0) {
                    return malformed(pos, "a second auth line");
                }
                authFrom = pos;
                authTo = newline + 1;
            } else {
                boolean binary = Bytes.startsWith(data, pos, newline, ClassicText.BINARY_PREFIX);
                int nameFrom = binary ? pos + ClassicText.BINARY_PREFIX.length : pos;
                int equals = Bytes.indexOf(data, nameFrom, newline, (byte) '=');
                if (equals < 0 || !AuthCheck.legalName(data, nameFrom, equals)) {
                    return malformed(nameFrom, "expected a field name (1 to " + FieldNames.MAX_LENGTH
                            + " printable ASCII characters, no '=') and '='");
                }
                if (count == spans.length) {
                    spans = Arrays.copyOf(spans, 2 * count);
                }
                spans[count++] = binary ? -nameFrom : nameFrom;
                spans[count++] = equals;
                spans[count++] = newline;
            }
            pos = newline + 1;
        }
        int end = pos;
        if (end + END.length != length) {
            return malformed(end + END.length, "nothing may follow the <<< line");
        }
        if (authFrom < 0) {
            return Decoded.rejected(Reason.NO_AUTH, "offset " + end + ": no auth line before <<<");
        }
        byte[] signed = signedLines(data, authFrom, authTo, end);
        int valueFrom = authFrom + AUTH_LINE.length;
        Decoded rejection = AuthCheck.verify(data, valueFrom, authTo - 1, keys, signed, 0, signed.length);
        if (rejection != null) {
            return rejection;
        }
        return accept(data, spans, count, AuthCheck.keyIndex(data, valueFrom, authTo - 1));
    }

    /** Every line between {@code >>>} and {@code <<<} except the auth line. */
    private static byte[] signedLines(byte[] data, int authFrom, int authTo, int end) {
        byte[] signed = new byte[end - START.length - (authTo - authFrom)];
        int before = authFrom - START.length;
        System.arraycopy(data, START.length, signed, 0, before);
        System.arraycopy(data, authTo, signed, before, end - authTo);
        return signed;
    }

    private static Decoded accept(byte[] data, int[] spans, int count, int keyIndex) {
        List<HaField> fields = new ArrayList<>(count / 3);
        for (int i = 0; i < count; i += 3) {
            boolean binary = spans[i] < 0;
            int nameFrom = Math.abs(spans[i]);
            int equals = spans[i + 1];
            byte[] value = Arrays.copyOfRange(data, equals + 1, spans[i + 2]);
            if (binary) {
                try {
                    value = Base64.getDecoder().decode(value);
                } catch (IllegalArgumentException e) {
                    return malformed(equals + 1, "expected base64 for binary field");
                }
            }
            String name = new String(data, nameFrom, equals - nameFrom, StandardCharsets.US_ASCII);
            fields.add(new HaField(name, binary ? FieldType.BINARY : FieldType.STRING, value));
        }
        return Decoded.accepted(new HaMessage(fields), keyIndex, WireFormat.CLASSIC_TEXT, false);
    }
}
