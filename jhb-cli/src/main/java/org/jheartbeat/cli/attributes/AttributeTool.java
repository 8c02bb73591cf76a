package org.jheartbeat.cli.attributes;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jheartbeat.cib.model.CibErrorCode;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cli.LocationOptions;
import org.jheartbeat.cli.PacemakerCommandLine;
import org.jheartbeat.cli.cibadmin.CibTarget;
import org.jheartbeat.client.Locations;
import org.jheartbeat.client.ipc.IpcClient;
import org.jheartbeat.client.ipc.IpcException;

/**
 * What crm_attribute, crm_master and attrd_updater share: the CIB they work on (CIB_file, else
 * the local daemon, found through HA_STATE_DIR as the LRM gives it to agents), this node's name,
 * and the resource an agent runs for.
 */
final class AttributeTool {

    private final Map<String, String> environment;
    private final Locations locations;

    AttributeTool(Map<String, String> environment, LocationOptions options) {
        this.environment = environment;
        this.locations = options.resolve(environment);
    }

    /** A tool's work, which may refuse its command line or fail on the CIB. */
    interface Work {
        int run() throws CibRequestException;
    }

    /**
     * Runs a tool's work with the errors every attribute tool reports the same way: a bad
     * command line (IllegalArgumentException) exits 64 with a pointer to --help; a refusal of
     * the CIB exits with its status, the message after {@code failurePrefix}.
     */
    static int run(String tool, String failurePrefix, PrintWriter err, Work work) {
        try {
            return work.run();
        } catch (IllegalArgumentException e) {
            err.println(tool + ": " + e.getMessage() + ". Use --help for usage information.");
            return PacemakerCommandLine.USAGE;
        } catch (CibRequestException e) {
            err.println(tool + ": " + failurePrefix + e.getMessage());
            return e.code().exitStatus();
        }
    }

    Locations locations() {
        return locations;
    }

    NodeAttributes attributes() {
        return new NodeAttributes(CibTarget.from(environment, locations));
    }

    /** The node named, else this one: the daemon's name for it, or the host name when working on a file. */
    String node(String given) throws CibRequestException {
        if (given != null) {
            return given;
        }
        String file = environment.get("CIB_file");
        if (file != null && !file.isEmpty()) {
            try {
                return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            } catch (IOException e) {
                throw new CibRequestException(CibErrorCode.ERROR, "cannot read this host's name; give the node with -N");
            }
        }
        try {
            return new IpcClient(locations.socket()).status().localNode();
        } catch (IpcException e) {
            throw new CibRequestException(CibErrorCode.NOT_CONNECTED, e.getMessage());
        }
    }

    /** The resource an agent runs for (OCF_RESOURCE_INSTANCE) without a clone's :N, or the one given. */
    String resource(String given) {
        String rsc = given != null && !given.isEmpty() ? given : environment.getOrDefault("OCF_RESOURCE_INSTANCE", "");
        if (rsc.isEmpty()) {
            throw new IllegalArgumentException("no resource: give one, or run from an agent (OCF_RESOURCE_INSTANCE)");
        }
        int colon = rsc.lastIndexOf(':');
        return colon > 0 && rsc.substring(colon + 1).matches("\\d+") ? rsc.substring(0, colon) : rsc;
    }
}
