package org.jheartbeat.daemon.ipc;

/**
 * Who is on the other end of a local connection, as the kernel reports it (SO_PEERCRED).
 *
 * @param user  user name of the peer process
 * @param group name of the peer process's primary group
 */
public record PeerCredentials(String user, String group) {
}
