package org.jheartbeat.messaging.transport;

import java.util.List;
import java.util.function.Consumer;

/**
 * Sends datagrams on every configured medium and hands received ones to a consumer.
 * Implementations: {@link UdpTransport} (real sockets) and the simulated network of the tests.
 */
public interface Transport extends AutoCloseable {

    /** Link names (interfaces), in configuration order, without duplicates. */
    List<String> links();

    /** Sends one message on every medium. Must not block the caller for long. */
    void send(byte[] datagram);

    /** Starts delivering received datagrams; the consumer is called from receive threads. */
    void start(Consumer<Datagram> receiver);

    @Override
    void close();
}
