#!/usr/bin/env bash
# Latency of the frontend's GET /v1/models against a running server (default: the `liberty:run` one).
# Usage: benchmarks/v1-models.sh [base-url] [seconds]
# Needs wrk (Debian package `wrk`). Two connections per core keep the 2-core machine honest: the server and wrk
# share it, so this measures the whole request path under moderate load, not peak throughput.
set -euo pipefail
base=${1:-http://localhost:9080}
seconds=${2:-20}
curl -sf "$base/health/ready" >/dev/null || { echo "server at $base is not ready" >&2; exit 1; }
for path in "/v1/models" "/v1/models?type=image" "/v1/models/gemini-1.5-pro"; do
  echo "== GET $path"
  wrk --latency -t2 -c4 -d"${seconds}s" "$base$path" | grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx"
done
