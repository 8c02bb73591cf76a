package org.jheartbeat.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Test hosts in network namespaces joined by bridges, created by the test and removed after it:
 * every address lives inside these namespaces. Names carry a random suffix so runs never collide.
 * Needs root and iproute2.
 */
final class Netns implements AutoCloseable {

    private final String suffix = HexFormat.of().toHexDigits((short) new Random().nextInt());
    private final String prefix;
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> links = new ArrayList<>();

    Netns() {
        this("");
    }

    /** Every namespace, bridge and link name starts with the prefix (a test's share of the machine's names). */
    Netns(String prefix) {
        this.prefix = prefix;
    }

    static boolean available() {
        try {
            return new ProcessBuilder("id", "-u").start().inputReader().readLine().trim().equals("0")
                    && new ProcessBuilder("ip", "netns", "list").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    String bridge(int index) throws IOException {
        String name = prefix + "jbr" + index + suffix;
        run("ip", "link", "add", name, "type", "bridge", "forward_delay", "0", "stp_state", "0");
        run("ip", "link", "set", name, "up");
        links.add(name);
        return name;
    }

    String namespace(int index) throws IOException {
        String name = prefix + "jhb" + index + suffix;
        run("ip", "netns", "add", name);
        namespaces.add(name);
        run("ip", "-n", name, "link", "set", "lo", "up");
        return name;
    }

    /** Plugs the namespace into the bridge as {@code iface} with the address (a.b.c.d/len); returns the host-side port. */
    String plug(String namespace, String bridge, String iface, String address) throws IOException {
        String host = prefix + "v" + namespaces.indexOf(namespace) + iface.charAt(iface.length() - 1) + suffix;
        String peer = prefix + "p" + namespaces.indexOf(namespace) + iface.charAt(iface.length() - 1) + suffix;
        run("ip", "link", "add", host, "type", "veth", "peer", "name", peer);
        links.add(host);
        run("ip", "link", "set", peer, "netns", namespace);
        run("ip", "-n", namespace, "link", "set", peer, "name", iface);
        run("ip", "-n", namespace, "addr", "add", address, "brd", "+", "dev", iface);
        run("ip", "-n", namespace, "link", "set", iface, "up");
        run("ip", "link", "set", host, "master", bridge, "up");
        return host;
    }

    void linkDown(String hostPort) throws IOException {
        run("ip", "link", "set", hostPort, "down");
    }

    void linkUp(String hostPort) throws IOException {
        run("ip", "link", "set", hostPort, "up");
    }

    static List<String> exec(String namespace) {
        return List.of("ip", "netns", "exec", namespace);
    }

    static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        return output;
    }

    @Override
    public void close() {
        for (String link : links) {
            quietly("ip", "link", "del", link);
        }
        for (String namespace : namespaces) {
            quietly("ip", "netns", "del", namespace);
        }
    }

    private static void quietly(String... command) {
        try {
            new ProcessBuilder(command).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
