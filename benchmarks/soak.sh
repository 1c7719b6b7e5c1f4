#!/usr/bin/env bash
# Soak: MINUTES of wrk against /openai/v1/chat/completions of a running llm-admin (gateway key, usage recorded,
# against an nginx provider stub), in SAMPLE_SECONDS slices; after each slice the server's RSS, live heap (heap in use
# right after a full GC that this script asks for with `jcmd GC.run`: the leak signal), committed heap, metaspace and
# thread count are sampled. Writes every slice to a CSV and prints a Markdown table of every EVERY-th slice.
#
# Usage: LLMADMIN_ADMIN_PASSWORD=... benchmarks/soak.sh [base-url] [csv-file]
#   defaults: http://localhost:9080, soak-<time>.csv in the current directory. MINUTES (30), SAMPLE_SECONDS (30),
#   CONNECTIONS (16), STUB_PORT (18081), EVERY (2). Needs wrk, nginx, python3, curl, and the JDK's jcmd and jstat on
#   the server's machine (run as the server's user).
#   The forced full GC every slice costs the server a pause per slice (visible in that slice's max latency).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/llmadmin-bench.sh"
base=${1:-http://localhost:9080}
csv=${2:-soak-$(date +%Y%m%dT%H%M%S).csv}
minutes=${MINUTES:-30}
slice=${SAMPLE_SECONDS:-30}
connections=${CONNECTIONS:-16}
stub_port=${STUB_PORT:-18081}
every=${EVERY:-2}
admin_password=${LLMADMIN_ADMIN_PASSWORD:?set LLMADMIN_ADMIN_PASSWORD to the server\'s admin password}
work=$(mktemp -d)
stub=
cleanup() { [ -z "$stub" ] || kill "$stub" 2>/dev/null || true; }
trap cleanup EXIT

bench_chat_setup "$base" "$admin_password" "$stub_port" "$work"
stub=$BENCH_STUB_PID
pid=$(bench_port_pid "${base##*:}")

mb() { echo $(( $1 / 1024 )); }
echo "minute,requests_per_s,p50_ms,p99_ms,max_ms,timeouts,non_2xx,rss_mb,live_heap_mb,committed_heap_mb,metaspace_mb,threads,load1" >"$csv"
slices=$(( minutes * 60 / slice ))
for i in $(seq 1 "$slices"); do
  out=$(wrk --latency -t2 -c"$connections" -d"${slice}s" --timeout 5s -s "$work/chat.lua" "$base/openai/v1/chat/completions")
  row=$(echo "$out" | python3 "$here/wrk_row.py" "$i" "$connections" soak 0 100 0 | cut -f4-9 | tr '\t' ',')
  jcmd "$pid" GC.run >/dev/null
  heap=$(jcmd "$pid" GC.heap_info)
  used_kb=$(grep -o 'used [0-9]*K' <<<"$heap" | head -n 1 | tr -dc 0-9)
  total_kb=$(grep -o 'total [0-9]*K' <<<"$heap" | head -n 1 | tr -dc 0-9)
  meta_kb=$(grep -o 'Metaspace *used [0-9]*K' <<<"$heap" | tr -dc 0-9)
  echo "$(echo "$i * $slice / 60" | bc -l | xargs printf '%.1f'),$row,$(mb "$(bench_rss_kb "$pid")"),$(mb "$used_kb"),$(mb "$total_kb"),$(mb "$meta_kb"),$(ls "/proc/$pid/task" | wc -l),$(cut -d' ' -f1 /proc/loadavg)" >>"$csv"
done
python3 - "$csv" "$every" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
every = int(sys.argv[2])
cols = ["minute", "requests_per_s", "p99_ms", "max_ms", "timeouts", "rss_mb", "live_heap_mb", "committed_heap_mb",
        "metaspace_mb", "threads", "load1"]
print("| " + " | ".join(cols) + " |")
print("|" + "---|" * len(cols))
for i, r in enumerate(rows):
    if (i + 1) % every == 0 or i == 0 or i == len(rows) - 1:
        print("| " + " | ".join(r[c] for c in cols) + " |")
PY
