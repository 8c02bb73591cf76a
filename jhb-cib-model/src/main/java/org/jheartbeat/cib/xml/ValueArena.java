package org.jheartbeat.cib.xml;

import java.util.Arrays;

/**
 * Where the builder keeps the plain attribute values of a history's records
 * ({@link org.jheartbeat.cib.model.CompactElement}): their bytes copied one after the other into
 * arrays of a megabyte, each value ended by a 0 byte (which a plain value never holds). A short
 * value equal to one stored shortly before in the same array is stored once: most of a record's
 * values (its operation, node, rc, digests) repeat from record to record.
 *
 * <p>Copied rather than left in the text read: the values are about a third of a history's text,
 * so once parsed the text itself is garbage, and holding all of it for them took more memory
 * than the strings they replace.
 */
final class ValueArena {

    private static final int CHUNK_SIZE = 1 << 20;
    /** Values up to this long are looked up among the recent ones before being stored. */
    private static final int SHARED_LENGTH = 32;
    private static final int RECENT_SIZE = 4096;

    private byte[] chunk = new byte[CHUNK_SIZE];
    private int used;
    /** Recently stored short values, by hash (direct-mapped): their array, start and hash. */
    private final byte[][] recentChunks = new byte[RECENT_SIZE][];
    private final int[] recentStarts = new int[RECENT_SIZE];
    private final int[] recentHashes = new int[RECENT_SIZE];

    /**
     * Stores the values of the tag just read, which must all be plain; where each starts in
     * {@link #chunk()}, which holds them all.
     */
    int[] store(XmlScanner.Attributes attributes) {
        int count = attributes.count();
        int needed = 0;
        for (int i = 0; i < count; i++) {
            needed += attributes.valueEnd(i) - attributes.valueStart(i) + 1;
        }
        if (used + needed > chunk.length) {
            chunk = new byte[Math.max(CHUNK_SIZE, needed)];
            used = 0;
        }
        byte[] text = attributes.text();
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = store(text, attributes.valueStart(i), attributes.valueEnd(i));
        }
        return starts;
    }

    /** The array the values last stored are in. */
    byte[] chunk() {
        return chunk;
    }

    private int store(byte[] text, int start, int end) {
        int length = end - start;
        int slot = -1;
        int hash = 0;
        if (length <= SHARED_LENGTH) {
            for (int i = start; i < end; i++) {
                hash = 31 * hash + text[i];
            }
            slot = (hash ^ (hash >>> 12)) & (RECENT_SIZE - 1);
            int seen = recentStarts[slot];
            if (recentChunks[slot] == chunk && recentHashes[slot] == hash && seen + length < used
                    && chunk[seen + length] == 0 && Arrays.equals(chunk, seen, seen + length, text, start, end)) {
                return seen;
            }
        }
        int at = used;
        System.arraycopy(text, start, chunk, at, length);
        chunk[at + length] = 0;
        used = at + length + 1;
        if (slot >= 0) {
            recentChunks[slot] = chunk;
            recentStarts[slot] = at;
            recentHashes[slot] = hash;
        }
        return at;
    }
}
