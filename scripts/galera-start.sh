#!/usr/bin/env bash
# Starts a three-node MariaDB Galera cluster on 127.0.0.1 from Debian's packages (installing mariadb-server and
# galera-4 when missing), for the Galera suites and for trying the service on a cluster. Each node has its own
# data folder under $REFUNDS_GALERA_DIR (default /tmp/refunds-galera), its own SQL, group (wsrep), IST and SST
# ports, and runs with innodb_flush_log_at_trx_commit=1 and rsync SST. The first node bootstraps the cluster
# (--wsrep-new-cluster), the others join it. A single mariadbd on 3306 (scripts/mariadb-start.sh) is left alone:
# no port, socket or file of it is used. Safe to run again: running nodes are kept.
# Prints export lines; `eval "$(bash scripts/galera-start.sh)"` sets REFUNDS_TEST_GALERA_URL (the multi-host JDBC
# URL), REFUNDS_TEST_GALERA_DB_USER, REFUNDS_TEST_GALERA_DB_PASSWORD and REFUNDS_TEST_GALERA_DIR.
# `--node N` starts (or rejoins) node N alone; `--recover-quorum N` makes node N's side Primary again after a
# quorum loss. scripts/galera-stop.sh stops the nodes.
set -euo pipefail

DIR="${REFUNDS_GALERA_DIR:-/tmp/refunds-galera}"
DB_NAME="${REFUNDS_GALERA_DATABASE:-refunds_galera}"
DB_USER="${REFUNDS_GALERA_USER:-refunds}"
DB_PASSWORD="${REFUNDS_GALERA_PASSWORD:-refunds-galera-password}"
BASE_PORT="${REFUNDS_GALERA_BASE_PORT:-3311}"   # SQL ports 3311-3313; group 4611-, IST 4621-, SST 4631-
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

sql_port() { echo $((BASE_PORT + $1 - 1)); }
group_port() { echo $((4610 + $1 + BASE_PORT - 3311)); }
node_dir() { echo "$DIR/node$1"; }
client() { $SUDO mariadb --no-defaults --protocol=socket -S "$(node_dir "$1")/mysqld.sock" -uroot "${@:2}"; }
is_up() { client "$1" -N -e "SELECT 1" >/dev/null 2>&1; }
wsrep_status() { client "$1" -N -e "SHOW STATUS LIKE '$2'" 2>/dev/null | awk '{print $2}'; }

if [ ! -x /usr/sbin/mariadbd ] || [ ! -e /usr/lib/galera/libgalera_smm.so ] || ! command -v rsync >/dev/null; then
  echo "installing mariadb-server, galera-4 and rsync from Debian's packages" >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq mariadb-server galera-4 rsync >&2
fi

write_config() {
  local n=$1 dir peers="" i
  dir=$(node_dir "$n")
  for i in 1 2 3; do peers="${peers:+$peers,}127.0.0.1:$(group_port "$i")"; done
  $SUDO mkdir -p "$dir/data"
  cat <<CNF | $SUDO tee "$dir/my.cnf" >/dev/null
[mysqld]
user=mysql
datadir=$dir/data
socket=$dir/mysqld.sock
pid-file=$dir/mariadbd.pid
log-error=$dir/error.log
bind-address=127.0.0.1
port=$(sql_port "$n")
skip-name-resolve
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_flush_log_at_trx_commit=1
innodb_buffer_pool_size=64M
innodb_log_file_size=48M
max_connections=200
character-set-server=utf8mb4
collation-server=utf8mb4_bin
# The test suites create triggers (a failing insert on purpose); Galera logs binary, which otherwise refuses them.
log_bin_trust_function_creators=1
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=refunds_galera
wsrep_cluster_address=gcomm://$peers
wsrep_node_name=node$n
wsrep_node_address=127.0.0.1:$(group_port "$n")
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$((4630 + n + BASE_PORT - 3311))
wsrep_slave_threads=2
# Own IST port per node; a hung or lost node is declared gone after a few seconds (defaults: 5 s and 15 s).
wsrep_provider_options="ist.recv_addr=127.0.0.1:$((4620 + n + BASE_PORT - 3311));gmcast.listen_addr=tcp://127.0.0.1:$(group_port "$n");evs.suspect_timeout=PT4S;evs.inactive_timeout=PT8S;evs.inactive_check_period=PT1S;gcache.size=64M"
CNF
  $SUDO chown -R mysql:mysql "$dir"
}

start_node() {
  local n=$1 dir bootstrap=${2:-}
  dir=$(node_dir "$n")
  if is_up "$n"; then return 0; fi
  write_config "$n"
  if [ ! -d "$dir/data/mysql" ] && [ "$bootstrap" = "--wsrep-new-cluster" ]; then
    $SUDO mariadb-install-db --defaults-file="$dir/my.cnf" --user=mysql --auth-root-authentication-method=socket \
      --skip-test-db >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; exit 1; }
  fi
  # A node that was the last one standing (or killed) may refuse to bootstrap unless marked safe to.
  if [ "$bootstrap" = "--wsrep-new-cluster" ] && [ -f "$dir/data/grastate.dat" ]; then
    $SUDO sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$dir/data/grastate.dat"
  fi
  echo "starting galera node$n on port $(sql_port "$n") $bootstrap" >&2
  $SUDO start-stop-daemon --start --background --pidfile "$dir/mariadbd.pid" \
    --exec /usr/sbin/mariadbd -- --defaults-file="$dir/my.cnf" $bootstrap
  for _ in $(seq 1 240); do
    if is_up "$n" && [ "$(wsrep_status "$n" wsrep_ready)" = "ON" ]; then return 0; fi
    sleep 0.5
  done
  echo "galera node$n did not become ready; see $dir/error.log" >&2
  tail -n 30 "$dir/error.log" >&2
  exit 1
}

if [ "${1:-}" = "--node" ]; then
  start_node "$2"
  exit 0
fi
if [ "${1:-}" = "--recover-quorum" ]; then
  # After a quorum loss the survivors stay non-Primary until every node of the last cluster is back (Galera will
  # not guess which side is right). The operator's step, once a node is back: make node N's component Primary.
  client "$2" -e "SET GLOBAL wsrep_provider_options='pc.bootstrap=YES'"
  exit 0
fi

$SUDO mkdir -p "$DIR"
if is_up 2 || is_up 3; then start_node 1; else start_node 1 --wsrep-new-cluster; fi
start_node 2
start_node 3

client 1 <<SQL
CREATE DATABASE IF NOT EXISTS \`${DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS '${DB_USER}'@'127.0.0.1' IDENTIFIED BY '${DB_PASSWORD}';
GRANT ALL PRIVILEGES ON \`${DB_NAME}\`.* TO '${DB_USER}'@'127.0.0.1';
SQL
echo "galera cluster size $(wsrep_status 1 wsrep_cluster_size), status $(wsrep_status 1 wsrep_cluster_status)" >&2

hosts="127.0.0.1:$(sql_port 1),127.0.0.1:$(sql_port 2),127.0.0.1:$(sql_port 3)"
echo "export REFUNDS_TEST_GALERA_URL='jdbc:mysql://${hosts}/${DB_NAME}'"
echo "export REFUNDS_TEST_GALERA_DB_USER='${DB_USER}'"
echo "export REFUNDS_TEST_GALERA_DB_PASSWORD='${DB_PASSWORD}'"
echo "export REFUNDS_TEST_GALERA_DIR='${DIR}'"
