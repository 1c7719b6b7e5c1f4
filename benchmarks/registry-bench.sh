#!/usr/bin/env bash
# Latency of the model registry with 1,000 models stored: the admin list (GET /api/admin/models, HTTP Basic) and the
# frontend's GET /v1/models, measured with wrk against a running llm-admin server on this machine.
#
#   LLMADMIN_ADMIN_PASSWORD=... benchmarks/registry-bench.sh [base-url]
#
# base-url defaults to http://localhost:9080. The script fills the catalog up to 1,000 models (bench-NNNN, spread over
# the four types, all active) through the admin API, then runs wrk on each endpoint. BENCH_DURATION (default 30s),
# BENCH_CONNECTIONS (default 8) and BENCH_THREADS (default 2) tune wrk; BENCH_CLEANUP=true deletes the bench models
# afterwards. Only loopback addresses are meant as targets.
set -euo pipefail

BASE_URL="${1:-http://localhost:9080}"
USER_NAME="${LLMADMIN_ADMIN_USER:-admin}"
PASSWORD="${LLMADMIN_ADMIN_PASSWORD:?set LLMADMIN_ADMIN_PASSWORD to the admin password of the server}"
DURATION="${BENCH_DURATION:-30s}"
CONNECTIONS="${BENCH_CONNECTIONS:-8}"
THREADS="${BENCH_THREADS:-2}"
TARGET_MODELS=1000

case "$BASE_URL" in
  http://localhost:*|http://127.*) ;;
  *) echo "refusing to load-test $BASE_URL: only loopback servers" >&2; exit 2 ;;
esac
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

AUTH="Authorization: Basic $(printf '%s:%s' "$USER_NAME" "$PASSWORD" | base64 -w0)"
types=(chat embedding image speech)

stored=$(curl -sf -H "$AUTH" "$BASE_URL/api/admin/models?size=1" | sed -E 's/.*"totalItems":([0-9]+).*/\1/')
echo "models stored before: $stored"
i=0
while [ "$stored" -lt "$TARGET_MODELS" ]; do
  i=$((i + 1))
  id=$(printf 'bench-%04d' "$i")
  type=${types[$((i % 4))]}
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" -H 'Content-Type: application/json' \
    -X POST "$BASE_URL/api/admin/models" \
    -d "{\"id\":\"$id\",\"type\":\"$type\",\"provider\":\"openai\",\"providerModelName\":\"$id\",\"displayName\":\"Bench $id\",\"description\":\"benchmark model $i\",\"vendor\":\"Bench\",\"sortOrder\":$((1000 + i)),\"contextLength\":8192}")
  case "$code" in
    201) stored=$((stored + 1)) ;;
    409) ;; # left from an earlier run: already counted
    *) echo "creating $id answered $code" >&2; exit 1 ;;
  esac
done
echo "models stored: $stored"

run() {
  local name="$1"; shift
  echo
  echo "== $name"
  wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$@"
}

# warm up both paths (JIT, caches) before measuring
wrk -t1 -c2 -d5s "$BASE_URL/v1/models" >/dev/null
wrk -t1 -c2 -d5s -H "$AUTH" "$BASE_URL/api/admin/models?page=0&size=20" >/dev/null

run "GET /v1/models (chat, from the in-memory catalog)" "$BASE_URL/v1/models"
run "GET /v1/models?type=image" "$BASE_URL/v1/models?type=image"
run "GET /api/admin/models?page=0&size=20 (database, sorted, counted)" -H "$AUTH" \
  "$BASE_URL/api/admin/models?page=0&size=20"
run "GET /api/admin/models?q=bench-09&sort=displayName,desc&size=50 (text filter)" -H "$AUTH" \
  "$BASE_URL/api/admin/models?q=bench-09&sort=displayName,desc&size=50"

if [ "${BENCH_CLEANUP:-false}" = "true" ]; then
  for n in $(seq 1 "$i"); do
    curl -s -o /dev/null -H "$AUTH" -X DELETE "$BASE_URL/api/admin/models/$(printf 'bench-%04d' "$n")"
  done
  echo "bench models deleted"
fi
