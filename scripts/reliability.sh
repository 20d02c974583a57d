#!/usr/bin/env bash
# The reliability suite (README, "Reliability suite"): crash faults, database faults (also Galera node kills, a
# hang and a quorum loss on the three-node cluster), hostile input, the tenancy
# matrix and the webhook target guard, in their long variants (REFUNDS_RELIABILITY_LONG=true). `--short` runs the
# short variants, the ones `./mvnw -B verify` runs. Uses its own MariaDB database (default refunds_rel) so it does
# not disturb anyone's refunds_test. Figures of every run: bootstrap/target/reliability/figures.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

export REFUNDS_RELIABILITY_LONG=true
if [ "${1:-}" = "--short" ]; then
  export REFUNDS_RELIABILITY_LONG=false
  shift
fi
export REFUNDS_MARIADB_DATABASE="${REFUNDS_MARIADB_DATABASE:-refunds_rel}"
eval "$(bash scripts/mariadb-start.sh)"
# The Galera faults (GaleraNodeFaultsTest) need the three-node cluster; it is left running (scripts/galera-stop.sh).
eval "$(bash scripts/galera-start.sh)"

status=0
./mvnw -B -pl bootstrap -am verify -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='dev.refunds.bootstrap.reliability.**' "$@" || status=$?

echo
echo "== reliability figures (long mode: ${REFUNDS_RELIABILITY_LONG}) =="
grep -h "^RELIABILITY" bootstrap/target/surefire-reports/dev.refunds.bootstrap.reliability.*-output.txt 2>/dev/null \
  || echo "(no figures: did the tests run?)"
exit "$status"
