#!/usr/bin/env bash
# Stops the Galera cluster scripts/galera-start.sh started, node by node, by the pid each node wrote (SIGTERM,
# then waits). Only those pids: the single mariadbd on 3306 keeps running. `--wipe` also removes the data folders.
set -euo pipefail

DIR="${REFUNDS_GALERA_DIR:-/tmp/refunds-galera}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

for n in 3 2 1; do
  pid_file="$DIR/node$n/mariadbd.pid"
  [ -f "$pid_file" ] || continue
  pid=$($SUDO cat "$pid_file")
  if $SUDO kill -0 "$pid" 2>/dev/null; then
    $SUDO kill -CONT "$pid" 2>/dev/null || true   # a node a test left stopped (SIGSTOP) cannot shut down
    $SUDO kill -TERM "$pid"
    for _ in $(seq 1 120); do $SUDO kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if $SUDO kill -0 "$pid" 2>/dev/null; then
      echo "galera node$n (pid $pid) did not stop in 60 s; killing it" >&2
      $SUDO kill -KILL "$pid"
    fi
    echo "stopped galera node$n (pid $pid)" >&2
  fi
  $SUDO rm -f "$pid_file"
done

if [ "${1:-}" = "--wipe" ]; then
  $SUDO rm -rf "$DIR"
fi
