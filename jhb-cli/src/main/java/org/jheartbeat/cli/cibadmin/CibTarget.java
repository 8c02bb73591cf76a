package org.jheartbeat.cli.cibadmin;

import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cib.request.CibResult;

/** Where cibadmin's command runs: a file ({@code CIB_file}) or the local daemon. */
public interface CibTarget {

    CibResult execute(CibRequest request) throws CibRequestException;
}
