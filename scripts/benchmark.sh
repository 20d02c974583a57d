#!/usr/bin/env bash
# Issue 10's benchmark: refunds per second, latency and the pipeline, measured against the database's own ceiling,
# on MariaDB and on the embedded H2 database. One command:
#
#   bash scripts/benchmark.sh              # the full run (about 15 minutes): prints the table, updates BENCHMARKS.md
#   bash scripts/benchmark.sh --quick      # a short smoke run (about 4 minutes); prints only, BENCHMARKS.md untouched
#   bash scripts/benchmark.sh --profile    # 60 s of saturation under JFR; prints the hot spots, updates BENCHMARKS.md
#   BENCH_PROFILE_PIPELINE_RATE=100 bash scripts/benchmark.sh --profile   # instead: the pipeline (settlement and
#                                    # webhooks on) at 100 requests/s under JFR, in a section of its own
#   bash scripts/benchmark.sh --backends=mariadb    # or h2: one database only
#   bash scripts/benchmark.sh --quick --backends=h2,h2-write-delay   # the embedded default's WRITE_DELAY=0 against
#                                    # H2's own WRITE_DELAY=500 (README, "Durability, secrets and collation")
#   bash scripts/benchmark.sh --startup-ab --base-jar=/tmp/base.jar [--base-options="…"] [--rounds=3]
#                                    # start-up and RSS after a load: this jar with the README's options
#                                    # (bootstrap/jvm.options) against another jar, rounds interleaved; prints only
#
# It builds the jar and the benchmark classes (bootstrap/src/benchmark/java, compiled only in the Maven profile
# `benchmark`; the test suites never see them), starts MariaDB with scripts/mariadb-start.sh in a database of its
# own, REFUNDS_BENCH_DATABASE (default refunds_bench), which every run DROPS and recreates, then runs the benchmark.
# Everything stays on 127.0.0.1; the service runs on BENCH_PORT (default 18480). Other knobs (environment): BENCH_SECONDS,
# BENCH_WARMUP, BENCH_SERVICE_WARMUP, BENCH_CONNECTIONS, BENCH_SATURATION_CONNECTIONS, BENCH_PAYMENTS,
# BENCH_STEP_SECONDS, BENCH_PIPELINE_START_RATE, BENCH_PIPELINE_STEPS_MAX, BENCH_PROFILE_SECONDS,
# BENCH_PROFILE_PIPELINE_RATE.
# The figures are only worth comparing on a quiet machine: the script shows the load average first.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (a busy machine skews every figure)" >&2

export REFUNDS_MARIADB_DATABASE="${REFUNDS_BENCH_DATABASE:-refunds_bench}"
case "$REFUNDS_MARIADB_DATABASE" in
  *bench*) ;;
  *) echo "REFUNDS_BENCH_DATABASE must contain 'bench': the benchmark drops and recreates it" >&2; exit 2 ;;
esac
eval "$(bash scripts/mariadb-start.sh)"
export REFUNDS_BENCH_DB_URL="$REFUNDS_TEST_JDBC_URL"
export REFUNDS_BENCH_DB_USER="$REFUNDS_TEST_DB_USER"
export REFUNDS_BENCH_DB_PASSWORD="$REFUNDS_TEST_DB_PASSWORD"

echo "building the service jar and the benchmark classes" >&2
mkdir -p target
./mvnw -q -B -Pbenchmark package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile="$PWD/target/bench-classpath.txt" -Dmdep.includeScope=test

revision="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain 2>/dev/null | head -1)" ]; then
  revision="$revision with uncommitted changes"
fi
export BENCH_REVISION="commit $revision"

if [ "${1:-}" = "--startup-ab" ]; then
  shift
  exec timeout 3600 java -Xmx512m -cp "$(cat target/bench-classpath.txt):bootstrap/target/test-classes" \
    dev.refunds.bootstrap.bench.StartupAndMemoryAb "$@"
fi

args=("$@")
write=true
for arg in "$@"; do
  case "$arg" in
    --quick) write=false ;;
    --out=*) write=false ;;
  esac
done
if $write; then
  args+=("--out=BENCHMARKS.md")
fi

exec timeout 3600 java -Xms512m -Xmx1g \
  -cp "$(cat target/bench-classpath.txt):bootstrap/target/test-classes" \
  dev.refunds.bootstrap.bench.RefundsBenchmark --jar=bootstrap/target/refunds-service.jar "${args[@]}"
