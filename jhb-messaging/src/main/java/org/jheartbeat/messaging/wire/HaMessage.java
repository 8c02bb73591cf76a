package org.jheartbeat.messaging.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A Heartbeat message: an immutable list of fields in the exact order they were received or
 * built (order matters: the signatures cover the bytes in that order). Several fields may share
 * a name; the getters return the first. Numbers are text on the wire: {@code seq}, {@code hg},
 * {@code ts}, {@code dt}, {@code ackseq} are hex, {@code ttl} and {@code NS_rexmit}'s
 * {@code firstseq}/{@code lastseq} decimal.
 */
public final class HaMessage {

    private final List<HaField> fields;

    HaMessage(List<HaField> fields) {
        this.fields = Collections.unmodifiableList(fields);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder whose first field is {@code t=type}. */
    public static Builder builder(String type) {
        return new Builder().string(FieldNames.TYPE, type);
    }

    /** A builder holding these fields, to append more (e.g. the common sender fields). */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.fields.addAll(fields);
        return builder;
    }

    public List<HaField> fields() {
        return fields;
    }

    /** The message type ({@code t} field), or null when there is none. */
    public String type() {
        return get(FieldNames.TYPE);
    }

    public boolean has(String name) {
        return field(name) != null;
    }

    /** The value as text, or null when the field is absent. */
    public String get(String name) {
        HaField field = field(name);
        return field == null ? null : field.text();
    }

    /** A copy of the raw value bytes, or null when the field is absent. */
    public byte[] getBinary(String name) {
        HaField field = field(name);
        return field == null ? null : field.value();
    }

    /** An unsigned hex number (seq, hg, ts, dt, ackseq). */
    public long getHex(String name) {
        byte[] value = required(name);
        try {
            return Numbers.hex(value);
        } catch (NumberFormatException e) {
            throw new BadFieldException(name, "'" + text(value) + "' is not a hex number of 1 to 16 digits");
        }
    }

    /** A decimal number (ttl, protocol, NS_rexmit firstseq/lastseq). */
    public long getDecimal(String name) {
        byte[] value = required(name);
        try {
            return Numbers.signedDecimal(value);
        } catch (NumberFormatException e) {
            throw new BadFieldException(name, "'" + text(value) + "' is not a decimal number of 1 to 18 digits");
        }
    }

    private byte[] required(String name) {
        HaField field = field(name);
        if (field == null) {
            throw new BadFieldException(name, "missing in message t=" + type());
        }
        return field.raw();
    }

    private static String text(byte[] value) {
        return new String(value, 0, Math.min(value.length, 40), StandardCharsets.UTF_8);
    }

    private HaField field(String name) {
        for (HaField field : fields) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        return null;
    }

    /** Same fields in the same order with the same bytes. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof HaMessage message) || message.fields.size() != fields.size()) {
            return false;
        }
        for (int i = 0; i < fields.size(); i++) {
            HaField a = fields.get(i);
            HaField b = message.fields.get(i);
            if (!a.name().equals(b.name()) || a.type() != b.type() || !Arrays.equals(a.raw(), b.raw())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (HaField field : fields) {
            hash = 31 * hash + field.name().hashCode() + Arrays.hashCode(field.raw());
        }
        return hash;
    }

    @Override
    public String toString() {
        return fields.toString();
    }

    /**
     * Appends fields in order. Names must be legal (see {@link FieldNames}); string values must
     * not contain a newline (the classic text form and the inner auth digest are line based)
     * or a NUL byte (Heartbeat reads values as C strings).
     */
    public static final class Builder {

        private final List<HaField> fields = new ArrayList<>();

        private Builder() {
        }

        public Builder string(String name, String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                if (b == '\n' || b == 0) {
                    throw new IllegalArgumentException("field " + name + ": value must not contain "
                            + (b == 0 ? "a NUL byte" : "a newline") + "; put such data in a binary field");
                }
            }
            return add(name, FieldType.STRING, bytes);
        }

        /** Lowercase hex without padding, as Heartbeat writes seq, hg, ts, dt, ackseq. */
        public Builder hex(String name, long value) {
            return add(name, FieldType.STRING, Long.toHexString(value).getBytes(StandardCharsets.US_ASCII));
        }

        public Builder decimal(String name, long value) {
            return add(name, FieldType.STRING, Long.toString(value).getBytes(StandardCharsets.US_ASCII));
        }

        public Builder binary(String name, byte[] value) {
            return add(name, FieldType.BINARY, value.clone());
        }

        private Builder add(String name, FieldType type, byte[] value) {
            String problem = FieldNames.problem(name);
            if (problem != null) {
                throw new IllegalArgumentException("field name '" + name + "' " + problem);
            }
            fields.add(new HaField(name, type, value));
            return this;
        }

        public HaMessage build() {
            return new HaMessage(new ArrayList<>(fields));
        }
    }
}
