#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the integration tests: Debian's initdb/pg_ctl, a temporary
# directory, a given free port on 127.0.0.1, no system service. PostgreSQL refuses to run as root, so as
# root the cluster runs as the 'postgres' user (created by the Debian package).
# Usage: start-postgres.sh <work-dir> <port>   -> prints the JDBC URL; stop with stop-postgres.sh <work-dir>
set -euo pipefail
DIR=$1
PORT=$2
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$BIN" ]; then
  echo "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2
  exit 3
fi
mkdir -p "$DIR"
RUN=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$DIR"
  RUN=(runuser -u postgres --)
fi
"${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U dss --auth=trust -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -w -t 60 \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
"${RUN[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U dss dss_test
echo "jdbc:postgresql://127.0.0.1:$PORT/dss_test"
