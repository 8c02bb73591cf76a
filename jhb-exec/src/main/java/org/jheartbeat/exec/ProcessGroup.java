package org.jheartbeat.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The processes of a process group, read from /proc (field 5 of /proc/PID/stat is the group). */
final class ProcessGroup {

    private static final Path PROC = Path.of("/proc");

    private ProcessGroup() {
    }

    static List<ProcessHandle> members(long groupId) {
        List<ProcessHandle> members = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .forEach(pid -> {
                        if (groupOf(pid) == groupId) {
                            ProcessHandle.of(Long.parseLong(pid)).ifPresent(members::add);
                        }
                    });
        } catch (IOException e) {
            return members;
        }
        return members;
    }

    /** The process's group, or -1 when it is gone or unreadable. */
    private static long groupOf(String pid) {
        try {
            String stat = Files.readString(PROC.resolve(pid).resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[2]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
