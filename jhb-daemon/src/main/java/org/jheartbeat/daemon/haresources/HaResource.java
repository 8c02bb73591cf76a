package org.jheartbeat.daemon.haresources;

import java.util.List;

/**
 * One resource of an haresources line: a script and the arguments written after it with
 * {@code ::}, as Heartbeat's ResourceManager splits {@code IPaddr::10.0.0.1/24/eth0} into the
 * script {@code IPaddr} and the argument {@code 10.0.0.1/24/eth0}.
 *
 * @param written   the token as written, for messages
 * @param script    the script's name, looked up in resource.d then /etc/init.d
 * @param arguments the arguments in order, passed before the action
 */
public record HaResource(String written, String script, List<String> arguments) {

    public HaResource {
        arguments = List.copyOf(arguments);
    }
}
