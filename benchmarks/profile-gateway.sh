#!/usr/bin/env bash
# Where a gateway call's CPU goes: JFR's execution samples of a running llm-admin while wrk drives
# /openai/v1/chat/completions (a gateway key, usage recorded, against an nginx provider stub, as gateway-compare.sh),
# summed by the owner of each sample's innermost non-JDK frame (jfr_owners.py), with the GC's count and pauses.
#
# Usage: LLMADMIN_ADMIN_PASSWORD=... benchmarks/profile-gateway.sh [base-url] [jfr-file]
#   defaults: http://localhost:9080, gateway-profile-<time>.jfr. WARMUP_SECONDS (60: the JIT must be warm, or the
#   profile shows the interpreter), PROFILE_SECONDS (60), CONNECTIONS (16), STUB_PORT (18083). Needs wrk, nginx,
#   python3, curl, and the JDK's jcmd and jfr on the server's machine (run as the server's user).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/llmadmin-bench.sh"
base=${1:-http://localhost:9080}
jfr_file=$(realpath -m "${2:-gateway-profile-$(date +%Y%m%dT%H%M%S).jfr}")
warmup=${WARMUP_SECONDS:-60}
seconds=${PROFILE_SECONDS:-60}
connections=${CONNECTIONS:-16}
stub_port=${STUB_PORT:-18083}
admin_password=${LLMADMIN_ADMIN_PASSWORD:?set LLMADMIN_ADMIN_PASSWORD to the server\'s admin password}
work=$(mktemp -d)
stub=
cleanup() { [ -z "$stub" ] || kill "$stub" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

bench_chat_setup "$base" "$admin_password" "$stub_port" "$work"
stub=$BENCH_STUB_PID
url="$base/openai/v1/chat/completions"
pid=$(bench_port_pid "${base##*:}")

wrk -t2 -c"$connections" -d"${warmup}s" -s "$work/chat.lua" "$url" >/dev/null
jcmd "$pid" JFR.start name=gateway-profile settings=profile duration="${seconds}s" filename="$jfr_file" >/dev/null
wrk -t2 -c"$connections" -d"$((seconds + 2))s" --latency -s "$work/chat.lua" "$url" | grep -E "Requests/sec|Non-2xx" || true
until [ -s "$jfr_file" ] && ! jcmd "$pid" JFR.check 2>/dev/null | grep -q gateway-profile; do sleep 1; done

echo "profile: $jfr_file (load average $(cut -d' ' -f1-3 /proc/loadavg))"
jfr print --events jdk.ExecutionSample "$jfr_file" | python3 "$here/jfr_owners.py"
jfr summary "$jfr_file" | grep -E " jdk\.(ExecutionSample|GarbageCollection|ThreadStart|ObjectAllocationSample) " || true
jfr print --events jdk.GarbageCollection "$jfr_file" \
  | awk '/sumOfPauses/ { v = $3; u = $4; ms = (u ~ /^s/) ? v * 1000 : v; n++; sum += ms; if (ms > max) max = ms }
         END { printf "GC: %d collections, pauses %.0f ms in all, longest %.1f ms\n", n, sum, max }'
