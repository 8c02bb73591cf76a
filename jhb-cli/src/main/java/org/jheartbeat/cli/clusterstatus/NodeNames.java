package org.jheartbeat.cli.clusterstatus;

import java.util.Comparator;

/**
 * Pacemaker's order of node names: ignoring case, and runs of digits by their value, so that
 * node2 comes before node10.
 */
public final class NodeNames {

    public static final Comparator<String> ORDER = NodeNames::compare;

    private NodeNames() {
    }

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int byValue = compareDigits(a.substring(i, endA), b.substring(j, endB));
                if (byValue != 0) {
                    return byValue;
                }
                i = endA;
                j = endB;
                continue;
            }
            int byChar = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
            if (byChar != 0) {
                return byChar;
            }
            i++;
            j++;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Two digit runs by value, without a size limit: leading zeros dropped, then length, then digits. */
    private static int compareDigits(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
}
