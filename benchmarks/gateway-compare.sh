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
#   SECONDS_PER_RUN (default 15), ROUNDS (default 3), CONNECTIONS (default "1 16 64"), TARGETS (default all four)
#   Needs: wrk, nginx, node + npm (Portkey is installed once into ~/.cache/llmadmin-bench), python3, curl.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=${1:-http://localhost:9080}
seconds=${SECONDS_PER_RUN:-15}
rounds=${ROUNDS:-3}
connections=${CONNECTIONS:-"1 16 64"}
targets=${TARGETS:-"stub floor portkey llmadmin"}
admin_password=${LLMADMIN_ADMIN_PASSWORD:-}
stub_port=18081 floor_port=18082 portkey_port=18083
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
completion='{"id":"chatcmpl-bench","object":"chat.completion","created":1700000000,"model":"bench","choices":[{"index":0,"message":{"role":"assistant","content":"Hello from the stub."},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":5,"total_tokens":14}}'
nginx_conf() { # $1 name, $2 the server block
  cat >"$work/$1.conf" <<EOF
daemon off; worker_processes 1; pid $work/$1.pid; error_log $work/$1-error.log warn;
events { worker_connections 4096; }
http { access_log off; client_body_temp_path $work/$1-body; proxy_temp_path $work/$1-proxy;
  upstream stub { server 127.0.0.1:$stub_port; keepalive 128; }
  $2
}
EOF
}
nginx_conf stub "server { listen 127.0.0.1:$stub_port; location / { default_type application/json; return 200 '$completion'; } }"
nginx_conf floor "server { listen 127.0.0.1:$floor_port; location / { proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_pass http://stub; } }"
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
  admin() { curl -sf -u "admin:$admin_password" -H 'Content-Type: application/json' "$@"; }
  suffix=$(date +%s)
  credential=$(admin -X POST "$base/api/admin/credentials" -d "{\"name\":\"bench-$suffix\",\"provider\":\"other\",
    \"baseUrl\":\"http://127.0.0.1:$stub_port/v1\",\"secret\":\"sk-bench-not-a-real-key-$suffix\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  model="bench-$suffix"
  admin -X POST "$base/api/admin/models" -d "{\"id\":\"$model\",\"type\":\"chat\",\"provider\":\"other\",
    \"providerModelName\":\"bench\",\"displayName\":\"Benchmark stub\",\"apiBase\":\"http://127.0.0.1:$stub_port/v1\",
    \"credentialId\":$credential,\"active\":true}" >/dev/null
  token=$(admin -X POST "$base/api/admin/gateway-keys" -d "{\"name\":\"bench-$suffix\",\"allowedModels\":[\"$model\"]}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  llmadmin_pid=$(ss -ltnpH "sport = :${base##*:}" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)
fi

# --- one wrk script per target ---------------------------------------------------------------------------------------
body="{\"model\":\"$model\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}"
lua() { # $1 name, then header lines
  local name=$1; shift
  { echo "wrk.method = \"POST\""; echo "wrk.body = [[$body]]"; echo 'wrk.headers["Content-Type"] = "application/json"'
    for h in "$@"; do echo "$h"; done; } >"$work/$name.lua"
}
lua stub
lua floor
lua portkey 'wrk.headers["Authorization"] = "Bearer sk-bench"' 'wrk.headers["x-portkey-provider"] = "openai"' \
  "wrk.headers[\"x-portkey-custom-host\"] = \"http://127.0.0.1:$stub_port/v1\""
lua llmadmin "wrk.headers[\"Authorization\"] = \"Bearer $token\""
declare -A url=([stub]="http://127.0.0.1:$stub_port/v1/chat/completions"
  [floor]="http://127.0.0.1:$floor_port/v1/chat/completions"
  [portkey]="http://127.0.0.1:$portkey_port/v1/chat/completions"
  [llmadmin]="$base/openai/v1/chat/completions")
sleep 2 # nginx writes its pid file once started; its master's worker does the work (summed below)
declare -A pid=([stub]=$(cat "$work/stub.pid") [floor]=$(cat "$work/floor.pid") [portkey]=${pids[2]}
  [llmadmin]=$llmadmin_pid)

ticks() { # user+system clock ticks of a process and its children (nginx: master + worker)
  local total=0 p
  for p in $1 $(pgrep -P "$1" || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo $total
}
rss_kb() {
  local total=0 p
  for p in $1 $(pgrep -P "$1" || true); do
    total=$((total + $(awk '/VmRSS/ {print $2}' "/proc/$p/status")))
  done
  echo $total
}
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
      before=$(ticks "${pid[$t]}")
      out=$(wrk --latency -t"$([ "$c" -ge 2 ] && echo 2 || echo 1)" -c"$c" -d"${seconds}s" --timeout 5s \
        -s "$work/$t.lua" "${url[$t]}")
      after=$(ticks "${pid[$t]}")
      echo "$out" | python3 "$here/wrk_row.py" "$round" "$c" "$t" "$((after - before))" "$hz" "$(rss_kb "${pid[$t]}")" \
        >>"$results"
    done
  done
done
python3 "$here/wrk_table.py" "$results"
