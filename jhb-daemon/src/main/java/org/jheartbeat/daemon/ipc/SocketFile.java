package org.jheartbeat.daemon.ipc;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The socket's file in the file system: taking it over from a dead daemon, and who may open it. */
final class SocketFile {

    private static final Logger LOG = LoggerFactory.getLogger(SocketFile.class);

    private SocketFile() {
    }

    /**
     * Makes the path free for binding: creates the parent directory, removes a socket file
     * nothing answers on (left by a daemon that died), and refuses when another daemon
     * still answers or the path is something else.
     */
    static void claim(Path socket) throws IpcServerException {
        try {
            Files.createDirectories(socket.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new IpcServerException("cannot create the directory of the IPC socket " + socket + ": " + e
                    + "; check the state directory (--state-dir or HA_STATE_DIR)", e);
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new IpcServerException("cannot examine the IPC socket path " + socket + ": " + e, e);
        }
        if (!attributes.isOther()) {
            throw new IpcServerException(socket + " exists and is not a socket; move it away and start heartbeat again", null);
        }
        if (answers(socket)) {
            throw new IpcServerException("another heartbeat is already running on this node: it answers on " + socket
                    + "; stop it first, or give this one another state directory (--state-dir)", null);
        }
        try {
            Files.deleteIfExists(socket);
            LOG.info("Removed stale IPC socket {} left by a daemon that is gone", socket);
        } catch (IOException e) {
            throw new IpcServerException("cannot remove the stale IPC socket " + socket + ": " + e, e);
        }
    }

    private static boolean answers(Path socket) throws IpcServerException {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            throw new IpcServerException("cannot tell whether a daemon still answers on " + socket + ": " + e, e);
        }
    }

    /** Mode 0660 and group haclient when that group exists, so its members can connect. */
    static void restrict(Path socket) throws IpcServerException {
        try {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----"));
        } catch (IOException e) {
            throw new IpcServerException("cannot set mode 0660 on the IPC socket " + socket + ": " + e, e);
        }
        try {
            GroupPrincipal group = socket.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByGroupName(HaclientAccessPolicy.GROUP);
            Files.getFileAttributeView(socket, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setGroup(group);
        } catch (UserPrincipalNotFoundException e) {
            LOG.debug("No group {}: IPC socket {} stays in the daemon's group", HaclientAccessPolicy.GROUP, socket);
        } catch (IOException e) {
            LOG.warn("Cannot give the IPC socket {} to group {} ({}); only root and the daemon's user can use the tools",
                    socket, HaclientAccessPolicy.GROUP, e.toString());
        }
    }
}
