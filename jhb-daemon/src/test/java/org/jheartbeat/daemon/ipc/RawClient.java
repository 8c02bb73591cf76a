package org.jheartbeat.daemon.ipc;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import org.jheartbeat.client.ipc.LineChannel;
import org.jheartbeat.common.time.SystemClock;

/** Sends arbitrary lines over one connection, as a misbehaving client would. */
final class RawClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final LineChannel lines;

    RawClient(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        lines = new LineChannel(channel, 1 << 20, SystemClock.INSTANCE);
    }

    String ask(String line) throws IOException {
        lines.writeLine(line, TIMEOUT);
        return lines.readLine(TIMEOUT);
    }

    /** The next line, or null once the server closed the connection. */
    String next() throws IOException {
        return lines.readLine(TIMEOUT);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
