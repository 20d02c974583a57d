#!/usr/bin/env bash
# Issue 20's benchmark: the refund export's time and the service's peak heap while it streams 1,000,000 refunds
# (and, for comparison, 10,000) from an embedded H2 database, the service running with a small heap.
#
#   bash scripts/export-benchmark.sh                       # 1,000,000 rows, service -Xmx128m
#   bash scripts/export-benchmark.sh --rows=200000 --heap=64m
#
# Prints its figures; BENCHMARKS.md's "Export" section is written by hand from them. The service runs on
# 127.0.0.1:18490 (--port=) in a temporary folder of its own; nothing else is touched.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (a busy machine skews every figure)" >&2
mkdir -p target
./mvnw -q -B -Pbenchmark package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile="$PWD/target/bench-classpath.txt" -Dmdep.includeScope=test
exec timeout 3600 java -Xmx512m -cp "$(cat target/bench-classpath.txt):bootstrap/target/test-classes" \
  dev.refunds.bootstrap.bench.ExportBenchmark --jar=bootstrap/target/refunds-service.jar "$@"
