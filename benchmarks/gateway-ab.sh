#!/usr/bin/env bash
# Two (or more) llm-admin servers compared on /openai/v1/chat/completions under the same conditions: a change is
# measured against the build before it while both run side by side, so that whatever else the machine is doing
# weighs on both alike. wrk runs against each server in turn, ROUNDS times (every other round in reverse order, so
# neither is always first); each cell is the median over the rounds, as in gateway-compare.sh (same columns).
#
# Usage: LLMADMIN_ADMIN_PASSWORD=... benchmarks/gateway-ab.sh before=http://localhost:9271 after=http://localhost:9273
#   Every server needs the same admin password; each gets its own bench credential, model and gateway key, against
#   one nginx provider stub on STUB_PORT (default 18081; started here, stopped at the end).
#   SECONDS_PER_RUN (default 15), ROUNDS (default 5), CONNECTIONS (default "16"), RAW (default false: print each run's
#   row too). Needs: wrk, nginx, python3, curl.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/llmadmin-bench.sh"
seconds=${SECONDS_PER_RUN:-15}
rounds=${ROUNDS:-5}
connections=${CONNECTIONS:-16}
stub_port=${STUB_PORT:-18081}
admin_password=${LLMADMIN_ADMIN_PASSWORD:?set LLMADMIN_ADMIN_PASSWORD to the servers\' admin password}
[ $# -ge 1 ] || { echo "usage: $0 name=base-url [name=base-url ...]" >&2; exit 1; }
work=$(mktemp -d)
stub=
cleanup() { [ -z "$stub" ] || kill "$stub" 2>/dev/null || true; }
trap cleanup EXIT

bench_nginx_conf "$work" stub "$(bench_stub_block "$stub_port")" "$stub_port"
nginx -p "$work" -c "$work/stub.conf" & stub=$!
sleep 1

declare -A url pid
names=()
for arg in "$@"; do
  name=${arg%%=*} base=${arg#*=}
  curl -sf "$base/health/ready" >/dev/null || { echo "$name: llm-admin at $base is not ready" >&2; exit 1; }
  read -r model token < <(bench_gateway_key "$base" "$admin_password" "$stub_port")
  bench_chat_lua "$work/$name.lua" "$model" "wrk.headers[\"Authorization\"] = \"Bearer $token\""
  url[$name]="$base/openai/v1/chat/completions"
  pid[$name]=$(bench_port_pid "${base##*:}")
  names+=("$name")
done

for name in "${names[@]}"; do # warm-up (JIT, connection pools, caches), and proof that every server answers 200
  warm=$(wrk -t2 -c16 -d10s -s "$work/$name.lua" "${url[$name]}")
  if grep -q "Non-2xx" <<<"$warm"; then
    echo "$name answers errors during the warm-up:" >&2; echo "$warm" >&2; exit 1
  fi
done

hz=$(getconf CLK_TCK)
results="$work/results.tsv"
for round in $(seq 1 "$rounds"); do
  order=("${names[@]}")
  if [ $((round % 2)) -eq 0 ]; then
    order=(); for ((i = ${#names[@]} - 1; i >= 0; i--)); do order+=("${names[$i]}"); done
  fi
  for c in $connections; do
    for name in "${order[@]}"; do
      before=$(bench_ticks "${pid[$name]}")
      out=$(wrk --latency -t"$([ "$c" -ge 2 ] && echo 2 || echo 1)" -c"$c" -d"${seconds}s" --timeout 5s \
        -s "$work/$name.lua" "${url[$name]}")
      after=$(bench_ticks "${pid[$name]}")
      row=$(echo "$out" | python3 "$here/wrk_row.py" "$round" "$c" "$name" "$((after - before))" "$hz" \
        "$(bench_rss_kb "${pid[$name]}")")
      echo "$row" >>"$results"
      [ "${RAW:-false}" != true ] || echo "$row"
    done
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$here/wrk_table.py" "$results"
