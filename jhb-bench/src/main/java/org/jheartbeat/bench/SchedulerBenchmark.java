package org.jheartbeat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.policy.Scheduler;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.unpack.CibUnpacker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scheduler in-process, on CIB files that bench/policy/scheduler.sh generates and passes as
 * {@code -p cib=FILE,FILE...}: {@link #schedule} is the whole of {@link Scheduler#schedule} (unpack,
 * placement, actions and summary) on a document parsed once; {@link #unpack} is its first
 * phase alone, so placement and actions are the difference; {@link #parse} is the XML parse that
 * crm_simulate does before it (each node's operation history held compactly), for comparison
 * with the whole-process figures.
 *
 * <p>The time is fixed so that every run evaluates the same rules and failure timeouts. The
 * warm-up is long because at 10,000 primitives one operation takes seconds, and C2 goes on
 * compiling (on the machine's other core) well after the first few.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SchedulerBenchmark {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** The CIB file to schedule; scheduler.sh passes the generated ones. */
    @Param({""})
    public String cib;

    private Path file;
    private CibDocument document;

    @Setup
    public void read() throws IOException, CibParseException {
        if (cib.isEmpty()) {
            throw new IllegalArgumentException("no CIB file: pass -p cib=FILE[,FILE...] (bench/policy/gencib.py writes them)");
        }
        file = Path.of(cib);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("-p cib=" + cib + ": no readable file there");
        }
        document = CibXml.parseWithCompactHistory(file);
    }

    @Benchmark
    public Transition schedule() {
        return Scheduler.schedule(document, NOW);
    }

    @Benchmark
    public Cluster unpack() {
        return CibUnpacker.unpack(document, NOW);
    }

    @Benchmark
    public CibDocument parse() throws IOException, CibParseException {
        return CibXml.parseWithCompactHistory(file);
    }
}
