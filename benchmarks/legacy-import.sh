#!/usr/bin/env bash
# Legacy import benchmark: generates a dumpdata fixture of ROWS configuration rows, imports it into an empty llm-admin
# database in one run (then a second, all-unchanged run), in its own JVM with a fixed small heap, and prints rows/s and
# the peak heap used. No fixture is committed: ImportBenchmark writes it to a temp file and deletes it.
#
#   benchmarks/legacy-import.sh [ROWS=100000] [h2|postgres]      HEAP=256m to change the heap
set -euo pipefail
ROWS=${1:-100000}
TARGET=${2:-h2}
HEAP=${HEAP:-256m}
cd "$(dirname "$0")/.."
CP_FILE="$PWD/migration/target/bench.classpath"
./mvnw -q -B -pl migration -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test -Dspotless.check.skip=true
CP="migration/target/test-classes:migration/target/classes:$(cat "$CP_FILE")"
case "$TARGET" in
  h2)
    rm -rf migration/target/bench-h2
    URL="jdbc:h2:$PWD/migration/target/bench-h2/llmadmin"
    USER_NAME=sa ;;
  postgres)
    PG_URL=${LLMADMIN_TEST_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test}
    USER_NAME=${LLMADMIN_TEST_POSTGRES_USER:-postgres}
    psql -q -h 127.0.0.1 -U "$USER_NAME" test -c 'DROP SCHEMA IF EXISTS bench_import CASCADE; CREATE SCHEMA bench_import'
    URL="$PG_URL?currentSchema=bench_import" ;;
  *) echo "target must be h2 or postgres" >&2; exit 2 ;;
esac
java -Xms64m -Xmx"$HEAP" -Dliquibase.analytics.enabled=false -Djava.util.logging.config.file=/dev/null \
  -cp "$CP" io.llmadmin.migration.legacy.ImportBenchmark "$ROWS" "$URL" "$USER_NAME"
if [ "$TARGET" = postgres ]; then
  psql -q -h 127.0.0.1 -U "$USER_NAME" test -c 'DROP SCHEMA bench_import CASCADE'
fi
