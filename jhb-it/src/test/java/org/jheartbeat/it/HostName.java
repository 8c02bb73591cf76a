package org.jheartbeat.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's node name as the daemon takes it by default (uname -n). */
final class HostName {

    private HostName() {
    }

    static String local() throws IOException {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
    }
}
