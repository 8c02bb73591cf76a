package org.jheartbeat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cli.cibadmin.DaemonCibTarget;
import org.jheartbeat.client.Locations;

/**
 * Where the tools that read a whole CIB (crm_verify, crm_simulate) get its text: a file,
 * standard input or the running daemon. Failures carry Pacemaker's exit statuses.
 */
public final class CibSources {

    /** The input cannot be read (CRM_EX_NOINPUT). */
    public static final int NO_INPUT = 66;
    /** The daemon's CIB cannot be reached (CRM_EX_DISCONNECT). */
    public static final int NOT_CONNECTED = 102;

    private CibSources() {
    }

    /** The file's bytes: the parser decodes them as the XML declaration says (UTF-8 by default). */
    public static byte[] readFile(Path file) throws ToolFailure {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ToolFailure(NO_INPUT, file + ": no such file. Check the path (a CIB is usually"
                    + " /var/lib/heartbeat/crm/cib.xml or /var/lib/pacemaker/cib/cib.xml)");
        } catch (AccessDeniedException e) {
            throw new ToolFailure(NO_INPUT, file + ": permission denied. Run as root or hacluster, or copy the file");
        } catch (IOException e) {
            throw new ToolFailure(NO_INPUT, file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** All of standard input; {@code tool} names the command in the hint for an empty pipe. */
    public static byte[] readStdin(InputStream stdin, String tool) throws ToolFailure {
        try {
            byte[] bytes = stdin.readAllBytes();
            if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                throw new ToolFailure(NO_INPUT, "stdin: nothing was piped in. Pipe a CIB, for example"
                        + " cibadmin -Q | " + tool + " -p");
            }
            return bytes;
        } catch (IOException e) {
            throw new ToolFailure(NO_INPUT, "stdin: cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * The CIB the local daemon runs with, asked for over the local socket; {@code otherwise}
     * tells what to do without a daemon.
     */
    public static String live(Locations locations, String otherwise) throws ToolFailure {
        try {
            return new DaemonCibTarget(locations)
                    .execute(new CibRequest(CibRequest.Operation.QUERY, null, null, null, false, false)).output();
        } catch (CibRequestException e) {
            throw new ToolFailure(NOT_CONNECTED, "cannot read the live CIB: " + e.getMessage()
                    + ". Start heartbeat, or " + otherwise);
        }
    }
}
