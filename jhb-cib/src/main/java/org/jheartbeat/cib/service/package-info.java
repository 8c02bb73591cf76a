/**
 * The CIB service of a node: the on-disk {@code cib.xml} with its digest and backups, and (in
 * later steps) the CIB loop that applies changes and replicates them from the DC.
 */
package org.jheartbeat.cib.service;
