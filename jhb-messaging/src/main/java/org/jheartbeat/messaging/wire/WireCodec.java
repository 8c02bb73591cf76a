package org.jheartbeat.messaging.wire;

import org.jheartbeat.messaging.auth.AuthKey;
import org.jheartbeat.messaging.auth.Authkeys;

/**
 * Heartbeat 3.0.6's wire format, byte for byte.
 *
 * <p>Sent form (always netstrings, whatever {@code msgfmt} says):
 * <pre>
 * ###\n
 * &lt;len&gt;:(&lt;type&gt;)&lt;name&gt;=&lt;value&gt;,     one per field, in order
 * &lt;len&gt;:(0)auth=&lt;N&gt; &lt;digest&gt;,        msgfmt classic only: digest over the classic text
 * %%%\n
 * &lt;len&gt;:&lt;N&gt; &lt;digest&gt;,                 digest over every byte from ### through %%%\n
 * </pre>
 * Received: that form (only the trailer is checked, like Heartbeat) or the classic text form
 * ({@code >>>\n name=value lines, auth=N digest, <<<\n}). Unlike Heartbeat, a packet is checked
 * with the method <em>and</em> secret of the key whose number it carries.
 *
 * <p>Stateless and thread-safe.
 */
public final class WireCodec {

    /**
     * Largest datagram we send or accept: below the 65507-byte IPv4 UDP limit, with room to
     * spare, and far above Heartbeat's largest messages (about 400 bytes in a 2-node cluster).
     */
    public static final int MAX_DATAGRAM_BYTES = 60000;

    private WireCodec() {
    }

    /**
     * The datagram for {@code message}, signed with {@code signer}. With {@code classicAuthField}
     * (Heartbeat's default {@code msgfmt classic}) the inner {@code auth} field is added too.
     *
     * @throws MessageTooLargeException when the datagram would exceed {@link #MAX_DATAGRAM_BYTES}
     */
    public static byte[] encode(HaMessage message, AuthKey signer, boolean classicAuthField) {
        return NetstringWriter.encode(message, signer, classicAuthField);
    }

    /**
     * Decodes and authenticates the first {@code length} bytes of {@code datagram}. Never throws:
     * anything that is not an authentic packet comes back as a rejection.
     */
    public static Decoded decode(byte[] datagram, int length, Authkeys keys) {
        if (datagram == null || length < 0 || length > datagram.length) {
            return Decoded.rejected(Reason.MALFORMED, "length " + length + " outside the buffer of "
                    + (datagram == null ? "null" : datagram.length + " bytes"));
        }
        if (length > MAX_DATAGRAM_BYTES) {
            return Decoded.rejected(Reason.TOO_LARGE, length + " bytes, more than " + MAX_DATAGRAM_BYTES);
        }
        if (Bytes.startsWith(datagram, 0, length, NetstringWriter.START)) {
            return NetstringReader.decode(datagram, length, keys);
        }
        if (Bytes.startsWith(datagram, 0, length, ClassicTextReader.START)) {
            return ClassicTextReader.decode(datagram, length, keys);
        }
        return Decoded.rejected(Reason.MALFORMED, "offset 0: expected ###\\n (netstring) or >>>\\n (classic text)");
    }
}
