package org.jheartbeat.client.ipc;

import java.util.Arrays;

/** Why the daemon refused or failed a request; sent as the {@code "code"} of an error response. */
public enum IpcErrorCode {
    /** The line was not a JSON object with a {@code "request"} name, or was too long. */
    BAD_REQUEST("bad-request"),
    /** No such request name. */
    UNKNOWN_REQUEST("unknown-request"),
    /** The peer's user may not talk to the daemon. */
    DENIED("denied"),
    /** Too many connections at once. */
    BUSY("busy"),
    /** The request was understood but could not be carried out. */
    FAILED("failed");

    private final String wireName;

    IpcErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The code for a wire name; {@link #FAILED} for names this version does not know. */
    public static IpcErrorCode fromWireName(String name) {
        return Arrays.stream(values()).filter(code -> code.wireName.equals(name)).findFirst().orElse(FAILED);
    }
}
