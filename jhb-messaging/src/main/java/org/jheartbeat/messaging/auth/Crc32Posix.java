package org.jheartbeat.messaging.auth;

/**
 * Heartbeat's crc "digest": CRC-32 with polynomial 0x04C11DB7, initial value 0, MSB first (not
 * reflected), final XOR 0xFFFFFFFF and no message length appended. That is neither
 * {@link java.util.zip.CRC32} (reflected, init 0xFFFFFFFF) nor cksum(1) (appends the length),
 * so it is computed here.
 */
final class Crc32Posix {

    private static final int POLYNOMIAL = 0x04C11DB7;
    private static final int[] TABLE = table();

    private Crc32Posix() {
    }

    static int of(byte[] data, int off, int len) {
        int crc = 0;
        for (int i = off; i < off + len; i++) {
            crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ data[i]) & 0xff];
        }
        return ~crc;
    }

    private static int[] table() {
        int[] table = new int[256];
        for (int b = 0; b < 256; b++) {
            int crc = b << 24;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ POLYNOMIAL : crc << 1;
            }
            table[b] = crc;
        }
        return table;
    }
}
