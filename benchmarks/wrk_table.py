"""The table of gateway-compare.sh and gateway-ab.sh: the median over rounds of each target at each connection count.

"added p50" is the target's median latency on one connection minus the stub's own (what the hop costs); "—" when the
stub was not measured. Targets are listed stub, floor, portkey, llmadmin, then any others in the order they were run.
"""
import statistics
import sys
from collections import defaultdict

ORDER = ["stub", "floor", "portkey", "llmadmin"]


def main():
    cells = defaultdict(list)
    for line in open(sys.argv[1]):
        round_, conns, target, *values = line.rstrip("\n").split("\t")
        cells[(target, int(conns))].append([float(v) for v in values])
    med = {key: [statistics.median(column) for column in zip(*rows)] for key, rows in cells.items()}
    conns = sorted({c for _, c in med})
    seen = list(dict.fromkeys(key[0] for key in cells))
    targets = [t for t in ORDER if t in seen] + [t for t in seen if t not in ORDER]
    stub_p50 = med.get(("stub", 1), [0, 0])[1] if ("stub", 1) in med else None
    header = ["target"]
    for c in conns:
        header += [f"{c} conn req/s", f"{c} conn p50 / p99 / max ms"]
    header += ["added p50 (1 conn)", "CPU ms/request", "RSS MB", "timeouts", "non-2xx"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for t in targets:
        row = [t]
        for c in conns:
            rps, p50, p99, mx, *_ = med.get((t, c), [0] * 8)
            row += [f"{rps:,.0f}", f"{p50:.2f} / {p99:.2f} / {mx:.0f}"]
        one = med.get((t, 1) if (t, 1) in med else (t, conns[0]))
        worst = [med[(t, c)] for c in conns if (t, c) in med]
        row += [f"+{one[1] - stub_p50:.2f} ms" if t != "stub" and stub_p50 is not None else "—",
                f"{statistics.median(w[6] for w in worst):.2f}",
                f"{max(w[7] for w in worst):.0f}",
                f"{sum(w[4] for w in worst):.0f}", f"{sum(w[5] for w in worst):.0f}"]
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
