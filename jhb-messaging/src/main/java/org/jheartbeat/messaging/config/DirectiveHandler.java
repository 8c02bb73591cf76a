package org.jheartbeat.messaging.config;

import org.jheartbeat.common.config.ConfigException;

/** Applies one ha.cf directive line to the draft. */
@FunctionalInterface
interface DirectiveHandler {

    void apply(ConfigLine line, HaCfDraft draft) throws ConfigException;
}
