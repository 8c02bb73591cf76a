#!/usr/bin/env python3
"""Prints the Markdown tables of bench/policy/scheduler.sh.

usage: report.py processes RESULTS.tsv FILES.tsv
       report.py jmh JMH.csv FILES.tsv

FILES.tsv: one generated CIB a line: path, primitives, variant.
RESULTS.tsv: one whole-process run a line: implementation (ours|ours-S|pacemaker), primitives,
variant, run, seconds ("skipped"/"missing" when not run), maximum RSS in KiB, user and system CPU
seconds, exit status, output file.
The median of a file's successful runs counts. "summary" compares the Transition Summary lines
of the two implementations' last outputs, with runs of spaces made one (the column widths are
not compared).
JMH.csv: JMH's CSV result file (-rf csv, with -prof gc for the allocation rows and -prof
org.jheartbeat.bench.ProcessCpuProfiler for the CPU time of the whole JVM per operation).
"""
import csv
import math
import statistics
import sys


def read_files(path):
    """path -> (primitives, variant), in generation order."""
    files = {}
    with open(path) as f:
        for line in f:
            name, n, variant = line.rstrip("\n").split("\t")
            files[name] = (int(n), variant)
    return files


def summary_lines(out_path):
    lines, inside = [], False
    try:
        with open(out_path, errors="replace") as f:
            for line in f:
                if line.startswith("Transition Summary:"):
                    inside = True
                elif inside and line.strip():
                    if not line.startswith(" "):
                        break
                    lines.append(" ".join(line.split()))
    except OSError:
        return None
    return lines if inside else None


class Runs:
    """The runs of one implementation on one file."""

    def __init__(self):
        self.seconds, self.cpu, self.kib, self.failures, self.output, self.note = [], [], [], [], None, None

    def add(self, seconds, kib, user, system, rc, output):
        if seconds in ("skipped", "missing"):
            self.note = seconds
            return
        if rc != "0":
            self.failures.append(rc)
            return
        self.seconds.append(float(seconds))
        self.cpu.append(float(user) + float(system))
        self.kib.append(int(kib))
        self.output = output

    def time(self):
        return statistics.median(self.seconds) if self.seconds else None

    def cpu_time(self):
        return statistics.median(self.cpu) if self.cpu else None

    def mib(self):
        return statistics.median(self.kib) / 1024 if self.kib else None

    def cells(self):
        if self.seconds:
            return [f"{self.time():.2f}", f"{self.cpu_time():.2f}", f"{self.mib():.0f}"]
        if self.failures:
            return [f"failed (exit {self.failures[0]})", "–", "–"]
        return [self.note or "–", "–", "–"]


