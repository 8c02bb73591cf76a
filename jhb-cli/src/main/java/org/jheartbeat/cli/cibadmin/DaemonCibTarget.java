package org.jheartbeat.cli.cibadmin;

import org.jheartbeat.cib.model.CibErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cib.request.CibResult;
import org.jheartbeat.client.Locations;
import org.jheartbeat.client.ipc.IpcClient;
import org.jheartbeat.client.ipc.IpcException;
import org.jheartbeat.client.ipc.IpcMessages;

/**
 * The local daemon's CIB, over the local socket: request {@code cib} with the command as its
 * body; the answer carries either the result or the failure's code and message.
 */
public final class DaemonCibTarget implements CibTarget {

    private final Locations locations;

    public DaemonCibTarget(Locations locations) {
        this.locations = locations;
    }

    @Override
    public CibResult execute(CibRequest request) throws CibRequestException {
        JsonNode answer;
        try {
            answer = new IpcClient(locations.socket()).call(IpcMessages.CIB, IpcMessages.MAPPER.valueToTree(request));
        } catch (IpcException e) {
            throw new CibRequestException(CibErrorCode.NOT_CONNECTED, e.getMessage());
        }
        JsonNode failure = answer.get("failure");
        if (failure != null && !failure.isNull()) {
            throw new CibRequestException(CibErrorCode.valueOf(failure.get("code").asText()),
                    failure.get("message").asText());
        }
        return IpcMessages.MAPPER.convertValue(answer.get("result"), CibResult.class);
    }
}
