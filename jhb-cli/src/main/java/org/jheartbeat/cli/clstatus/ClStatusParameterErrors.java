package org.jheartbeat.cli.clstatus;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Command-line mistakes reported the way Heartbeat's cl_status reports them, exit status 11. */
final class ClStatusParameterErrors implements IParameterExceptionHandler {

    private final ClStatusMain main;

    ClStatusParameterErrors(ClStatusMain main) {
        this.main = main;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine where = e.getCommandLine();
        Object command = where.getCommand();
        if (e instanceof MissingParameterException && command instanceof ClStatusCommand subCommand) {
            subCommand.reportMissingParameters();
        } else if (e instanceof UnmatchedArgumentException unmatched && command == main
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            main.log().error(unmatched.getUnmatched().get(0) + ": invalid sub-command.");
        } else {
            where.getErr().println(where.getCommandName() + ": " + e.getMessage());
            where.getErr().println("Try 'cl_status --help'.");
            where.getErr().flush();
        }
        return ExitCodes.USAGE;
    }
}
