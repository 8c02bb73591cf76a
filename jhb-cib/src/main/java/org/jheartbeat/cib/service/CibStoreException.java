package org.jheartbeat.cib.service;

/**
 * The CIB on disk cannot be used as it is: the message names the file, what is wrong and what
 * the operator can do. Nothing was overwritten.
 */
public final class CibStoreException extends Exception {

    public CibStoreException(String message) {
        super(message);
    }

    public CibStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
