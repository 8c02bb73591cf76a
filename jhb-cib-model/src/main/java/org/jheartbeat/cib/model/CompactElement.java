package org.jheartbeat.cib.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An element of the compact form ({@link CompactContent}): its tag, its attributes in the order they
 * were written and its children, and the line its start tag opened on. A large status section
 * holds 100,000 operation records of 17 attributes each; as a DOM every attribute is an object
 * of its own in a sorted map, here a record is two arrays, and the array of attribute names is
 * one for all records written with the same attributes in the same order.
 *
 * <p>A parsed record whose values are plain (ASCII, no references, no line ends or tabs) keeps
 * them as bytes until they are read: where each value starts in an array of bytes that many
 * records share, not a string per value. Most of a large history is read once or never (the
 * probes, the monitors' details), and its 1,900,000 strings, which lived to the end of the run,
 * were most of the garbage collector's work and a third of the memory.
 *
 * <p>Attribute names are qualified names as written ({@code xmlns:x}, {@code x:name}); the
 * history of a CIB has no namespaces, and none are resolved.
 */
public final class CompactElement implements CompactNode {

    private static final String[] NONE = new String[0];
    /** What {@link #plainNumber} returns for bytes it does not read: no number of 18 digits is this. */
    private static final long NOT_PLAIN = Long.MIN_VALUE;

    private final String tag;
    /** Possibly shared with other elements: replaced on change, never written into. */
    private String[] names;
    /** Null while the values are bytes in {@link #text}. */
    private String[] values;
    /** The bytes the values are read from while {@link #values} is null; shared, never changed. */
    private byte[] text;
    /** Where each value starts in {@link #text}; it ends at the next 0 byte. */
    private int[] valueStarts;
    private final int line;
    /** Null while there are none: most elements of a history (the records) have no children. */
    private List<CompactNode> children;

    /** A new element without attributes, as an operation creates one (its line is 0: not parsed). */
    public CompactElement(String tag) {
        this(tag, NONE, NONE, 0);
    }

    /**
     * An element with these attributes; {@code names} may be shared with other elements and is
     * not changed, {@code values} becomes the element's own. {@code line} 0 for none.
     */
    public CompactElement(String tag, String[] names, String[] values, int line) {
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " attribute names for " + values.length + " values");
        }
        this.tag = tag;
        this.names = names;
        this.values = values;
        this.line = line;
    }

    /**
     * A parsed element whose values stay bytes in {@code text} until read: the value of
     * {@code names[i]} is the ASCII text from {@code valueStarts[i]} up to the next 0 byte.
     * {@code text} may be shared with other elements and must not change afterwards.
     */
    public CompactElement(String tag, String[] names, byte[] text, int[] valueStarts, int line) {
        if (names.length != valueStarts.length) {
            throw new IllegalArgumentException(names.length + " attribute names for " + valueStarts.length + " values");
        }
        this.tag = tag;
        this.names = names;
        this.text = text;
        this.valueStarts = valueStarts;
        this.line = line;
    }

    public String tag() {
        return tag;
    }

    /** The line the start tag opened on in the parsed text, 0 when the element was not parsed. */
    public int line() {
        return line;
    }

    public int attributeCount() {
        return names.length;
    }

    public String attributeName(int index) {
        return names[index];
    }

    public String attributeValue(int index) {
        return values != null ? values[index] : valueInText(index);
    }

    /** The attribute's value, or null when the element has none of that name. */
    public String attribute(String name) {
        int index = indexOf(name);
        return index < 0 ? null : attributeValue(index);
    }

    /** Where the attribute of that name is ({@link #attributeValue}), or -1 when the element has none. */
    public int attributeIndex(String name) {
        return indexOf(name);
    }

    /**
     * Whether the value at {@code index} is {@code value}: as {@code attributeValue(index).equals(value)},
     * without making a string of a value kept as bytes (a check of every history against the
     * configuration would make 300,000 of them at 10,000 resources).
     */
    public boolean attributeEquals(int index, String value) {
        if (values != null) {
            return values[index].equals(value);
        }
        int start = valueStarts[index];
        int length = value.length();
        for (int i = 0; i < length; i++) {
            byte b = text[start + i];
            if (b == 0 || (char) (b & 0xff) != value.charAt(i)) {
                return false;
            }
        }
        return text[start + length] == 0;
    }

    /**
     * The value at {@code index} as a whole number, read as {@code Long.parseLong(value.trim())}
     * reads it, or {@code otherwise} when that refuses it: the numbers of an operation record
     * (call id, rc, status, interval, times) without a string made for each, 600,000 of them in a
     * history of 10,000 resources.
     */
    public long attributeLong(int index, long otherwise) {
        if (values == null) {
            int start = valueStarts[index];
            int end = start;
            while (text[end] != 0) {
                end++;
            }
            long number = plainNumber(start, end, 18);
            if (number != NOT_PLAIN) {
                return number;
            }
        }
        String value = attributeValue(index);
        try {
            return value == null ? otherwise : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /**
     * Part {@code field} (from 0) of the value at {@code index} cut at each {@code separator}, as
     * a whole number read as {@code Integer.parseInt(part.trim())} reads it, or {@code otherwise}
     * when the value has fewer parts or that one is no number ({@link #intField}): the rc an
     * operation record's transition key expects without a string made for the key, 100,000 of
     * them in a history of 10,000 resources.
     */
    public int attributeIntField(int index, char separator, int field, int otherwise) {
        if (values != null) {
            return intField(values[index], separator, field, otherwise);
        }
        int begin = valueStarts[index];
        for (int part = 0; part < field; part++) {
            while (text[begin] != 0 && text[begin] != separator) {
                begin++;
            }
            if (text[begin] == 0) {
                return otherwise;
            }
            begin++;
        }
        int end = begin;
        while (text[end] != 0 && text[end] != separator) {
            end++;
        }
        long number = plainNumber(begin, end, 9);
        if (number != NOT_PLAIN) {
            return (int) number;
        }
        return intField(new String(text, begin, end - begin, StandardCharsets.ISO_8859_1), separator, 0, otherwise);
    }

    /**
     * The whole number the bytes from {@code begin} to {@code end} spell, spaces around it
     * ignored, when it has a sign or not and at most {@code maxDigits} digits (too few to
     * overflow); else {@link #NOT_PLAIN}, for the caller to read it from a string as before.
     */
    private long plainNumber(int begin, int end, int maxDigits) {
        while (begin < end && (text[begin] & 0xff) <= ' ') {
            begin++;
        }
        while (end > begin && (text[end - 1] & 0xff) <= ' ') {
            end--;
        }
        boolean negative = begin < end && text[begin] == '-';
        int digits = negative || begin < end && text[begin] == '+' ? begin + 1 : begin;
        if (digits < end && end - digits <= maxDigits) {
            long number = 0;
            int i = digits;
            while (i < end && text[i] >= '0' && text[i] <= '9') {
                number = number * 10 + (text[i++] - '0');
            }
            if (i == end) {
                return negative ? -number : number;
            }
        }
        return NOT_PLAIN;
    }

    /**
     * Part {@code field} (from 0) of {@code value} cut at each {@code separator}, read as
     * {@code Integer.parseInt(part.trim())} reads it; {@code otherwise} when there are fewer parts
     * or that one is no number (an empty one is none).
     */
    public static int intField(String value, char separator, int field, int otherwise) {
        int begin = 0;
        for (int part = 0; part < field; part++) {
            int at = value.indexOf(separator, begin);
            if (at < 0) {
                return otherwise;
            }
            begin = at + 1;
        }
        int next = value.indexOf(separator, begin);
        int end = next < 0 ? value.length() : next;
        while (begin < end && value.charAt(begin) <= ' ') {
            begin++;
        }
        while (end > begin && value.charAt(end - 1) <= ' ') {
            end--;
        }
        try {
            return Integer.parseInt(value, begin, end, 10);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** Changes the value, or adds the attribute after the others. */
    public void setAttribute(String name, String value) {
        readAll();
        int index = indexOf(name);
        if (index >= 0) {
            values[index] = value;
            return;
        }
        names = Arrays.copyOf(names, names.length + 1);
        names[names.length - 1] = name;
        values = Arrays.copyOf(values, values.length + 1);
        values[values.length - 1] = value;
    }

    /** The children in order; changed through {@link #append} and {@link #remove}. */
    public List<CompactNode> children() {
        return children == null ? List.of() : Collections.unmodifiableList(children);
    }

    /** The child elements with that tag, in order. */
    public List<CompactElement> elements(String childTag) {
        return children == null ? List.of() : elementsNamed(children, childTag);
    }

    /** The first child element with that tag, or null. */
    public CompactElement element(String childTag) {
        return children == null ? null : firstNamed(children, childTag);
    }

    public void append(CompactNode child) {
        if (children == null) {
            children = new ArrayList<>(2);
        }
        children.add(child);
    }

    public void remove(CompactNode child) {
        if (children != null) {
            children.remove(child);
        }
    }

    @Override
    public CompactElement copy() {
        CompactElement copy = values == null ? new CompactElement(tag, names, text, valueStarts, line)
                : new CompactElement(tag, names, values.clone(), line);
        for (CompactNode child : children()) {
            copy.append(child.copy());
        }
        return copy;
    }

    @Override
    public String toString() {
        return "<" + tag + (attribute("id") == null ? "" : " id=\"" + attribute("id") + "\"") + "> (line " + line + ")";
    }

    static List<CompactElement> elementsNamed(List<CompactNode> nodes, String tag) {
        // sized for all: a history's lists are short (one to three records), not the default ten
        List<CompactElement> found = new ArrayList<>(nodes.size());
        for (CompactNode node : nodes) {
            if (node instanceof CompactElement element && element.tag.equals(tag)) {
                found.add(element);
            }
        }
        return found;
    }

    static CompactElement firstNamed(List<CompactNode> nodes, String tag) {
        for (CompactNode node : nodes) {
            if (node instanceof CompactElement element && element.tag.equals(tag)) {
                return element;
            }
        }
        return null;
    }

    private String valueInText(int index) {
        int start = valueStarts[index];
        int end = start;
        while (text[end] != 0) {
            end++;
        }
        return new String(text, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** The values become strings of the element's own, to be changed. */
    private void readAll() {
        if (values == null) {
            values = new String[names.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = valueInText(i);
            }
            text = null;
            valueStarts = null;
        }
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
