package org.jheartbeat.daemon.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * {@code hb_uuid}: the node's 16-byte UUID, sent as {@code srcuuid}. {@code uuidfrom file}
 * (the default) keeps a random one in the state directory; {@code uuidfrom nodename} derives it
 * from the node name so it survives a wiped state directory.
 */
public final class NodeUuidFile {

    private final Path file;

    public NodeUuidFile(Path stateDir) {
        this.file = stateDir.resolve("hb_uuid");
    }

    public byte[] loadOrCreate() throws IOException {
        if (Files.exists(file)) {
            byte[] uuid = Files.readAllBytes(file);
            if (uuid.length != 16) {
                throw new IOException(file + " holds " + uuid.length + " bytes, not a 16-byte node UUID; "
                        + "remove it to get a new UUID (peers will see this node as new)");
            }
            return uuid;
        }
        byte[] uuid = new byte[16];
        new SecureRandom().nextBytes(uuid);
        AtomicFiles.write(file, uuid);
        return uuid;
    }

    public static byte[] fromNodeName(String nodeName) {
        UUID uuid = UUID.nameUUIDFromBytes(nodeName.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }
}
