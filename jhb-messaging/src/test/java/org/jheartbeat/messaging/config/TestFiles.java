package org.jheartbeat.messaging.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes configuration files for tests and finds the samples under src/test/resources/config. */
final class TestFiles {

    private TestFiles() {
    }

    static Path write(Path dir, String name, String... lines) {
        try {
            return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    static Path sample(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
