import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jheartbeat.cib.diff.CibDiff;
import org.jheartbeat.cib.diff.CibPatch;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibTemplate;
import org.jheartbeat.cib.ops.CibOperations;
import org.jheartbeat.cib.schema.CibSchema;
import org.jheartbeat.cib.schema.SchemaError;
import org.jheartbeat.cib.service.CibStore;
import org.jheartbeat.cib.verify.AgentCatalog;
import org.jheartbeat.cib.verify.CibVerifier;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.common.time.SystemClock;
import org.w3c.dom.Element;

/**
 * The CIB size benchmark (issue 3): how long our CIB code takes on one large cib.xml, next to
 * Pacemaker's crm_verify and cibadmin on the same file, as one Markdown table. Run by
 * bench/cib/size.sh, which generates the file.
 *
 * usage: java -cp "jhb-dist/target/lib/*" bench/cib/CibSizeBench.java FILE RUNS WARMUPS TOOL_RUNS TOOL_WARMUPS
 *
 * In-process operations repeat RUNS times after WARMUPS untimed runs, and at least 3 s of them,
 * for the JIT; Pacemaker's tools, separate processes with nothing to warm but the page cache,
 * TOOL_RUNS times after TOOL_WARMUPS. A full GC before each run keeps one run's garbage out of the next.
 */
public class CibSizeBench {

    private static final String CRM_VERIFY = "/usr/sbin/crm_verify";
    private static final String CIBADMIN = "/usr/sbin/cibadmin";
    /**
     * Of our operations, one whose run (warm-up or not) takes longer than this is timed only
     * once, so that a slow one cannot hold the bench for many minutes.
     */
    private static final double TOO_SLOW_TO_REPEAT_MS = 20_000;
    /** Our operations warm up for at least this long, however many warm-up runs that takes. */
    private static final double MIN_WARMUP_MS = 3_000;

    interface Action {
        Object run() throws Exception;
    }

    record Row(String operation, double[] millis, String note) {
        String format() {
            if (millis.length == 0) {
                return "| " + operation + " | – | – | 0 | " + note + " |";
            }
            return String.format("| %s | %.1f | %.1f | %d | %s |", operation, sorted()[0], median(), millis.length, note);
        }

        /** The lower middle one for an even number of runs. */
        double median() {
            double[] sorted = sorted();
            return sorted.length == 0 ? Double.NaN : sorted[(sorted.length - 1) / 2];
        }

        private double[] sorted() {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            return sorted;
        }
    }

    private final int runs;
    private final int warmups;
    private final double minWarmupMillis;
    private final double tooSlowToRepeatMillis;
    private final List<Row> rows = new ArrayList<>();

