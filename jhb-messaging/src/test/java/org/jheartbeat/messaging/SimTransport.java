package org.jheartbeat.messaging;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Consumer;
import org.jheartbeat.messaging.transport.Datagram;
import org.jheartbeat.messaging.transport.Transport;
import org.jheartbeat.testkit.SimNetwork;

/** A node's media on the simulated network: endpoint "node@link" per link, sending to all peers. */
public final class SimTransport implements Transport {

    private final SimNetwork network;
    private final String node;
    private final List<String> links;
    private final List<String> allNodes;

    public SimTransport(SimNetwork network, String node, List<String> links, List<String> allNodes) {
        this.network = network;
        this.node = node;
        this.links = List.copyOf(links);
        this.allNodes = List.copyOf(allNodes);
    }

    public static String endpoint(String node, String link) {
        return node + "@" + link;
    }

    /** The simulated address of a node: 127.0.0.(index + 1). */
    public static InetAddress address(int nodeIndex) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (nodeIndex + 1)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<String> links() {
        return links;
    }

    @Override
    public void send(byte[] datagram) {
        for (String link : links) {
            for (String peer : allNodes) {
                if (!peer.equals(node)) {
                    network.send(endpoint(node, link), endpoint(peer, link), datagram);
                }
            }
        }
    }

    @Override
    public void start(Consumer<Datagram> receiver) {
        for (String link : links) {
            network.attach(endpoint(node, link), (from, data) -> receiver.accept(
                    new Datagram(data, address(allNodes.indexOf(from.substring(0, from.indexOf('@')))), link)));
        }
    }

    @Override
    public void close() {
        links.forEach(link -> network.detach(endpoint(node, link)));
    }
}
