package org.jheartbeat.cli.cibadmin;

import java.nio.file.Path;
import java.util.Map;
import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cib.request.CibResult;
import org.jheartbeat.client.Locations;

/** Where cibadmin's command runs: a file ({@code CIB_file}) or the local daemon. */
public interface CibTarget {

    /** The file CIB_file names, when it is set, else the local daemon's CIB. */
    static CibTarget from(Map<String, String> environment, Locations locations) {
        String file = environment.get("CIB_file");
        if (file != null && !file.isEmpty()) {
            return new FileCibTarget(Path.of(file));
        }
        return new DaemonCibTarget(locations);
    }

    CibResult execute(CibRequest request) throws CibRequestException;
}
