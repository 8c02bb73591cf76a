package org.jheartbeat.messaging.wire;

/** Writing into and matching against byte arrays without building strings. */
final class Bytes {

    private Bytes() {
    }

    static int put(byte[] to, int pos, byte[] bytes) {
        System.arraycopy(bytes, 0, to, pos, bytes.length);
        return pos + bytes.length;
    }

    /** Writes an ASCII-only string (field names are ASCII, see {@link FieldNames}). */
    static int putAscii(byte[] to, int pos, String text) {
        for (int i = 0; i < text.length(); i++) {
            to[pos++] = (byte) text.charAt(i);
        }
        return pos;
    }

    /** Whether {@code data[pos, limit)} starts with {@code prefix}. */
    static boolean startsWith(byte[] data, int pos, int limit, byte[] prefix) {
        if (limit - pos < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[pos + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first {@code b} in {@code data[from, to)}, or -1. */
    static int indexOf(byte[] data, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
