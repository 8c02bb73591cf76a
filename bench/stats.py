"""Prints one table row of latency figures: min / median / p95 / max of the numbers in a file.

usage: stats.py FILE BOUND LABEL...   (labels are the first cells of the row)
       stats.py --side-by-side LABEL FILE...   one cell "min / median / p95 / max" per file

BOUND: the "within" column counts the values of at most BOUND seconds ("-": no such column). Lines that are not
numbers (e.g. "timeout") count as misses. p95 is the nearest-rank percentile (with 20 runs:
the 19th smallest).
"""
import math
import statistics
import sys


def read(path):
    """The numbers in the file, sorted, and how many lines were not numbers."""
    values, misses = [], 0
    with open(path) as f:
        for line in f:
            try:
                values.append(float(line))
            except ValueError:
                misses += 1
    return sorted(values), misses


def figures(values):
    """min, median, p95, max as text; dashes when there are none."""
    if not values:
        return ["-"] * 4
    p95 = values[math.ceil(0.95 * len(values)) - 1]
    return [f"{v:.3f}" for v in (values[0], statistics.median(values), p95, values[-1])]


def main():
    if sys.argv[1] == "--side-by-side":
        cells = [sys.argv[2]]
        for path in sys.argv[3:]:
            values, misses = read(path)
            cells.append(" / ".join(figures(values)) + (f" ({misses} missed)" if misses else ""))
        print("| " + " | ".join(cells) + " |")
        return
    path, bound, labels = sys.argv[1], sys.argv[2], sys.argv[3:]
    values, misses = read(path)
    counts = [str(len(values)), str(misses)]
    if bound != "-":
        within = sum(1 for v in values if v <= float(bound))
        counts.append(f"{within}/{len(values) + misses}")
    print("| " + " | ".join(labels + counts + figures(values)) + " |")


if __name__ == "__main__":
    main()
