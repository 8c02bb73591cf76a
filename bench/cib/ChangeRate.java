import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.client.ipc.IpcClient;
import org.jheartbeat.client.ipc.IpcMessages;

/**
 * Sends N small cibadmin -M changes (one nvpair value each) to one node's daemon, one after
 * another, each answered once a majority holds it, and prints changes per second and latency.
 * Usage: java -cp "jhb-dist/target/lib/*" bench/cib/ChangeRate.java SOCKET N LABEL
 */
public class ChangeRate {
    public static void main(String[] args) throws Exception {
        IpcClient client = new IpcClient(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        String label = args[2];
        call(client, new CibRequest(CibRequest.Operation.CREATE, "crm_config", null,
                "<cluster_property_set id=\"bench-" + label + "\"><nvpair id=\"bench-" + label
                + "-v\" name=\"bench-" + label + "\" value=\"0\"/></cluster_property_set>", false, false));
        List<Long> micros = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 1; i <= count; i++) {
            long t0 = System.nanoTime();
            call(client, new CibRequest(CibRequest.Operation.MODIFY, null, null,
                    "<nvpair id=\"bench-" + label + "-v\" value=\"" + i + "\"/>", false, false));
            micros.add((System.nanoTime() - t0) / 1000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Collections.sort(micros);
        System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", label, count, count / seconds,
                micros.get(micros.size() / 2) / 1000.0, micros.get((int) (micros.size() * 0.95)) / 1000.0,
                micros.get(micros.size() - 1) / 1000.0);
    }

    private static void call(IpcClient client, CibRequest request) throws Exception {
        JsonNode answer = client.call(IpcMessages.CIB, IpcMessages.MAPPER.valueToTree(request));
        if (answer.has("failure")) {
            throw new IllegalStateException("change refused: " + answer.get("failure"));
        }
    }
}
