package org.jheartbeat.lrm.agent;

import org.jheartbeat.lrm.OperationRequest;

/** The action word for the script classes (lsb, heartbeat), which know {@code status} rather than {@code monitor}. */
final class ScriptAction {

    private ScriptAction() {
    }

    static boolean asksStatus(OperationRequest operation) {
        return "monitor".equals(operation.action()) || "status".equals(operation.action());
    }

    static String of(OperationRequest operation) {
        return asksStatus(operation) ? "status" : operation.action();
    }
}
