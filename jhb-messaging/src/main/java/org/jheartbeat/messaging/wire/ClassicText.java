package org.jheartbeat.messaging.wire;

import java.util.Base64;
import java.util.List;

/**
 * The classic text form of fields: {@code name=value\n} per string field and
 * {@code (1)name=<base64 with padding>\n} per binary field. It is what the inner {@code auth}
 * digest of a classic-mode netstring packet covers, and the body of a classic text packet.
 */
final class ClassicText {

    static final byte[] BINARY_PREFIX = {'(', '1', ')'};

    private ClassicText() {
    }

    static byte[] of(List<HaField> fields) {
        byte[][] values = new byte[fields.size()][];
        int size = 0;
        for (int i = 0; i < fields.size(); i++) {
            HaField field = fields.get(i);
            values[i] = field.type() == FieldType.BINARY
                    ? Base64.getEncoder().encode(field.raw()) : field.raw();
            size += (field.type() == FieldType.BINARY ? BINARY_PREFIX.length : 0)
                    + field.name().length() + 1 + values[i].length + 1;
        }
        byte[] text = new byte[size];
        int pos = 0;
        for (int i = 0; i < fields.size(); i++) {
            HaField field = fields.get(i);
            if (field.type() == FieldType.BINARY) {
                pos = Bytes.put(text, pos, BINARY_PREFIX);
            }
            pos = Bytes.putAscii(text, pos, field.name());
            text[pos++] = '=';
            pos = Bytes.put(text, pos, values[i]);
            text[pos++] = '\n';
        }
        return text;
    }
}
