package org.jheartbeat.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Writes ha.cf and authkeys for the nodes of a test cluster. */
final class ClusterFiles {

    private ClusterFiles() {
    }

    static void write(NodeProcess node, List<String> haCfLines, String secret) throws IOException {
        Files.createDirectories(node.configDir());
        StringBuilder haCf = new StringBuilder();
        haCf.append("logfacility none\n");
        haCf.append("logfile ").append(node.logFile()).append('\n');
        haCf.append("debugfile ").append(node.dir.resolve("ha-debug")).append('\n');
        haCfLines.forEach(line -> haCf.append(line).append('\n'));
        Files.writeString(node.configDir().resolve("ha.cf"), haCf);
        Path authkeys = node.configDir().resolve("authkeys");
        Files.writeString(authkeys, "auth 1\n1 sha1 " + secret + "\n");
        Files.setPosixFilePermissions(authkeys, PosixFilePermissions.fromString("rw-------"));
    }
}
