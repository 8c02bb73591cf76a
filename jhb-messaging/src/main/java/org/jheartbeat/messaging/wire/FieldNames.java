package org.jheartbeat.messaging.wire;

/**
 * Rules for field names, and the names Heartbeat 3.0.6 uses.
 *
 * <p>A legal name is 1 to {@value #MAX_LENGTH} printable ASCII characters (0x21..0x7e) without
 * {@code =} (it ends the name on the wire), not starting with {@code (} (the classic text form
 * marks binary fields with {@code (1)}), and not {@value #AUTH} (the codec writes that field
 * itself). Commas are fine: netstrings are length-prefixed.
 */
public final class FieldNames {

    public static final int MAX_LENGTH = 64;

    public static final String TYPE = "t";
    public static final String STATUS = "st";
    public static final String DEADTIME = "dt";
    public static final String PROTOCOL = "protocol";
    public static final String SRC = "src";
    public static final String SRC_UUID = "srcuuid";
    public static final String DEST = "dest";
    public static final String DEST_UUID = "destuuid";
    public static final String SEQ = "seq";
    public static final String GENERATION = "hg";
    public static final String TIMESTAMP = "ts";
    public static final String LOAD = "ld";
    public static final String TTL = "ttl";
    public static final String ACK_SEQ = "ackseq";
    public static final String FIRST_SEQ = "firstseq";
    public static final String LAST_SEQ = "lastseq";
    public static final String INFO = "info";
    public static final String NODE_LIST = "nodelist";
    public static final String DEL_NODE_LIST = "delnodelist";
    /** The classic-mode inner signature; reserved for the codec. */
    public static final String AUTH = "auth";

    private FieldNames() {
    }

    /** Why {@code name} is not a legal field name, or null when it is legal. */
    public static String problem(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            return "must be 1 to " + MAX_LENGTH + " characters long";
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isNameChar(name.charAt(i), i == 0)) {
                return "character " + (i + 1) + " is not allowed: use printable ASCII without '=', "
                        + "not starting with '('";
            }
        }
        return AUTH.equals(name) ? "is reserved: the codec writes the auth field itself" : null;
    }

    static boolean isNameChar(int c, boolean first) {
        return c > 0x20 && c < 0x7f && c != '=' && !(first && c == '(');
    }
}
