package org.jheartbeat.client.ipc;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.jheartbeat.common.time.Clock;

/**
 * Newline-framed UTF-8 text over a socket channel, with a time limit on every read and
 * write and a limit on the line length, so neither end can be stalled or flooded by the
 * other. Used by both the client and the daemon's server.
 */
public final class LineChannel implements Closeable {

    private static final int CHUNK = 8192;

    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final int maxLineBytes;
    private final Clock clock;
    private byte[] buffer = new byte[CHUNK];
    private int filled;

    public LineChannel(SocketChannel channel, int maxLineBytes, Clock clock) throws IOException {
        this.channel = channel;
        this.maxLineBytes = maxLineBytes;
        this.clock = clock;
        channel.configureBlocking(false);
        this.selector = Selector.open();
        this.key = channel.register(selector, 0);
    }

    /**
     * The next line without its newline, or null when the peer closed the connection
     * between lines.
     *
     * @throws SocketTimeoutException no complete line within the timeout
     * @throws LineTooLongException   more than the limit without a newline
     * @throws EOFException           the peer closed the connection in the middle of a line
     */
    public String readLine(Duration timeout) throws IOException {
        long deadline = clock.monotonicNanos() + timeout.toNanos();
        int scanned = 0;
        while (true) {
            for (int i = scanned; i < filled; i++) {
                if (buffer[i] == '\n') {
                    if (i > maxLineBytes) {
                        throw new LineTooLongException(maxLineBytes);
                    }
                    return takeLine(i);
                }
            }
            scanned = filled;
            if (filled > maxLineBytes) {
                throw new LineTooLongException(maxLineBytes);
            }
            ensureRoom();
            int read = channel.read(ByteBuffer.wrap(buffer, filled, buffer.length - filled));
            if (read < 0) {
                if (filled == 0) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of a line");
            }
            filled += read;
            if (read == 0) {
                await(SelectionKey.OP_READ, deadline);
            }
        }
    }

    /** Sends the text followed by a newline; the text must not contain one. */
    public void writeLine(String line, Duration timeout) throws IOException {
        long deadline = clock.monotonicNanos() + timeout.toNanos();
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            if (channel.write(bytes) == 0) {
                await(SelectionKey.OP_WRITE, deadline);
            }
        }
    }

    private String takeLine(int newline) {
        String line = new String(buffer, 0, newline, StandardCharsets.UTF_8);
        int rest = filled - newline - 1;
        System.arraycopy(buffer, newline + 1, buffer, 0, rest);
        filled = rest;
        return line;
    }

    private void ensureRoom() {
        if (buffer.length - filled < CHUNK) {
            int wanted = Math.max(buffer.length * 2, filled + CHUNK);
            buffer = Arrays.copyOf(buffer, Math.min(wanted, maxLineBytes + CHUNK + 1));
        }
    }

    private void await(int operation, long deadline) throws IOException {
        long remainingNanos = deadline - clock.monotonicNanos();
        if (remainingNanos <= 0) {
            throw new SocketTimeoutException("no answer in time");
        }
        key.interestOps(operation);
        selector.select(Math.max(1, Duration.ofNanos(remainingNanos).toMillis()));
        selector.selectedKeys().clear();
    }

    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }
}
