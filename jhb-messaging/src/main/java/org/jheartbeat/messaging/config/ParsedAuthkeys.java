package org.jheartbeat.messaging.config;

import java.util.List;
import org.jheartbeat.messaging.auth.Authkeys;

/** The keys of an authkeys file and the warnings found while reading it (each starting with file:line). */
public record ParsedAuthkeys(Authkeys keys, List<String> warnings) {

    public ParsedAuthkeys {
        warnings = List.copyOf(warnings);
    }
}
