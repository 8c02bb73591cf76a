package org.jheartbeat.daemon.ipc;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jheartbeat.client.ipc.IpcErrorCode;
import org.jheartbeat.client.ipc.IpcMessages;
import org.jheartbeat.client.ipc.LineChannel;
import org.jheartbeat.common.time.Clock;
import org.jheartbeat.common.time.SystemClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's local IPC endpoint: a Unix-domain socket speaking the protocol of
 * {@link IpcMessages}. One accept thread and a small bounded pool of connection threads;
 * these never touch daemon state, they pass each request to the {@link RequestHandler}.
 * Nothing a client sends can stop the server.
 */
public final class IpcServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IpcServer.class);
    /** Connections served at once; more are answered "busy" and closed. */
    public static final int MAX_CONNECTIONS = 8;
    private static final Duration BUSY_WRITE_TIMEOUT = Duration.ofSeconds(1);

    private final Path socket;
    private final ServerSocketChannel server;
    private final IpcConnection connection;
    private final ThreadPoolExecutor pool;
    private final Clock clock;
    private final Thread acceptor;

    private IpcServer(Path socket, ServerSocketChannel server, IpcConnection connection, Clock clock) {
        this.socket = socket;
        this.server = server;
        this.connection = connection;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "ipc-connection-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.acceptor = new Thread(this::acceptLoop, "ipc-accept");
        this.acceptor.setDaemon(true);
    }

    /**
     * Binds the socket and starts serving.
     *
     * @throws IpcServerException another daemon answers on the socket, the path is not a
     *                            socket, or the socket cannot be created
     */
    public static IpcServer start(Path socket, RequestHandler handler, AccessPolicy policy, Clock clock) throws IpcServerException {
        SocketFile.claim(socket);
        ServerSocketChannel server;
        try {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new IpcServerException("cannot create the IPC socket " + socket + ": " + e, e);
        }
        try {
            SocketFile.restrict(socket);
        } catch (IpcServerException e) {
            closeQuietly(server, socket);
            throw e;
        }
        IpcServer ipc = new IpcServer(socket, server, new IpcConnection(handler, policy, clock), clock);
        ipc.acceptor.start();
        LOG.info("Answering local requests on {}", socket);
        return ipc;
    }

    /** {@link #start(Path, RequestHandler, AccessPolicy, Clock)} with Heartbeat's access rule and the system clock. */
    public static IpcServer start(Path socket, RequestHandler handler) throws IpcServerException {
        return start(socket, handler, HaclientAccessPolicy.forThisProcess(), SystemClock.INSTANCE);
    }

    public Path socket() {
        return socket;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("Accepting a local connection on {} failed: {}", socket, e.toString());
                continue;
            }
            try {
                pool.execute(() -> connection.serve(client));
            } catch (RejectedExecutionException e) {
                refuseBusy(client);
            }
        }
    }

    private void refuseBusy(SocketChannel client) {
        try (LineChannel lines = new LineChannel(client, IpcMessages.MAX_REQUEST_BYTES, clock)) {
            lines.writeLine(IpcMessages.failure(IpcErrorCode.BUSY, "heartbeat is serving " + MAX_CONNECTIONS
                    + " local connections already; try again").toString(), BUSY_WRITE_TIMEOUT);
        } catch (IOException e) {
            LOG.debug("Could not tell a client we are busy: {}", e.toString());
        }
    }

    /** Stops accepting, ends open connections and removes the socket file. */
    @Override
    public void close() {
        closeQuietly(server, socket);
        pool.shutdownNow();
    }

    private static void closeQuietly(ServerSocketChannel server, Path socket) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("Closing the IPC socket: {}", e.toString());
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("Cannot remove the IPC socket {}: {}", socket, e.toString());
        }
    }
}
