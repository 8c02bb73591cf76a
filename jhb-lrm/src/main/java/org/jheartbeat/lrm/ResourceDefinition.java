package org.jheartbeat.lrm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A resource as the LRM knows it: its id, its agent and its instance parameters, in order. */
public record ResourceDefinition(String id, AgentId agent, Map<String, String> parameters) {

    public ResourceDefinition {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a resource needs an id");
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
