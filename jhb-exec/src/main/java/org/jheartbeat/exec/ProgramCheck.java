package org.jheartbeat.exec;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a program can be run at all, decided before a process is started for it. */
final class ProgramCheck {

    private ProgramCheck() {
    }

    /** Null when the program looks runnable. */
    static ExecStatus of(Path program) {
        if (!Files.exists(program) || Files.isDirectory(program)) {
            return ExecStatus.NOT_FOUND;
        }
        if (!Files.isRegularFile(program) || !Files.isExecutable(program)) {
            return ExecStatus.NOT_EXECUTABLE;
        }
        return null;
    }

    static String describe(ExecStatus status, Path program) {
        return status == ExecStatus.NOT_FOUND
                ? program + " does not exist (install the agent, or correct the resource's class, provider or type)"
                : program + " is not an executable file (chmod +x it, or correct the resource's type)";
    }
}
