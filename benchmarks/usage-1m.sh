#!/usr/bin/env bash
# The usage dashboard's queries over 1,000,000 usage rows: fills an empty llm-admin database through the real usage
# writer (raw rows and their hourly rollups, batches of 500), calls spread over the last 30 days, then times each query
# the dashboard makes (the usage API's groupings and the request log), median and slowest of 5 runs after a warm-up.
# Runs in its own JVM (io.llmadmin.services.benchmarks.UsageRollupBenchmark); nothing is committed or kept.
#
#   benchmarks/usage-1m.sh [ROWS=1000000] [h2|postgres]      HEAP=512m to change the heap
set -euo pipefail
ROWS=${1:-1000000}
TARGET=${2:-h2}
HEAP=${HEAP:-512m}
cd "$(dirname "$0")/.."
CP_FILE="$PWD/llm-services/target/bench.classpath"
./mvnw -q -B ${MVN_OFFLINE:-} -pl llm-services -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test -Dspotless.check.skip=true
CP="llm-services/target/test-classes:llm-services/target/classes:$(cat "$CP_FILE")"
case "$TARGET" in
  h2)
    rm -rf llm-services/target/bench-usage-h2
    URL="jdbc:h2:$PWD/llm-services/target/bench-usage-h2/llmadmin;DB_CLOSE_DELAY=-1"
    USER_NAME=sa ;;
  postgres)
    PG_URL=${LLMADMIN_TEST_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test}
    USER_NAME=${LLMADMIN_TEST_POSTGRES_USER:-postgres}
    psql -q -h 127.0.0.1 -U "$USER_NAME" test -c 'DROP SCHEMA IF EXISTS bench_usage CASCADE; CREATE SCHEMA bench_usage'
    URL="$PG_URL?currentSchema=bench_usage" ;;
  *) echo "target must be h2 or postgres" >&2; exit 2 ;;
esac
java -Xms64m -Xmx"$HEAP" -Dliquibase.analytics.enabled=false -Djava.util.logging.config.file=/dev/null \
  -cp "$CP" io.llmadmin.services.benchmarks.UsageRollupBenchmark "$ROWS" "$URL" "$USER_NAME"
if [ "$TARGET" = postgres ]; then
  psql -q -h 127.0.0.1 -U "$USER_NAME" test -c 'DROP SCHEMA bench_usage CASCADE'
else
  rm -rf llm-services/target/bench-usage-h2
fi
