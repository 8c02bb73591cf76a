package org.jheartbeat.messaging.wire;

import java.nio.charset.StandardCharsets;

/** One field of a message: name, type and the raw value bytes exactly as on the wire. */
public final class HaField {

    private final String name;
    private final FieldType type;
    private final byte[] value;

    /** Trusts its caller: the name is legal and {@code value} is not shared. */
    HaField(String name, FieldType type, byte[] value) {
        this.name = name;
        this.type = type;
        this.value = value;
    }

    public String name() {
        return name;
    }

    public FieldType type() {
        return type;
    }

    /** A copy of the raw value bytes. */
    public byte[] value() {
        return value.clone();
    }

    /** The value as text (UTF-8). */
    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    byte[] raw() {
        return value;
    }

    /** {@code name=value}, binary values as hex, for logs. */
    @Override
    public String toString() {
        if (type == FieldType.STRING) {
            return name + "=" + text();
        }
        StringBuilder hex = new StringBuilder(name).append("=<");
        for (byte b : value) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.append('>').toString();
    }
}
