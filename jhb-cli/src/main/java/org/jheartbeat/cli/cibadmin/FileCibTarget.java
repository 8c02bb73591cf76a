package org.jheartbeat.cli.cibadmin;

import org.jheartbeat.cib.model.CibErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cib.request.CibRequestExecutor;
import org.jheartbeat.cib.request.CibResult;
import org.jheartbeat.cib.xml.CibXml;

/**
 * A CIB in a file, without a daemon ({@code CIB_file=FILE}, as Pacemaker's tools take it): read,
 * run the command, and write the file back (temp file and rename) only when the command changed it.
 */
final class FileCibTarget implements CibTarget {

    private final Path file;

    FileCibTarget(Path file) {
        this.file = file;
    }

    @Override
    public CibResult execute(CibRequest request) throws CibRequestException {
        CibDocument cib = read();
        CibRequestExecutor.Outcome outcome = CibRequestExecutor.execute(cib, request);
        if (outcome.after() != cib) {
            write(outcome.after());
        }
        return outcome.result();
    }

    private CibDocument read() throws CibRequestException {
        try {
            return CibXml.parse(file);
        } catch (NoSuchFileException e) {
            throw new CibRequestException(CibErrorCode.NOT_CONNECTED, "CIB_file " + file
                    + " does not exist; create one with: cibadmin --empty > " + file);
        } catch (IOException e) {
            throw new CibRequestException(CibErrorCode.NOT_CONNECTED, "cannot read CIB_file " + file
                    + ": " + e.getMessage());
        } catch (CibParseException e) {
            throw new CibRequestException(CibErrorCode.INVALID_CONFIGURATION, e.getMessage());
        }
    }

    private void write(CibDocument cib) throws CibRequestException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, CibXml.toXml(cib), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CibRequestException(CibErrorCode.ERROR, "cannot write CIB_file " + file + ": "
                    + e.getMessage() + " (the file is unchanged)");
        }
    }
}
