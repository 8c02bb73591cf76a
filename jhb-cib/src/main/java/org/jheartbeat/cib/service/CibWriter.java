package org.jheartbeat.cib.service;

import java.io.IOException;
import org.jheartbeat.cib.model.CibDocument;

/** Makes a CIB version durable (the on-disk store); blocking, so it runs off the CIB loop. */
@FunctionalInterface
public interface CibWriter {

    void write(CibDocument document) throws IOException;
}
