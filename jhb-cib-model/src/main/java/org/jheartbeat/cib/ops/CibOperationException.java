package org.jheartbeat.cib.ops;

import org.jheartbeat.cib.model.CibErrorCode;
import java.util.List;
import org.jheartbeat.cib.schema.SchemaError;

/** A CIB change or query that was refused; nothing was changed. The code tells a CLI its exit status. */
public final class CibOperationException extends Exception {

    private final CibErrorCode code;
    private final List<SchemaError> schemaErrors;

    public CibOperationException(CibErrorCode code, String message) {
        this(code, message, List.of());
    }

    public CibOperationException(CibErrorCode code, String message, List<SchemaError> schemaErrors) {
        super(message);
        this.code = code;
        this.schemaErrors = List.copyOf(schemaErrors);
    }

    public CibErrorCode code() {
        return code;
    }

    /** The schema errors when the code is {@link CibErrorCode#INVALID_CONFIGURATION}, else empty. */
    public List<SchemaError> schemaErrors() {
        return schemaErrors;
    }
}
