package org.jheartbeat.messaging.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jheartbeat.messaging.config.Medium;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real UDP media. Receive sockets are bound per port: to the node's own addresses when they are
 * known ({@code nodeaddr}), so several nodes can share one host, else to the wildcard address;
 * multicast lines get their own socket joined to the group on their interface. Each receive
 * socket has one edge thread that only copies datagrams out and hands them on.
 *
 * <p>Java cannot bind a socket to a device, so the link a datagram arrived on is found from its
 * source: the ucast line whose peer sent it, else the medium interface whose subnet holds it.
 */
public final class UdpTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);
    private static final int MAX_DATAGRAM = 65_507;

    private final List<Medium> media;
    private final Set<InetAddress> ownAddresses;
    private final List<Sender> senders = new ArrayList<>();
    private final List<Receiver> receivers = new ArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final LinkResolver linkResolver;
    private volatile boolean closed;

    /**
     * Opens every socket at once so that a bad medium (no such interface, port in use) fails the
     * start with a clear message instead of a silent half-working node.
     *
     * @param media        the medium lines of ha.cf
     * @param ownAddresses this node's own addresses from {@code nodeaddr}; empty when not configured
     */
    public UdpTransport(List<Medium> media, Set<? extends InetAddress> ownAddresses) throws IOException {
        this.media = List.copyOf(media);
        this.ownAddresses = ownAddresses.isEmpty() ? localAddresses() : Set.copyOf(ownAddresses);
        this.linkResolver = new LinkResolver(this.media);
        try {
            openReceivers(ownAddresses);
            openSenders();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public List<String> links() {
        Set<String> links = new LinkedHashSet<>();
        media.forEach(m -> links.add(m.iface()));
        return List.copyOf(links);
    }

    @Override
    public void send(byte[] datagram) {
        for (Sender sender : senders) {
            sender.send(datagram);
        }
    }

    @Override
    public void start(Consumer<Datagram> receiver) {
        for (Receiver r : receivers) {
            Thread thread = new Thread(() -> r.run(receiver), "udp-rx-" + r.description);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Receiver r : receivers) {
            closeQuietly(r.channel);
        }
        for (Sender s : senders) {
            closeQuietly(s.channel);
        }
    }

    private void openReceivers(Set<? extends InetAddress> configuredOwn) throws IOException {
        Map<Integer, List<Medium>> byPort = new LinkedHashMap<>();
        for (Medium m : media) {
            if (!(m instanceof Medium.Mcast)) {
                byPort.computeIfAbsent(m.port(), p -> new ArrayList<>()).add(m);
            }
        }
        for (Map.Entry<Integer, List<Medium>> entry : byPort.entrySet()) {
            int port = entry.getKey();
            boolean hasBcast = entry.getValue().stream().anyMatch(Medium.Bcast.class::isInstance);
            if (configuredOwn.isEmpty() || hasBcast) {
                receivers.add(bind(new InetSocketAddress(port), null));
            } else {
                for (InetAddress own : configuredOwn) {
                    receivers.add(bind(new InetSocketAddress(own, port), null));
                }
            }
        }
        for (Medium m : media) {
            if (m instanceof Medium.Mcast mcast) {
                receivers.add(joinGroup(mcast));
            }
        }
    }

    private Receiver bind(InetSocketAddress address, String fixedLink) throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        try {
            channel.bind(address);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IOException("cannot listen on UDP " + address + ": " + e.getMessage()
                    + ". Is another heartbeat using this address and udpport? Change udpport or nodeaddr in ha.cf", e);
        }
        return new Receiver(channel, address.toString(), fixedLink);
    }

    private Receiver joinGroup(Medium.Mcast mcast) throws IOException {
        NetworkInterface nif = requireInterface(mcast.iface());
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        channel.bind(new InetSocketAddress(mcast.port()));
        channel.join(mcast.group(), nif);
        return new Receiver(channel, mcast.group().getHostAddress() + ":" + mcast.port(), mcast.iface());
    }

    private void openSenders() throws IOException {
        for (Medium m : media) {
            if (m instanceof Medium.Ucast ucast) {
                if (!ownAddresses.contains(ucast.peer())) {
                    senders.add(new Sender(senderChannel(), new InetSocketAddress(ucast.peer(), ucast.port())));
                }
            } else if (m instanceof Medium.Bcast bcast) {
                DatagramChannel channel = senderChannel();
                channel.setOption(StandardSocketOptions.SO_BROADCAST, true);
                senders.add(new Sender(channel, new InetSocketAddress(broadcastAddress(bcast.iface()), bcast.port())));
            } else if (m instanceof Medium.Mcast mcast) {
                DatagramChannel channel = senderChannel();
                channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, requireInterface(mcast.iface()));
                channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, mcast.ttl());
                channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, mcast.loop());
                senders.add(new Sender(channel, new InetSocketAddress(mcast.group(), mcast.port())));
            }
        }
    }

    /** Sends from our own address when one is known, so receivers can check it. */
    private DatagramChannel senderChannel() throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.IP_TOS, 0x10);
        InetAddress own = ownAddresses.size() == 1 ? ownAddresses.iterator().next() : null;
        channel.bind(own == null ? null : new InetSocketAddress(own, 0));
        return channel;
    }

    private static NetworkInterface requireInterface(String name) throws IOException {
        NetworkInterface nif = NetworkInterface.getByName(name);
        if (nif == null) {
            throw new IOException("no network interface '" + name + "' on this machine (from a medium line in ha.cf); "
                    + "list them with 'ip link' and fix the line");
        }
        return nif;
    }

    private static InetAddress broadcastAddress(String iface) throws IOException {
        for (InterfaceAddress address : requireInterface(iface).getInterfaceAddresses()) {
            if (address.getBroadcast() != null) {
                return address.getBroadcast();
            }
        }
        throw new IOException("interface '" + iface + "' has no IPv4 broadcast address, so 'bcast " + iface
                + "' cannot send; give it one (ip addr add ... brd +) or use ucast/mcast");
    }

    private static Set<InetAddress> localAddresses() throws SocketException {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        for (NetworkInterface nif : NetworkInterface.networkInterfaces().toList()) {
            nif.inetAddresses().filter(Inet4Address.class::isInstance).forEach(addresses::add);
        }
        return addresses;
    }

    private static void closeQuietly(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", channel, e.toString());
        }
    }

    private final class Sender {
        final DatagramChannel channel;
        final InetSocketAddress target;

        Sender(DatagramChannel channel, InetSocketAddress target) {
            this.channel = channel;
            this.target = target;
        }

        void send(byte[] datagram) {
            try {
                channel.send(ByteBuffer.wrap(datagram), target);
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("cannot send to {}: {}", target, e.getMessage());
                }
            }
        }
    }

    private final class Receiver {
        final DatagramChannel channel;
        final String description;
        final String fixedLink;

        Receiver(DatagramChannel channel, String description, String fixedLink) {
            this.channel = channel;
            this.description = description;
            this.fixedLink = fixedLink;
        }

        void run(Consumer<Datagram> consumer) {
            ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
            while (!closed) {
                try {
                    buffer.clear();
                    InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
                    buffer.flip();
                    byte[] data = new byte[buffer.remaining()];
                    buffer.get(data);
                    String link = fixedLink != null ? fixedLink : linkResolver.linkOf(from.getAddress());
                    if (link != null) {
                        consumer.accept(new Datagram(data, from.getAddress(), link));
                    } else {
                        LOG.debug("datagram from {} on no configured medium: dropped", from);
                    }
                } catch (ClosedChannelException e) {
                    return;
                } catch (IOException e) {
                    if (!closed) {
                        LOG.warn("receive on {} failed: {}", description, e.getMessage());
                    }
                } catch (RuntimeException e) {
                    LOG.error("receive thread on {} failed: {}", description, e.toString(), e);
                }
            }
        }
    }

    /** Finds the link of a source address; see the class comment. */
    static final class LinkResolver {
        private final Map<InetAddress, String> ucastPeers = new LinkedHashMap<>();
        private final Map<String, List<InterfaceAddress>> subnets = new LinkedHashMap<>();

        LinkResolver(List<Medium> media) {
            for (Medium m : media) {
                if (m instanceof Medium.Ucast ucast) {
                    ucastPeers.putIfAbsent(ucast.peer(), ucast.iface());
                }
                try {
                    NetworkInterface nif = NetworkInterface.getByName(m.iface());
                    if (nif != null) {
                        subnets.putIfAbsent(m.iface(), nif.getInterfaceAddresses());
                    }
                } catch (SocketException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        String linkOf(InetAddress source) {
            String byPeer = ucastPeers.get(source);
            if (byPeer != null) {
                return byPeer;
            }
            for (Map.Entry<String, List<InterfaceAddress>> entry : subnets.entrySet()) {
                for (InterfaceAddress address : entry.getValue()) {
                    if (sameSubnet(address, source)) {
                        return entry.getKey();
                    }
                }
            }
            return null;
        }

        private static boolean sameSubnet(InterfaceAddress local, InetAddress source) {
            byte[] a = local.getAddress().getAddress();
            byte[] b = source.getAddress();
            if (a.length != b.length) {
                return false;
            }
            int bits = local.getNetworkPrefixLength();
            for (int i = 0; i < a.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((a[i] & mask) != (b[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