def processes(results_path, files_path):
    files = read_files(files_path)
    runs = {}
    with open(results_path) as f:
        for line in f:
            impl, n, variant, _, seconds, kib, user, system, rc, output = line.rstrip("\n").split("\t")
            runs.setdefault((int(n), variant), {"ours": Runs(), "ours-S": Runs(), "pacemaker": Runs()})[impl].add(
                seconds, kib, user, system, rc, output)
    print("| primitives | variant | Pacemaker s | Pacemaker CPU s | Pacemaker MiB | ours s | ours CPU s | ours MiB |"
          " ours -S s | ours -S CPU s | ours -S MiB | time ratio | memory ratio | summaries |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for key in dict.fromkeys(files.values()):
        pcmk, ours, simulated = runs[key]["pacemaker"], runs[key]["ours"], runs[key]["ours-S"]
        ratio = mem_ratio = agree = "–"
        if pcmk.time() is not None and ours.time() is not None:
            ratio = f"{pcmk.time() / ours.time():.1f}×"
            mem_ratio = f"{pcmk.mib() / ours.mib():.1f}×"
            theirs, mine = summary_lines(pcmk.output), summary_lines(ours.output)
            if theirs is None or mine is None:
                agree = "no summary in " + ("Pacemaker's" if theirs is None else "our") + " output"
            elif theirs == mine:
                agree = f"same ({len(mine)} lines)"
            else:
                agree = f"differ ({len(theirs)} vs {len(mine)} lines)"
        print(f"| {key[0]:,} | {key[1]} | " + " | ".join(pcmk.cells() + ours.cells() + simulated.cells())
              + f" | {ratio} | {mem_ratio} | {agree} |")
    print()
    print("Ratios are Pacemaker's over ours (above 1: ours is faster or smaller). Times and memory are "
          "whole processes: JVM start, XML parse, scheduling and printing for ours; s is elapsed time, "
          "CPU s user + system time of all the process's threads (medians). ours -S also carries the "
          "transition out and prints the revised status (Pacemaker's -S is not run: it takes minutes).")


def jmh(csv_path, files_path):
    files = read_files(files_path)
    scores = {}  # (file, measure) -> (score, error)
    with open(csv_path) as f:
        for row in csv.DictReader(f):
            # "org.jheartbeat.bench.SchedulerBenchmark.schedule:gc.alloc.rate.norm" -> "schedule:gc.alloc.rate.norm"
            method, colon, secondary = row["Benchmark"].partition(":")
            measure = method.rsplit(".", 1)[-1] + colon + secondary
            error = row["Score Error (99.9%)"]
            scores[(row["Param: cib"], measure)] = (float(row["Score"]), float(error) if error not in ("", "NaN") else None)

    def cell(file, measure, scale=1.0, digits=1):
        if (file, measure) not in scores:
            return "–"
        score, error = scores[(file, measure)]
        text = f"{score * scale:.{digits}f}"
        return text + (f" ± {error * scale:.{digits}f}" if error is not None else "")

    print("| primitives | variant | parse ms | unpack ms | schedule ms | schedule CPU ms | schedule allocates MiB"
          " | schedule µs per primitive |")
    print("|---|---|---|---|---|---|---|---|")
    for file, (n, variant) in files.items():
        per = scores.get((file, "schedule"), (None, None))[0]
        print(f"| {n:,} | {variant} | {cell(file, 'parse')} | {cell(file, 'unpack')} | {cell(file, 'schedule')} | "
              f"{cell(file, 'schedule:cpu.time.norm')} | {cell(file, 'schedule:gc.alloc.rate.norm', 1 / 1048576, 0)} | "
              + (f"{per * 1000 / n:.1f}" if per is not None else "–") + " |")
    print()
    print("schedule = Scheduler.schedule on the parsed document (unpack + placement + actions + summary);"
          " parse = CibXml.parseWithCompactHistory of the file, which crm_simulate does first. Mean of the measured iterations"
          " ± JMH's 99.9 % interval; CPU is that of the whole JVM (GC and JIT threads too) per operation,"
          " which the load of other processes changes far less than the time.")
    scaling([(n, scores[(f, "schedule")][0], scores.get((f, "schedule:cpu.time.norm"), (None,))[0],
              scores.get((f, "schedule:gc.alloc.rate.norm"), (None,))[0])
             for f, (n, v) in files.items() if v == "running" and (f, "schedule") in scores])


def scaling(points):
    """How time, CPU and allocation grow from the smallest running cluster on, against n and n·log n."""
    points.sort()
    if len(points) < 2:
        return
    print()
    print("Growth of schedule (running clusters), from the smallest:")
    print()
    print("| primitives | ms | × time | k (time) | × CPU | k (CPU) | × allocated | k (allocated) | × n | × n·log n |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    n0, t0, c0, a0 = points[0]

    def exponent(value, value0, n):
        """k in value ∝ n^k between the smallest cluster and this one."""
        return f"{math.log(value / value0) / math.log(n / n0):.2f}" if n != n0 and value and value0 else "–"

    def growth(value, value0):
        return f"{value / value0:.2f}" if value and value0 else "–"

    for n, t, c, a in points:
        print(f"| {n:,} | {t:.1f} | {growth(t, t0)} | {exponent(t, t0, n)} | {growth(c, c0)} | {exponent(c, c0, n)} | "
              f"{growth(a, a0)} | {exponent(a, a0, n)} | "
              f"{n / n0:.2f} | {n * math.log2(n) / (n0 * math.log2(n0)):.2f} |")
    print()
    print("No worse than n·log n: \"× time\" at most \"× n·log n\"; k is the exponent of a power law"
          " through the two points (1 for linear; n·log n itself gives about 1.1 over these sizes)."
          " Allocation does not depend on the machine's load; CPU depends on it less than time.")


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("processes", "jmh"):
        sys.exit("usage: report.py processes RESULTS.tsv FILES.tsv | report.py jmh JMH.csv FILES.tsv")
    (processes if sys.argv[1] == "processes" else jmh)(sys.argv[2], sys.argv[3])


if __name__ == "__main__":
    main()
