import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jheartbeat.client.ipc.IpcClient;
import org.jheartbeat.client.ipc.IpcMessages;

/**
 * Drives a running daemon's LRM for bench/lrm/monitors.sh: adds N Dummies, starts them, sets
 * a 1 s monitor on each, lets them run, and prints the table.
 */
public class MonitorLoad {

    private static final long TICKS = 100;

    public static void main(String[] args) throws Exception {
        IpcClient client = new IpcClient(Path.of(args[0]), Duration.ofMinutes(2), org.jheartbeat.common.time.SystemClock.INSTANCE);
        long pid = Long.parseLong(args[1]);
        int n = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        for (int i = 0; i < n; i++) {
            String id = "d" + i;
            call(client, body("add").put("id", id).put("agent", "ocf:heartbeat:Dummy"));
            expect(call(client, op(id, "start", 0)), id + " start");
        }
        for (int i = 0; i < n; i++) {
            expect(call(client, op("d" + i, "monitor", 1000)), "d" + i + " monitor");
        }
        Thread.sleep(10_000);
        call(client, body("statistics").put("reset", true));
        long[] before = cpu(pid);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long[] after = cpu(pid);
        double elapsed = (System.nanoTime() - start) / 1e9;
        JsonNode stats = call(client, body("statistics"));
        JsonNode late = stats.path("recurringLateness");
        double daemonCpu = (after[0] - before[0]) / (double) TICKS;
        double agentsCpu = (after[1] - before[1]) / (double) TICKS;
        System.out.println();
        System.out.printf("LRM under load: %d ocf:heartbeat:Dummy, monitor every 1 s, %d s measured after 10 s%n%n", n, seconds);
        System.out.println("| resources | seconds | operations | operations/s | daemon CPU (s) | daemon CPU (% of a core) "
                + "| agents' CPU (s) | monitor lateness p50 (ms) | p99 (ms) | max (ms) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        long ops = stats.path("operationsFinished").asLong();
        System.out.printf("| %d | %.1f | %d | %.1f | %.2f | %.1f | %.2f | %.1f | %.1f | %.1f |%n", n, elapsed, ops, ops / elapsed,
                daemonCpu, 100 * daemonCpu / elapsed, agentsCpu, late.path("p50Nanos").asLong() / 1e6,
                late.path("p99Nanos").asLong() / 1e6, late.path("maxNanos").asLong() / 1e6);
        for (int i = 0; i < n; i++) {
            call(client, op("d" + i, "stop", 0));
        }
    }

    /** utime+stime of the daemon itself, and the CPU of its reaped children (the agents), in clock ticks. */
    private static long[] cpu(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[13]) + Long.parseLong(f[14])};
    }

    private static ObjectNode body(String action) {
        return IpcMessages.MAPPER.createObjectNode().put("action", action);
    }

    private static ObjectNode op(String id, String operation, long interval) {
        return body("execute").put("id", id).put("operation", operation).put("interval", interval).put("timeout", 20000);
    }

    private static JsonNode call(IpcClient client, ObjectNode body) throws Exception {
        return client.call(IpcMessages.LRM, body);
    }

    private static void expect(JsonNode result, String what) {
        if (result.path("rc").asInt() != 0) {
            throw new IllegalStateException(what + " gave rc " + result.path("rc").asInt() + ": " + result);
        }
    }
}
