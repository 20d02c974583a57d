#!/usr/bin/env bash
# Installs MariaDB from Debian's packages when missing, starts it without systemd, and creates the database and
# the password user the tests (and a local service) use. Safe to run again: every step checks first.
# Prints the export lines for the test settings; `eval "$(scripts/mariadb-start.sh)"` sets them in a shell.
set -euo pipefail

DB_NAME="${REFUNDS_MARIADB_DATABASE:-refunds_test}"
DB_USER="${REFUNDS_MARIADB_USER:-refunds}"
DB_PASSWORD="${REFUNDS_MARIADB_PASSWORD:-refunds-test-password}"
PID_FILE=/tmp/mariadbd.pid
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

if [ ! -x /usr/sbin/mariadbd ]; then
  echo "installing mariadb-server from Debian's packages" >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq mariadb-server >&2
fi

if ! $SUDO mariadb-admin ping >/dev/null 2>&1; then
  echo "starting mariadbd" >&2
  $SUDO mkdir -p /run/mysqld
  $SUDO chown mysql:root /run/mysqld
  $SUDO start-stop-daemon --start --oknodo --background --make-pidfile --pidfile "$PID_FILE" \
    --exec /usr/sbin/mariadbd -- --user=mysql
  for _ in $(seq 1 60); do
    $SUDO mariadb-admin ping >/dev/null 2>&1 && break
    sleep 0.5
  done
  $SUDO mariadb-admin ping >/dev/null 2>&1 || { echo "mariadbd did not start" >&2; exit 1; }
fi

$SUDO mariadb <<SQL
CREATE DATABASE IF NOT EXISTS \`${DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS '${DB_USER}'@'localhost' IDENTIFIED BY '${DB_PASSWORD}';
CREATE USER IF NOT EXISTS '${DB_USER}'@'127.0.0.1' IDENTIFIED BY '${DB_PASSWORD}';
GRANT ALL PRIVILEGES ON \`${DB_NAME}\`.* TO '${DB_USER}'@'localhost';
GRANT ALL PRIVILEGES ON \`${DB_NAME}\`.* TO '${DB_USER}'@'127.0.0.1';
SQL

echo "export REFUNDS_TEST_JDBC_URL='jdbc:mysql://127.0.0.1:3306/${DB_NAME}'"
echo "export REFUNDS_TEST_DB_USER='${DB_USER}'"
echo "export REFUNDS_TEST_DB_PASSWORD='${DB_PASSWORD}'"
