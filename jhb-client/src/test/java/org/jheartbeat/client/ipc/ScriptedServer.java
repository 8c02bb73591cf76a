package org.jheartbeat.client.ipc;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** A stand-in daemon for client tests: answers the first connection with fixed bytes, or never. */
final class ScriptedServer implements AutoCloseable {

    private final ServerSocketChannel server;
    private final CompletableFuture<String> received = new CompletableFuture<>();
    private final Thread thread;

    private ScriptedServer(Path socket, String reply) throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = new Thread(() -> serve(reply), "scripted-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** Reads one request line and writes the reply (null: write nothing and keep the connection open). */
    static ScriptedServer replying(Path socket, String reply) throws IOException {
        return new ScriptedServer(socket, reply);
    }

    CompletableFuture<String> received() {
        return received;
    }

    private void serve(String reply) {
        try (SocketChannel client = server.accept()) {
            StringBuilder line = new StringBuilder();
            ByteBuffer one = ByteBuffer.allocate(1);
            while (client.read(one) > 0 && one.get(0) != '\n') {
                line.append((char) one.get(0));
                one.clear();
            }
            received.complete(line.toString());
            if (reply == null) {
                client.read(ByteBuffer.allocate(1));
                return;
            }
            client.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            received.completeExceptionally(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
