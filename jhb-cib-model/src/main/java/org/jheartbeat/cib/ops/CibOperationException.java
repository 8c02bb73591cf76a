package org.jheartbeat.cib.ops;

import java.util.List;
import org.jheartbeat.cib.schema.SchemaError;

/** A CIB change or query that was refused; nothing was changed. The code tells a CLI its exit status. */
public final class CibOperationException extends Exception {

    /** What went wrong, with the exit status and words Pacemaker's cibadmin uses for it (crm_error). */
    public enum Code {
        NO_SUCH_OBJECT(105, "No such object"),
        ALREADY_EXISTS(108, "Requested item already exists"),
        SCHEMA_INVALID(78, "Update does not conform to the configured schema"),
        BAD_XPATH(105, "Invalid XPath expression"),
        INVALID_INPUT(65, "Invalid data given");

        private final int exitCode;
        private final String description;

        Code(int exitCode, String description) {
            this.exitCode = exitCode;
            this.description = description;
        }

        public int exitCode() {
            return exitCode;
        }

        public String description() {
            return description;
        }
    }

    private final Code code;
    private final List<SchemaError> schemaErrors;

    public CibOperationException(Code code, String message) {
        this(code, message, List.of());
    }

    public CibOperationException(Code code, String message, List<SchemaError> schemaErrors) {
        super(message);
        this.code = code;
        this.schemaErrors = List.copyOf(schemaErrors);
    }

    public Code code() {
        return code;
    }

    /** The schema errors when the code is {@link Code#SCHEMA_INVALID}, else empty. */
    public List<SchemaError> schemaErrors() {
        return schemaErrors;
    }
}
