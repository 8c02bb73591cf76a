package org.jheartbeat.messaging.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jheartbeat.messaging.auth.AuthKey;
import org.jheartbeat.messaging.auth.Signature;

/** Writes the netstring form: {@code ###\n}, one netstring per field, {@code %%%\n}, trailer. */
final class NetstringWriter {

    static final byte[] START = {'#', '#', '#', '\n'};
    static final byte[] END = {'%', '%', '%', '\n'};
    private static final byte[] AUTH_NAME = FieldNames.AUTH.getBytes(StandardCharsets.US_ASCII);
    /** Key number (2 digits), blank, 64 hex digits, plus the netstring's length, ':' and ','. */
    private static final int MAX_TRAILER = 2 + 1 + 64 + 4;

    private NetstringWriter() {
    }

    static byte[] encode(HaMessage message, AuthKey signer, boolean classicAuthField) {
        List<HaField> fields = message.fields();
        byte[] innerAuth = classicAuthField ? authValue(signer, ClassicText.of(fields)) : null;
        int bodySize = START.length + END.length;
        for (HaField field : fields) {
            bodySize += netstringSize(payloadSize(field.name().length(), field.raw().length));
        }
        if (innerAuth != null) {
            bodySize += netstringSize(payloadSize(AUTH_NAME.length, innerAuth.length));
        }
        byte[] packet = new byte[bodySize + MAX_TRAILER];
        int pos = Bytes.put(packet, 0, START);
        for (HaField field : fields) {
            pos = putField(packet, pos, field.type(), field.name(), field.raw());
        }
        if (innerAuth != null) {
            pos = putField(packet, pos, FieldType.STRING, FieldNames.AUTH, innerAuth);
        }
        pos = Bytes.put(packet, pos, END);
        byte[] trailer = authValue(signer, Signature.digest(signer, packet, 0, pos));
        pos = putLength(packet, pos, trailer.length);
        pos = Bytes.put(packet, pos, trailer);
        packet[pos++] = ',';
        if (pos > WireCodec.MAX_DATAGRAM_BYTES) {
            throw new MessageTooLargeException(pos, WireCodec.MAX_DATAGRAM_BYTES, message.type());
        }
        return Arrays.copyOf(packet, pos);
    }

    private static byte[] authValue(AuthKey signer, byte[] signed) {
        return authValue(signer, Signature.digest(signer, signed, 0, signed.length));
    }

    /** {@code <key number> <digest>}, the value of both the inner field and the trailer. */
    private static byte[] authValue(AuthKey signer, String digest) {
        return (signer.index() + " " + digest).getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code (t)name=value}. */
    private static int payloadSize(int nameLength, int valueLength) {
        return 3 + nameLength + 1 + valueLength;
    }

    private static int netstringSize(int payloadSize) {
        return Numbers.decimalDigits(payloadSize) + 1 + payloadSize + 1;
    }

    private static int putField(byte[] packet, int pos, FieldType type, String name, byte[] value) {
        pos = putLength(packet, pos, payloadSize(name.length(), value.length));
        packet[pos++] = '(';
        packet[pos++] = (byte) ('0' + type.code());
        packet[pos++] = ')';
        pos = Bytes.putAscii(packet, pos, name);
        packet[pos++] = '=';
        pos = Bytes.put(packet, pos, value);
        packet[pos++] = ',';
        return pos;
    }

    /** {@code <decimal length>:}. */
    private static int putLength(byte[] packet, int pos, int length) {
        int end = pos + Numbers.decimalDigits(length);
        for (int i = end - 1; i >= pos; i--) {
            packet[i] = (byte) ('0' + length % 10);
            length /= 10;
        }
        packet[end] = ':';
        return end + 1;
    }
}
