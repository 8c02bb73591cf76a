package org.jheartbeat.cib.request;

/**
 * One cibadmin command, as the tool sends it to the daemon (JSON over the local socket) or runs
 * it on a file ({@code CIB_file}).
 *
 * @param operation   what to do
 * @param scope       cibadmin's {@code -o}: a section name, or null for the whole CIB
 * @param xpath       cibadmin's {@code --xpath}, or null
 * @param xml         the XML input ({@code -x}, {@code -X}, {@code -p}), or null
 * @param allowCreate {@code --allow-create} for modify
 * @param force       {@code --force}, required by erase
 */
public record CibRequest(Operation operation, String scope, String xpath, String xml, boolean allowCreate,
                         boolean force) {

    /** The cibadmin commands. */
    public enum Operation {
        QUERY, CREATE, MODIFY, REPLACE, DELETE, PATCH, ERASE, BUMP, UPGRADE;

        /** Whether the command leaves the CIB as it is. */
        public boolean readOnly() {
            return this == QUERY;
        }
    }
}
