package org.jheartbeat.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark's JVM per operation, GC and JIT threads included:
 * {@code -prof org.jheartbeat.bench.ProcessCpuProfiler}. On a machine shared with other work the
 * wall-clock time per operation grows with the load (on 2 cores a load of 6 triples it); the CPU
 * time the process spent does not, or far less, so it shows how cost grows with size when the
 * wall-clock figures are too noisy to.
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long startNanos;

    @Override
    public String getDescription() {
        return "CPU time of the whole JVM (all threads) per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startNanos = os.getProcessCpuTime();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                 IterationResult result) {
        long ops = result.getMetadata().getMeasuredOps();
        double millis = (os.getProcessCpuTime() - startNanos) / 1e6;
        return List.of(new ScalarResult("cpu.time.norm", ops == 0 ? Double.NaN : millis / ops, "ms/op",
                AggregationPolicy.AVG));
    }
}
