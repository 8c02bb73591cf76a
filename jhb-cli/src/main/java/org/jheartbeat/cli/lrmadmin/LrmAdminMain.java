package org.jheartbeat.cli.lrmadmin;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.jheartbeat.cli.LocationOptions;
import org.jheartbeat.cli.ToolLog;
import org.jheartbeat.client.ipc.IpcClient;
import org.jheartbeat.client.ipc.IpcException;
import org.jheartbeat.common.time.Clock;
import org.jheartbeat.common.time.SystemClock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lrmadmin}: drives this node's local resource manager by hand, as Heartbeat's tool of
 * the same name did: add a resource, run an operation on it, list resources and their history.
 */
@Command(name = "lrmadmin", usageHelpAutoWidth = true,
        description = "Drive the local resource manager of this node by hand.",
        footer = {"", "Parameters are NAME=VALUE words; times are in milliseconds.",
                "Exit status: 0 done; for -E the agent's OCF code (0 ok, 7 not running, ...);",
                "1 refused or failed, or heartbeat unreachable; 2 bad command line."})
public final class LrmAdminMain implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LocationOptions locations;

    @Option(names = {"-A", "--add"}, arity = "4..*", paramLabel = "ARG",
            description = "<rscid> <class> <type> <provider|NULL> [NAME=VALUE...]: add a resource, or change its parameters.")
    List<String> add;

    @Option(names = {"-D", "--delete"}, paramLabel = "RSCID", description = "Forget a resource and its history.")
    String delete;

    @Option(names = {"-E", "--execute"}, arity = "5..*", paramLabel = "ARG",
            description = "<rscid> <operation> <timeout> <interval> <target_rc|EVERYTIME|CHANGED> [NAME=VALUE...]: "
                    + "run an operation and show its (first) result; an interval above 0 keeps it recurring.")
    List<String> execute;

    @Option(names = {"-K", "--cancel"}, arity = "3", paramLabel = "ARG",
            description = "<rscid> <operation> <interval>: stop a recurring operation.")
    List<String> cancel;

    @Option(names = {"-L", "--listall"}, description = "List the resources.")
    boolean listAll;

    @Option(names = {"-I", "--information"}, paramLabel = "RSCID",
            description = "Show a resource and the history of its operations.")
    String information;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final Clock clock;

    public LrmAdminMain() {
        this(SystemClock.INSTANCE);
    }

    public LrmAdminMain(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new LrmAdminMain());
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ToolLog log = new ToolLog("lrmadmin", spec.commandLine().getErr(), clock);
        int chosen = count(add != null, delete != null, execute != null, cancel != null, listAll, information != null);
        if (chosen != 1) {
            log.error("Bad usage: give exactly one of -A, -D, -E, -K, -L, -I (see lrmadmin --help).");
            return 2;
        }
        IpcClient client = new IpcClient(locations.resolve(locations).socket(), LrmCommands.TIMEOUT, clock);
        LrmCommands commands = new LrmCommands(client, out);
        try {
            if (add != null) {
                return commands.add(add);
            }
            if (delete != null) {
                return commands.delete(delete);
            }
            if (execute != null) {
                return commands.execute(execute);
            }
            if (cancel != null) {
                return commands.cancel(cancel);
            }
            if (listAll) {
                return commands.list();
            }
            return commands.information(information);
        } catch (IllegalArgumentException e) {
            log.error(e.getMessage());
            return 2;
        } catch (IpcException e) {
            log.error(e.getMessage());
            return 1;
        }
    }

    private static int count(boolean... given) {
        int n = 0;
        for (boolean g : given) {
            n += g ? 1 : 0;
        }
        return n;
    }
}
