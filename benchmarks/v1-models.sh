#!/usr/bin/env bash
# GET /v1/models (the frontend's catalog) at a catalog of SEED_MODELS chat models (default 1,000, as issue "fast and
# lean" asks), against a running server (default: the `liberty:run` one).
#
# Usage: LLMADMIN_ADMIN_PASSWORD=... benchmarks/v1-models.sh [base-url] [seconds]
#   If the catalog lists fewer chat models than SEED_MODELS, the missing ones are created through the admin API as
#   bench-catalog-NNNN (provider `other`, an address nothing listens on: they are listed, never called) and deleted
#   again at the end unless KEEP_SEEDED=true (a rerun then finds them and skips the seeding). The admin password is
#   needed only to seed. wrk runs each path for `seconds` (default 20) at each of CONNECTIONS (default "4 16 64"),
#   2 threads, after a 5 s warm-up. Needs wrk, curl, python3.
set -euo pipefail
base=${1:-http://localhost:9080}
seconds=${2:-20}
seed=${SEED_MODELS:-1000}
connections=${CONNECTIONS:-"4 16 64"}
curl -sf "$base/health/ready" >/dev/null || { echo "server at $base is not ready" >&2; exit 1; }
count() { curl -sf "$base/v1/models" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }

have=$(count)
created=()
cleanup() {
  if [ "${#created[@]}" -gt 0 ] && [ "${KEEP_SEEDED:-false}" != true ]; then
    printf '%s\n' "${created[@]}" | xargs -P 4 -I{} curl -s -o /dev/null -u "admin:${LLMADMIN_ADMIN_PASSWORD:-}" \
      -X DELETE "$base/api/admin/models/{}"
  fi
}
trap cleanup EXIT
if [ "$have" -lt "$seed" ]; then
  password=${LLMADMIN_ADMIN_PASSWORD:?set LLMADMIN_ADMIN_PASSWORD to seed the catalog up to $seed models}
  mapfile -t created < <(curl -sf "$base/v1/models" | python3 -c '
import json, sys
listed = {model["id"] for model in json.load(sys.stdin)}
missing = int(sys.argv[1]) - len(listed)
ids = (f"bench-catalog-{n:04d}" for n in range(1, 100000))
print("\n".join([i for i in ids if i not in listed][:missing]))' "$seed")
  echo "seeding ${#created[@]} models (the catalog lists $have chat models)"
  printf '%s\n' "${created[@]}" | xargs -P 4 -I{} curl -sf -o /dev/null -u "admin:$password" \
    -H 'Content-Type: application/json' -X POST "$base/api/admin/models" \
    -d '{"id":"{}","type":"chat","provider":"other","providerModelName":"bench","displayName":"Catalog benchmark {}",
         "description":"Seeded by benchmarks/v1-models.sh","apiBase":"http://127.0.0.1:9/v1","contextLength":8192,
         "active":true}'
fi
listed=$(count)
one=$(curl -sf "$base/v1/models" | python3 -c 'import json,sys; print(json.load(sys.stdin)[-1]["id"])')
bytes=$(curl -sf "$base/v1/models" | wc -c)
echo "catalog: $listed chat models, GET /v1/models answers $bytes bytes"

wrk -t2 -c4 -d5s "$base/v1/models" >/dev/null
for path in "/v1/models" "/v1/models?type=image" "/v1/models/$one"; do
  for c in $connections; do
    echo "== GET $path, $c connections"
    wrk --latency -t2 -c"$c" -d"${seconds}s" "$base$path" | grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx|timeout"
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
