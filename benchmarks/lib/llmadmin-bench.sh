# Shared by the gateway benchmarks (gateway-compare.sh, gateway-ab.sh, soak.sh, profile-gateway.sh): source it, do not run it.

# The fixed chat completion the provider stub answers.
BENCH_COMPLETION='{"id":"chatcmpl-bench","object":"chat.completion","created":1700000000,"model":"bench","choices":[{"index":0,"message":{"role":"assistant","content":"Hello from the stub."},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":5,"total_tokens":14}}'

# bench_nginx_conf DIR NAME SERVER-BLOCK [STUB-PORT]: an nginx configuration with one worker (so that its CPU and RSS
# are the floor's own) and an upstream `stub` with kept-alive connections.
bench_nginx_conf() {
  local dir=$1 name=$2 block=$3 stub_port=${4:-18081}
  cat >"$dir/$name.conf" <<CONF
daemon off; worker_processes 1; pid $dir/$name.pid; error_log $dir/$name-error.log warn;
events { worker_connections 4096; }
http { access_log off; client_body_temp_path $dir/$name-body; proxy_temp_path $dir/$name-proxy;
  upstream stub { server 127.0.0.1:$stub_port; keepalive 128; }
  $block
}
CONF
}

# bench_stub_block PORT: the server block of the provider stub.
bench_stub_block() {
  echo "server { listen 127.0.0.1:$1; location / { default_type application/json; return 200 '$BENCH_COMPLETION'; } }"
}

# bench_chat_setup BASE-URL ADMIN-PASSWORD STUB-PORT DIR: checks that llm-admin answers ready, starts the nginx
# provider stub in the background (its pid in BENCH_STUB_PID, for the caller to stop) and writes DIR/chat.lua, a wrk
# script that calls a new bench model through a new gateway key (bench_gateway_key).
bench_chat_setup() {
  local base=$1 password=$2 stub_port=$3 dir=$4 model token
  curl -sf "$base/health/ready" >/dev/null || { echo "llm-admin at $base is not ready" >&2; return 1; }
  bench_nginx_conf "$dir" stub "$(bench_stub_block "$stub_port")" "$stub_port"
  nginx -p "$dir" -c "$dir/stub.conf" & BENCH_STUB_PID=$!
  sleep 1
  read -r model token < <(bench_gateway_key "$base" "$password" "$stub_port")
  bench_chat_lua "$dir/chat.lua" "$model" "wrk.headers[\"Authorization\"] = \"Bearer $token\""
}

# bench_gateway_key BASE-URL ADMIN-PASSWORD STUB-PORT: creates, through the admin API, a credential for the stub, a
# model on it without limits and a gateway key allowed to call it (all named bench-<time>, left in the database), and
# prints "<model> <token>".
bench_gateway_key() {
  local base=$1 password=$2 stub_port=$3 suffix credential model token
  suffix=$(date +%s%N | cut -c1-13)
  bench_admin() { curl -sf -u "admin:$password" -H 'Content-Type: application/json' "$@"; }
  credential=$(bench_admin -X POST "$base/api/admin/credentials" -d "{\"name\":\"bench-$suffix\",\"provider\":\"other\",
    \"baseUrl\":\"http://127.0.0.1:$stub_port/v1\",\"secret\":\"sk-bench-not-a-real-key-$suffix\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  model="bench-$suffix"
  bench_admin -X POST "$base/api/admin/models" -d "{\"id\":\"$model\",\"type\":\"chat\",\"provider\":\"other\",
    \"providerModelName\":\"bench\",\"displayName\":\"Benchmark stub\",\"apiBase\":\"http://127.0.0.1:$stub_port/v1\",
    \"credentialId\":$credential,\"active\":true}" >/dev/null
  token=$(bench_admin -X POST "$base/api/admin/gateway-keys" -d "{\"name\":\"bench-$suffix\",\"allowedModels\":[\"$model\"]}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  echo "$model $token"
}

# bench_chat_lua FILE MODEL [HEADER-LINE...]: a wrk script posting a one-message chat completion for MODEL.
bench_chat_lua() {
  local file=$1 model=$2; shift 2
  { echo 'wrk.method = "POST"'
    echo "wrk.body = [[{\"model\":\"$model\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}]]"
    echo 'wrk.headers["Content-Type"] = "application/json"'
    for h in "$@"; do echo "$h"; done; } >"$file"
}

# bench_port_pid PORT: the pid of the process listening on PORT on this machine.
bench_port_pid() {
  ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2
}

# bench_ticks PID: user+system clock ticks of a process and its children (nginx: master + worker).
bench_ticks() {
  local total=0 p
  for p in $1 $(pgrep -P "$1" || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo $total
}

# bench_rss_kb PID: the resident set of a process and its children, in kB.
bench_rss_kb() {
  local total=0 p
  for p in $1 $(pgrep -P "$1" || true); do
    total=$((total + $(awk '/VmRSS/ {print $2}' "/proc/$p/status")))
  done
  echo $total
}
