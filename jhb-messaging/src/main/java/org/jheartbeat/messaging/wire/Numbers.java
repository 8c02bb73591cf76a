package org.jheartbeat.messaging.wire;

/**
 * Parses the numbers found in packets straight from bytes, without building strings. Netstring
 * lengths must be canonical (no sign, no leading zero) so that no byte outside the signed part
 * of a packet can change without the packet being rejected.
 */
final class Numbers {

    /** More digits than any netstring length below the datagram limit needs. */
    static final int MAX_LENGTH_DIGITS = 6;

    private Numbers() {
    }

    /** A non-negative decimal of at most {@code maxDigits} digits without leading zeros, or -1. */
    static int decimal(byte[] data, int from, int to, int maxDigits) {
        int digits = to - from;
        if (digits < 1 || digits > maxDigits || (digits > 1 && data[from] == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = data[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /** The number of decimal digits of {@code value} (non-negative). */
    static int decimalDigits(int value) {
        int digits = 1;
        while (value >= 10) {
            value /= 10;
            digits++;
        }
        return digits;
    }

    /** Unsigned hex, 1 to 16 digits, either case (Heartbeat reads with strtoul). */
    static long hex(byte[] data) {
        if (data.length < 1 || data.length > 16) {
            throw new NumberFormatException();
        }
        long value = 0;
        for (byte b : data) {
            int d = Character.digit(b, 16);
            if (d < 0) {
                throw new NumberFormatException();
            }
            value = (value << 4) | d;
        }
        return value;
    }

    /** Signed decimal, 1 to 18 digits. */
    static long signedDecimal(byte[] data) {
        int start = data.length > 0 && data[0] == '-' ? 1 : 0;
        int digits = data.length - start;
        if (digits < 1 || digits > 18) {
            throw new NumberFormatException();
        }
        long value = 0;
        for (int i = start; i < data.length; i++) {
            int d = data[i] - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException();
            }
            value = value * 10 + d;
        }
        return start == 1 ? -value : value;
    }
}
