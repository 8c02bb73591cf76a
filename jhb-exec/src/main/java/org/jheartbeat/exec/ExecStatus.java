package org.jheartbeat.exec;

/** How a run ended, apart from what the program itself said in its exit code. */
public enum ExecStatus {
    /** The program ran and exited; its exit code is the result. */
    EXITED,
    /** The deadline passed; the whole process group was killed. */
    TIMED_OUT,
    /** The program does not exist (or is a directory). */
    NOT_FOUND,
    /** The program exists but may not be executed. */
    NOT_EXECUTABLE,
    /** The operating system could not start it for another reason. */
    FAILED_TO_START
}
