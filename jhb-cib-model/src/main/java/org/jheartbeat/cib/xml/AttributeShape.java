package org.jheartbeat.cib.xml;

import java.nio.charset.StandardCharsets;

/**
 * The attribute names, in order, of the last start tag read with some element name. A CIB's
 * history is 100,000 records written alike, so the next tag of that name most likely has the
 * same names in the same order: comparing its bytes with the name expected is cheaper than
 * reading a name afresh (hashing it, looking it up among the recent ones), and names that are
 * the ones of a tag already accepted need no check for being given twice.
 */
final class AttributeShape {

    private final String[] names;
    private final byte[][] bytes;
    private final int[] hashes;

    /** The shape of the first {@code count} names, their hashes as {@link String#hashCode}. */
    AttributeShape(String[] names, int count) {
        this.names = new String[count];
        this.bytes = new byte[count][];
        this.hashes = new int[count];
        for (int i = 0; i < count; i++) {
            this.names[i] = names[i];
            this.bytes[i] = names[i].getBytes(StandardCharsets.UTF_8);
            this.hashes[i] = names[i].hashCode();
        }
    }

    int count() {
        return names.length;
    }

    String name(int index) {
        return names[index];
    }

    int hash(int index) {
        return hashes[index];
    }

    /** The length of the name at {@code index} in bytes. */
    int length(int index) {
        return bytes[index].length;
    }

    /**
     * Whether the text at {@code at} is the name at {@code index}, whole: not followed by
     * another character of a name (nor by a byte beyond ASCII, which may start one).
     */
    boolean isAt(int index, byte[] text, int at, int length) {
        byte[] name = bytes[index];
        int end = at + name.length;
        if (end >= length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (text[at + i] != name[i]) {
                return false;
            }
        }
        byte next = text[end];
        return next == '=' || next == ' ' || next == '\n' || next == '\t' || next == '\r';
    }

    /** Whether these are the names, the same strings in the same order. */
    boolean isOf(String[] others, int count) {
        if (count != names.length) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (others[i] != names[i]) {
                return false;
            }
        }
        return true;
    }
}
