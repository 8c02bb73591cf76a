package org.jheartbeat.messaging.config;

import java.util.List;

/** {@code apiauth GROUP [uid=a,b] [gid=c,d]}: who may connect to the client API as GROUP. */
public record ApiAuth(String group, List<String> users, List<String> groups) {

    public ApiAuth {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
    }
}
