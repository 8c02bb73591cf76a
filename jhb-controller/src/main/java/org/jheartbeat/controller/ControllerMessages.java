package org.jheartbeat.controller;

import java.nio.charset.StandardCharsets;
import org.jheartbeat.messaging.wire.HaMessage;

/**
 * The controller's cluster messages, carried by the messaging layer (signed, ordered per
 * sender, retransmitted). XML travels in binary fields.
 *
 * <pre>
 * crmd_join    DC → node    join                      "report what your LRM knows" (join: the DC's join round)
 * crmd_state   node → DC    join, dc, lrm, shutdown   every resource's history, as lrm_resources; the DC the
 *                                                     node follows; shutdown=true while it is leaving
 * crmd_shutdown_req node → DC                         "stop my resources: I am leaving" (SIGTERM)
 * crmd_shutdown DC → node                             the scheduler's do_shutdown: its resources are stopped, leave
 * crmd_exec    DC → node    op                        run one action of a transition (an rsc_op element)
 * crmd_result  node → DC    key, rsc, action, interval, rc, status, history
 *                                                     a result (of an action, or a recurring monitor's change)
 * crmd_cleanup → DC         rsc, node (optional)      an operator's cleanup, from the node the tool ran on
 * crmd_forget  DC → node    rsc                       forget a resource's history (cleanup)
 * crmd_forgot  node → DC    rsc                       forgotten: the DC may erase it from the status section
 * crmd_fence   DC → node    key, target, action, timeout, devices
 *                                                     fence the target with these devices (the DC chose this node to)
 * crmd_fenced  node → DC    key, target, ok, device, detail
 *                                                     what fencing came to: ok=1 with the device that did it
 * </pre>
 */
final class ControllerMessages {

    static final String PREFIX = "crmd_";
    static final String JOIN = "crmd_join";
    static final String STATE = "crmd_state";
    static final String EXEC = "crmd_exec";
    static final String RESULT = "crmd_result";
    static final String CLEANUP = "crmd_cleanup";
    static final String FORGET = "crmd_forget";
    static final String FORGOT = "crmd_forgot";
    static final String SHUTDOWN_REQUEST = "crmd_shutdown_req";
    static final String SHUTDOWN = "crmd_shutdown";
    static final String FENCE = "crmd_fence";
    static final String FENCED = "crmd_fenced";

    private ControllerMessages() {
    }

    static HaMessage.Builder to(String type, String dest) {
        return HaMessage.builder().string("t", type).string("dest", dest);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(HaMessage message, String field) {
        byte[] value = message.getBinary(field);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
