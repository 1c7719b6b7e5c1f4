#!/usr/bin/env bash
# The gateway side by side with its floor and a peer, in one run on one machine, as issue "fast and lean" asks:
#   stub    an nginx answering a fixed chat completion (the provider; what every other target calls)
#   floor   an nginx proxy_pass to the stub (the least any proxy can add)
#   portkey Portkey's OSS gateway 1.15.2 from npm (Node), with the stub as its custom host
#   llmadmin this project's /openai/v1/chat/completions with a gateway key (authentication, limits and usage recording
#            on; the model's own limits off), against a running server you started
# wrk runs at 1, 16 and 64 connections, the targets interleaved, ROUNDS times; each cell of the table is the median
# of the rounds. CPU per request is the target process's user+system time over the requests it served; RSS is read
# after each run.
#
# Usage: LLMADMIN_ADMIN_PASSWORD=... benchmarks/gateway-compare.sh [llm-admin base url]
#   Start the server first, e.g. `LLMADMIN_ADMIN_PASSWORD=bench-admin-pw ./mvnw -DskipTests liberty:run`.
#   SECONDS_PER_RUN (default 15), ROUNDS (default 3), CONNECTIONS (default "1 16 64"), TARGETS (default all four),
#   STUB_PORT, FLOOR_PORT, PORTKEY_PORT (default 18081, 18082, 18083)
#   Needs: wrk, nginx, node + npm (Portkey is installed once into ~/.cache/llmadmin-bench), python3, curl.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/llmadmin-bench.sh"
base=${1:-http://localhost:9080}
seconds=${SECONDS_PER_RUN:-15}
rounds=${ROUNDS:-3}
connections=${CONNECTIONS:-"1 16 64"}
targets=${TARGETS:-"stub floor portkey llmadmin"}
admin_password=${LLMADMIN_ADMIN_PASSWORD:-}
stub_port=${STUB_PORT:-18081} floor_port=${FLOOR_PORT:-18082} portkey_port=${PORTKEY_PORT:-18083}
work=$(mktemp -d)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/llmadmin-bench
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

for tool in wrk nginx node npm python3 curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
with_llmadmin=false
[[ " $targets " == *" llmadmin "* ]] && with_llmadmin=true
if $with_llmadmin; then
  curl -sf "$base/health/ready" >/dev/null || { echo "llm-admin at $base is not ready" >&2; exit 1; }
fi

# --- the provider stub and the nginx floor: one worker each, so their CPU and RSS are the floor's own ---------------
bench_nginx_conf "$work" stub "$(bench_stub_block $stub_port)" $stub_port
bench_nginx_conf "$work" floor "server { listen 127.0.0.1:$floor_port; location / { proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_pass http://stub; } }" $stub_port
for n in stub floor; do
  nginx -p "$work" -c "$work/$n.conf" & pids+=($!)
done

# --- Portkey, pinned ------------------------------------------------------------------------------------------------
if [ ! -f "$cache/node_modules/@portkey-ai/gateway/build/start-server.js" ]; then
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error @portkey-ai/gateway@1.15.2 >/dev/null
fi
NODE_ENV=production node "$cache/node_modules/@portkey-ai/gateway/build/start-server.js" --port=$portkey_port --headless \
  >"$work/portkey.log" 2>&1 & pids+=($!)

# --- llm-admin: a credential for the stub, a model on it without limits, a gateway key -----------------------------
model=bench token=none llmadmin_pid=
if $with_llmadmin; then
  [ -n "$admin_password" ] || { echo "set LLMADMIN_ADMIN_PASSWORD to the running server's admin password" >&2; exit 1; }
  read -r model token < <(bench_gateway_key "$base" "$admin_password" $stub_port)
  llmadmin_pid=$(bench_port_pid "${base##*:}")
fi

# --- one wrk script per target ---------------------------------------------------------------------------------------
bench_chat_lua "$work/stub.lua" "$model"
bench_chat_lua "$work/floor.lua" "$model"
bench_chat_lua "$work/portkey.lua" "$model" 'wrk.headers["Authorization"] = "Bearer sk-bench"' \
  'wrk.headers["x-portkey-provider"] = "openai"' "wrk.headers[\"x-portkey-custom-host\"] = \"http://127.0.0.1:$stub_port/v1\""
bench_chat_lua "$work/llmadmin.lua" "$model" "wrk.headers[\"Authorization\"] = \"Bearer $token\""
declare -A url=([stub]="http://127.0.0.1:$stub_port/v1/chat/completions"
  [floor]="http://127.0.0.1:$floor_port/v1/chat/completions"
  [portkey]="http://127.0.0.1:$portkey_port/v1/chat/completions"
  [llmadmin]="$base/openai/v1/chat/completions")
sleep 2 # nginx writes its pid file once started; its master's worker does the work (summed below)
declare -A pid=([stub]=$(cat "$work/stub.pid") [floor]=$(cat "$work/floor.pid") [portkey]=${pids[2]}
  [llmadmin]=$llmadmin_pid)

for t in $targets; do # warm-up (JIT, connection pools, caches), and proof that every target answers 200
  warm=$(wrk -t2 -c16 -d5s -s "$work/$t.lua" "${url[$t]}")
  if grep -q "Non-2xx" <<<"$warm"; then
    echo "$t answers errors during the warm-up:" >&2; echo "$warm" >&2; exit 1
  fi
done

hz=$(getconf CLK_TCK)
results="$work/results.tsv"
for round in $(seq 1 "$rounds"); do
  for c in $connections; do
    for t in $targets; do
      before=$(bench_ticks "${pid[$t]}")
      out=$(wrk --latency -t"$([ "$c" -ge 2 ] && echo 2 || echo 1)" -c"$c" -d"${seconds}s" --timeout 5s \
        -s "$work/$t.lua" "${url[$t]}")
      after=$(bench_ticks "${pid[$t]}")
      echo "$out" | python3 "$here/wrk_row.py" "$round" "$c" "$t" "$((after - before))" "$hz" "$(bench_rss_kb "${pid[$t]}")" \
        >>"$results"
    done
  done
done
python3 "$here/wrk_table.py" "$results"
