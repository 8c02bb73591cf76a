package org.jheartbeat.cib.request;

/**
 * What a cibadmin command produced.
 *
 * @param output  XML to print (the query result), or null
 * @param version the CIB version after the command ({@code admin_epoch.epoch.num_updates})
 */
public record CibResult(String output, String version) {
}
