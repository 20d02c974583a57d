#!/usr/bin/env bash
# The databases `./mvnw -B verify` tests against: the single MariaDB (scripts/mariadb-start.sh) and the three-node
# MariaDB Galera cluster (scripts/galera-start.sh), each installed from Debian's packages when missing and started
# when not running. Prints the export lines of both; `eval "$(bash scripts/test-env.sh)"` sets them in a shell.
# scripts/galera-stop.sh stops the cluster again.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/mariadb-start.sh
bash scripts/galera-start.sh
