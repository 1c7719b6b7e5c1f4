#!/usr/bin/env bash
# Start time of llm-admin: from launching the server process to the first 200 of /health/ready (the database
# migrated, the application started, every readiness check up), and the process's RSS at that moment.
#
# Usage: benchmarks/start-time.sh [wlp-dir] [server-name] [http-port]
#   defaults: admin-web/target/liberty/wlp llmadmin 9080 (what `./mvnw -DskipTests liberty:run` or `liberty:create
#   liberty:deploy` leaves). The server must be stopped; it is started RUNS times (default 3) with `server start` and
#   stopped after each. The first start of a fresh data directory also creates the schema: run once before measuring,
#   or read the first figure apart. Environment passes through (LLMADMIN_ADMIN_PASSWORD for a first start, DB_URL, ...).
#   IDLE_SECONDS (default 60): after ready, the server is left alone this long and its RSS read again (idle RSS);
#   0 skips that.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/llmadmin-bench.sh"
wlp=${1:-$here/../admin-web/target/liberty/wlp}
server=${2:-llmadmin}
port=${3:-9080}
runs=${RUNS:-3}
idle=${IDLE_SECONDS:-60}
if curl -s -o /dev/null "http://localhost:$port/health/ready"; then
  echo "something already answers on port $port: stop it first" >&2; exit 1
fi
echo "| run | process start to /health/ready 200 | RSS at ready | RSS after $idle s idle |"
echo "|---|---|---|---|"
for run in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$wlp/bin/server" start "$server" >/dev/null
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/health/ready")" = 200 ]; do
    sleep 0.1
    if [ $(( ($(date +%s%N) - start) / 1000000000 )) -gt 600 ]; then echo "not ready after 600 s" >&2; exit 1; fi
  done
  ready=$(date +%s%N)
  pid=$(bench_port_pid "$port")
  rss=$(bench_rss_kb "$pid")
  sleep "$idle"
  idle_rss=$(bench_rss_kb "$pid")
  printf '| %s | %.1f s | %d MB | %d MB |\n' "$run" "$(echo "($ready - $start) / 1000000000" | bc -l)" \
    $((rss / 1024)) $((idle_rss / 1024))
  "$wlp/bin/server" stop "$server" >/dev/null
done
