package org.jheartbeat.messaging.wire;

import static org.jheartbeat.messaging.wire.AuthCheck.malformed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jheartbeat.messaging.auth.Authkeys;

/**
 * Reads the netstring form. Only the trailer is checked, as Heartbeat does: it covers every byte
 * from {@code ###} through {@code %%%}, so also the inner {@code auth} field, which is dropped.
 * The whole structure is checked before the digest, and no field is built before the digest
 * matched, so forged packets cost little.
 */
final class NetstringReader {

    private static final byte[] AUTH_NAME = FieldNames.AUTH.getBytes(StandardCharsets.US_ASCII);
    private static final String LENGTH = "expected a netstring length (decimal, no leading zero) and ':'";

    private NetstringReader() {
    }

    static Decoded decode(byte[] data, int length, Authkeys keys) {
        int[] spans = new int[3 * 16];
        int count = 0;
        int pos = NetstringWriter.START.length;
        while (!Bytes.startsWith(data, pos, length, NetstringWriter.END)) {
            if (pos >= length) {
                return malformed(pos, "packet ends before the %%% line");
            }
            int colon = Bytes.indexOf(data, pos, Math.min(length, pos + Numbers.MAX_LENGTH_DIGITS + 1), (byte) ':');
            int size = colon < 0 ? -1 : Numbers.decimal(data, pos, colon, Numbers.MAX_LENGTH_DIGITS);
            if (size < 0) {
                return malformed(pos, LENGTH + " or the %%% line");
            }
            int from = colon + 1;
            int to = from + size;
            if (to >= length) {
                return malformed(from, "field of " + size + " bytes runs past the end of the " + length + "-byte packet");
            }
            if (data[to] != ',') {
                return malformed(to, "expected ',' after a field of " + size + " bytes");
            }
            if (size < 3 || data[from] != '(' || data[from + 2] != ')') {
                return malformed(from, "expected a type tag (0) or (1)");
            }
            if (data[from + 1] != '0' && data[from + 1] != '1') {
                return malformed(from + 1, "field type '" + (char) (data[from + 1] & 0xff)
                        + "' not supported (only 0 string and 1 binary)");
            }
            int equals = Bytes.indexOf(data, from + 3, to, (byte) '=');
            if (equals < 0 || !AuthCheck.legalName(data, from + 3, equals)) {
                return malformed(from + 3, "expected a field name (1 to " + FieldNames.MAX_LENGTH
                        + " printable ASCII characters, no '=') and '='");
            }
            if (count == spans.length) {
                spans = Arrays.copyOf(spans, 2 * count);
            }
            spans[count++] = from;
            spans[count++] = equals;
            spans[count++] = to;
            pos = to + 1;
        }
        int signedEnd = pos + NetstringWriter.END.length;
        if (signedEnd == length) {
            return Decoded.rejected(Reason.NO_AUTH, "offset " + signedEnd + ": no authentication trailer after %%%");
        }
        int colon = Bytes.indexOf(data, signedEnd, Math.min(length, signedEnd + Numbers.MAX_LENGTH_DIGITS + 1), (byte) ':');
        int size = colon < 0 ? -1 : Numbers.decimal(data, signedEnd, colon, Numbers.MAX_LENGTH_DIGITS);
        if (size < 0) {
            return malformed(signedEnd, LENGTH + " for the authentication trailer");
        }
        int to = colon + 1 + size;
        if (to != length - 1 || data[to] != ',') {
            return malformed(Math.min(to, length), "the authentication trailer of " + size
                    + " bytes and its ',' must end the packet (" + length + " bytes)");
        }
        Decoded rejection = AuthCheck.verify(data, colon + 1, to, keys, data, 0, signedEnd);
        if (rejection != null) {
            return rejection;
        }
        return accept(data, spans, count, AuthCheck.keyIndex(data, colon + 1, to));
    }

    private static Decoded accept(byte[] data, int[] spans, int count, int keyIndex) {
        List<HaField> fields = new ArrayList<>(count / 3);
        boolean innerAuth = false;
        for (int i = 0; i < count; i += 3) {
            int from = spans[i];
            int equals = spans[i + 1];
            FieldType type = data[from + 1] == '1' ? FieldType.BINARY : FieldType.STRING;
            if (type == FieldType.STRING && Arrays.equals(data, from + 3, equals, AUTH_NAME, 0, AUTH_NAME.length)) {
                innerAuth = true;
                continue;
            }
            String name = new String(data, from + 3, equals - from - 3, StandardCharsets.US_ASCII);
            fields.add(new HaField(name, type, Arrays.copyOfRange(data, equals + 1, spans[i + 2])));
        }
        return Decoded.accepted(new HaMessage(fields), keyIndex, WireFormat.NETSTRING, innerAuth);
    }
}
