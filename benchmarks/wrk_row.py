"""One row of gateway-compare.sh's results from wrk's --latency output on stdin.

Arguments: round, connections, target, CPU clock ticks the target used during the run, clock ticks per second, RSS in kB.
Prints: round, connections, target, requests/s, p50 ms, p99 ms, max ms, timeouts, non-2xx, CPU ms per request, RSS MB.
"""
import re
import sys

UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * UNIT_MS[unit]


def main():
    round_, conns, target, ticks, hz, rss_kb = sys.argv[1:7]
    out = sys.stdin.read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    p50 = ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    latency_max = ms(re.search(r"^\s+Latency\s+\S+\s+\S+\s+(\S+)", out, re.M).group(1))
    timeouts = re.search(r"timeout (\d+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    cpu_ms = int(ticks) / int(hz) * 1000 / requests if requests else 0.0
    print("\t".join(str(v) for v in (
        round_, conns, target, rps, p50, p99, latency_max,
        int(timeouts.group(1)) if timeouts else 0, int(non_2xx.group(1)) if non_2xx else 0,
        round(cpu_ms, 3), round(int(rss_kb) / 1024))))


if __name__ == "__main__":
    main()
