package org.jheartbeat.exec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The first bytes of an output file, decoded as UTF-8 (bad bytes replaced). */
record CappedOutput(String text, boolean truncated) {

    static CappedOutput read(Path file, int cap) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(cap);
            boolean more = in.read() >= 0;
            return new CappedOutput(new String(bytes, StandardCharsets.UTF_8), more);
        } catch (IOException e) {
            return new CappedOutput("", false);
        }
    }
}