    private CibSizeBench(int runs, int warmups, double minWarmupMillis, double tooSlowToRepeatMillis) {
        this.runs = runs;
        this.warmups = warmups;
        this.minWarmupMillis = minWarmupMillis;
        this.tooSlowToRepeatMillis = tooSlowToRepeatMillis;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: CibSizeBench FILE RUNS WARMUPS TOOL_RUNS TOOL_WARMUPS");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        int warmups = Integer.parseInt(args[2]);
        int toolRuns = Integer.parseInt(args[3]);
        int toolWarmups = Integer.parseInt(args[4]);

        long heapBefore = usedHeapAfterGc();
        CibDocument cib = CibXml.parse(file);
        long heapOfDocument = usedHeapAfterGc() - heapBefore;

        List<SchemaError> errors = CibSchema.validate(cib);
        if (!errors.isEmpty()) {
            System.err.println(file + " is not valid by our schema (" + errors.size() + " errors), first: "
                    + errors.get(0).describe());
            System.exit(1);
        }
        Element change = oneNvpairChange(cib);
        CibDocument changed = CibOperations.modify(cib, "resources", change, false);
        CibPatch patch = CibDiff.between(cib, changed);
        String patchXml = patch.toXml();

        CibSizeBench bench = new CibSizeBench(runs, warmups, MIN_WARMUP_MS, TOO_SLOW_TO_REPEAT_MS);
        bench.time("CibXml.parse(Path)", "", () -> CibXml.parse(file));
        bench.time("CibSchema.validate", "our XSD + structure rules", () -> CibSchema.validate(cib));
        bench.time("CibVerifier.verify", "crm_verify's checks of meaning, agents trusted",
                () -> CibVerifier.verify(cib, AgentCatalog.TRUSTING));
        Path directory = Files.createTempDirectory("jhb-cib-size");
        try {
            CibStore store = new CibStore(directory, SystemClock.INSTANCE);
            bench.time("CibStore.write", "serialize, digest, 2 fsync'd files, backup", () -> {
                store.write(cib);
                return null;
            });
            bench.time("CibStore.loadOrCreate", "read, digest check, parse",
                    () -> new CibStore(directory, SystemClock.INSTANCE).loadOrCreate(CibTemplate::empty));
        } finally {
            deleteTree(directory);
        }
        bench.time("CibOperations.modify (1 nvpair)", "copy, merge, schema check",
                () -> CibOperations.modify(cib, "resources", change, false));
        bench.time("CibDiff.between + toXml", patch.changes().size() + " changes: epoch, nvpair",
                () -> CibDiff.between(cib, changed).toXml());

        CibSizeBench tools = new CibSizeBench(toolRuns, toolWarmups, 0, Double.POSITIVE_INFINITY);
        tools.time("crm_verify -x FILE (Pacemaker)", "", () -> exec(Map.of(), CRM_VERIFY, "-x", file.toString()));
        tools.time("CIB_file=FILE cibadmin -Q (Pacemaker)", "", () -> exec(Map.of("CIB_file", file.toString()), CIBADMIN, "-Q"));

        System.out.println("| operation | min (ms) | median (ms) | runs | what it covers |");
        System.out.println("|---|---|---|---|---|");
        Stream.concat(bench.rows.stream(), tools.rows.stream()).map(Row::format).forEach(System.out::println);
        System.out.println();
        System.out.printf("parse + validate + write (medians): %.0f ms%n",
                bench.median("CibXml.parse(Path)") + bench.median("CibSchema.validate") + bench.median("CibStore.write"));
        System.out.printf("file: %,d bytes; heap held by the parsed document: %.1f MB; one-nvpair patch: %,d bytes%n",
                Files.size(file), heapOfDocument / 1048576.0, patchXml.getBytes(StandardCharsets.UTF_8).length);
        System.out.printf("JVM: %s, max heap %d MB, %d processors%n", Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Records a row; an action that fails ends its row with what went wrong and how long it ran.
     * Warm-up goes on past the given number of runs until it has lasted the minimum, so that
     * the JIT has compiled a short operation before it is timed.
     */
    private void time(String operation, String note, Action action) {
        List<Double> millis = new ArrayList<>();
        double warmedMillis = 0;
        for (int i = 0; millis.size() < runs; i++) {
            boolean warmingUp = i < warmups || warmedMillis < minWarmupMillis;
            usedHeapAfterGc();
            long start = System.nanoTime();
            try {
                action.run();
            } catch (Throwable e) {
                String failure = String.format("FAILED after %.0f ms: %s", (System.nanoTime() - start) / 1e6, e);
                rows.add(new Row(operation, toArray(millis), note.isEmpty() ? failure : note + "; " + failure));
                return;
            }
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (elapsed > tooSlowToRepeatMillis) {
                millis.add(elapsed);
                String once = "timed once: too slow to repeat";
                rows.add(new Row(operation, toArray(millis), note.isEmpty() ? once : note + "; " + once));
                return;
            }
            if (warmingUp) {
                warmedMillis += elapsed;
            } else {
                millis.add(elapsed);
            }
        }
        rows.add(new Row(operation, toArray(millis), note));
    }

    private double median(String operation) {
        return rows.stream().filter(r -> r.operation().equals(operation)).findFirst().orElseThrow().median();
    }

    /** Sets the value of the nvpair in the middle of the resources section: the smallest realistic cibadmin -M. */
    private static Element oneNvpairChange(CibDocument cib) throws Exception {
        List<Element> nvpairs = CibOperations.queryXpath(cib, "/cib/configuration/resources//nvpair");
        Element target = nvpairs.get(nvpairs.size() / 2);
        return CibXml.parseElement("<nvpair id=\"" + target.getAttribute("id") + "\" value=\"changed-by-bench\"/>", "bench");
    }

    private static Object exec(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] errors = process.getErrorStream().readAllBytes();
        int status = process.waitFor();
        if (status != 0) {
            throw new IOException(command[0] + " exited " + status + ": " + new String(errors, StandardCharsets.UTF_8).strip());
        }
        return null;
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
