package org.jheartbeat.messaging.wire;

/**
 * The outcome of {@link WireCodec#decode}: an authenticated message, or the reason the datagram
 * was dropped. Asking an accepted result for its reason, or a rejected one for its message, is a
 * programming error and throws {@link IllegalStateException}.
 */
public final class Decoded {

    private final HaMessage message;
    private final int keyIndex;
    private final WireFormat format;
    private final boolean innerAuthField;
    private final Reason reason;
    private final String detail;

    private Decoded(HaMessage message, int keyIndex, WireFormat format, boolean innerAuthField,
                    Reason reason, String detail) {
        this.message = message;
        this.keyIndex = keyIndex;
        this.format = format;
        this.innerAuthField = innerAuthField;
        this.reason = reason;
        this.detail = detail;
    }

    static Decoded accepted(HaMessage message, int keyIndex, WireFormat format, boolean innerAuthField) {
        return new Decoded(message, keyIndex, format, innerAuthField, null, null);
    }

    static Decoded rejected(Reason reason, String detail) {
        return new Decoded(null, -1, null, false, reason, detail);
    }

    public boolean accepted() {
        return message != null;
    }

    /** The message, without the inner {@code auth} field (the codec's business, not content). */
    public HaMessage message() {
        requireAccepted();
        return message;
    }

    /** The authkeys number of the key that verified the packet. */
    public int keyIndex() {
        requireAccepted();
        return keyIndex;
    }

    public WireFormat format() {
        requireAccepted();
        return format;
    }

    /**
     * Whether a netstring packet carried the classic-mode inner {@code auth} field (sender runs
     * {@code msgfmt classic}); always false for classic text, whose auth line is the signature.
     */
    public boolean innerAuthField() {
        requireAccepted();
        return innerAuthField;
    }

    public Reason reason() {
        requireRejected();
        return reason;
    }

    /** Where and what: an offset and what was expected there. Never packet contents or secrets. */
    public String detail() {
        requireRejected();
        return detail;
    }

    private void requireAccepted() {
        if (message == null) {
            throw new IllegalStateException("packet was rejected (" + reason + "), it has no message");
        }
    }

    private void requireRejected() {
        if (message != null) {
            throw new IllegalStateException("packet was accepted, it has no rejection reason");
        }
    }

    @Override
    public String toString() {
        return accepted() ? "accepted " + format + " t=" + message.type() + " key " + keyIndex
                : reason + ": " + detail;
    }
}
