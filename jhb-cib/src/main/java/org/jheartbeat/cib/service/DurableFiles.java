package org.jheartbeat.cib.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * File writes that survive a crash: the bytes go to a temporary file beside the target, are
 * forced to disk, and only then renamed over the target, so a reader sees the old content or
 * the new one, never half of it. The directory is forced too, or the rename itself could be lost.
 */
final class DurableFiles {

    /** The CIB holds passwords of fencing devices: only the owner reads it. */
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private DurableFiles() {
    }

    /** Writes {@code temp} (0600) and forces it to disk; the target is untouched. */
    static void writeForced(Path temp, byte[] content) throws IOException {
        Files.deleteIfExists(temp);
        try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Renames {@code temp} over {@code target} in one step and forces the directory. */
    static void commit(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(target.getParent());
    }

    static void replace(Path target, byte[] content) throws IOException {
        Path temp = pending(target);
        writeForced(temp, content);
        commit(temp, target);
    }

    /** Where the next content of {@code target} waits until it is complete on disk. */
    static Path pending(Path target) {
        return target.resolveSibling(target.getFileName() + ".new");
    }

    static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
