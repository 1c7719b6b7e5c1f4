#!/usr/bin/env bash
# Streaming: the time to first token llm-admin's /openai/v1/chat/completions adds over the provider's own (issue
# "fast and lean" asks for <= 1 ms). A provider stub that streams (stream_ttfb.py: a role chunk and the first word at
# once, four more words 20 ms apart, usage, [DONE]) is called directly and through the gateway (a gateway key, a model
# on the stub, usage recorded), CALLS sequential streams on one kept-alive connection each, the two interleaved in
# ROUNDS blocks. Time to first token is from sending the request to the first event carrying content (not to the
# headers, which a gateway may send before the provider answers); the added figure is gateway minus direct.
#
# Usage: LLMADMIN_ADMIN_PASSWORD=... benchmarks/stream-ttfb.sh [base-url]
#   base-url defaults to http://localhost:9080 (`./mvnw -DskipTests liberty:run`). CALLS (default 200 per block),
#   ROUNDS (default 3), STUB_PORT (default 18091). Needs python3, curl. Leaves its bench-<time> credential, model and
#   key in the database, as gateway-compare.sh does.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/llmadmin-bench.sh"
base=${1:-http://localhost:9080}
calls=${CALLS:-200}
rounds=${ROUNDS:-3}
stub_port=${STUB_PORT:-18091}
admin_password=${LLMADMIN_ADMIN_PASSWORD:?set LLMADMIN_ADMIN_PASSWORD to the server\'s admin password}
work=$(mktemp -d)
stub=
cleanup() { [ -z "$stub" ] || kill "$stub" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

curl -sf "$base/health/ready" >/dev/null || { echo "llm-admin at $base is not ready" >&2; exit 1; }
python3 "$here/stream_ttfb.py" stub "$stub_port" & stub=$!
until curl -s -o /dev/null "http://127.0.0.1:$stub_port/"; do sleep 0.2; done
read -r model token < <(bench_gateway_key "$base" "$admin_password" "$stub_port")

direct="http://127.0.0.1:$stub_port/v1/chat/completions"
gateway="$base/openai/v1/chat/completions"
# warm-up (JIT, the provider client, connection pools), and proof that both stream
python3 "$here/stream_ttfb.py" measure "$direct" "$model" 50 >/dev/null
python3 "$here/stream_ttfb.py" measure "$gateway" "$model" 200 "$token" >/dev/null
for round in $(seq 1 "$rounds"); do
  python3 "$here/stream_ttfb.py" measure "$direct" "$model" "$calls" >>"$work/direct.tsv"
  python3 "$here/stream_ttfb.py" measure "$gateway" "$model" "$calls" "$token" >>"$work/gateway.tsv"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work/direct.tsv" "$work/gateway.tsv" <<'PY'
import statistics, sys

def load(path):
    rows = [line.split("\t") for line in open(path) if line.strip()]
    return [float(r[0]) for r in rows], [float(r[1]) for r in rows]

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

direct_first, direct_total = load(sys.argv[1])
gateway_first, gateway_total = load(sys.argv[2])
print(f"{len(direct_first)} streams each")
print("| path | first token p50 | p90 | p99 | whole stream p50 |")
print("|---|---|---|---|---|")
for name, first, total in (("provider stub, direct", direct_first, direct_total),
                           ("through llm-admin", gateway_first, gateway_total)):
    print(f"| {name} | {pct(first, 50):.2f} ms | {pct(first, 90):.2f} ms | {pct(first, 99):.2f} ms"
          f" | {pct(total, 50):.2f} ms |")
print(f"added to the first token: p50 +{pct(gateway_first, 50) - pct(direct_first, 50):.2f} ms,"
      f" p90 +{pct(gateway_first, 90) - pct(direct_first, 90):.2f} ms")
PY
