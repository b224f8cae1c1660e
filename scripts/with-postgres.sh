#!/usr/bin/env bash
# Usage: scripts/with-postgres.sh CMD [ARGS...]
#
# Runs CMD with a throwaway PostgreSQL 15 server and returns CMD's exit code. The server lives in
# a fresh temporary directory, listens only on a Unix socket in that directory (no TCP, so it
# never conflicts with a cluster Debian may have started on 5432), has database `motcua_test`,
# and is stopped and deleted on exit, whatever happens. CMD sees
#   MOTCUA_TEST_POSTGRES_URL=postgresql:///motcua_test?host=DIR&port=PORT&user=USER
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

pg_bin=${MOTCUA_PG_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$pg_bin/initdb" ]; then
  echo "with-postgres: $pg_bin/initdb not found; run scripts/setup.sh (postgresql-15)" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  db_user=postgres
  as_db_user=(runuser -u postgres --)
else
  db_user=$(id -un)
  as_db_user=()
fi

# The port only names the socket file (.s.PGSQL.PORT) in our private directory.
port=${MOTCUA_TEST_POSTGRES_PORT:-54329}
dir=$(mktemp -d "${TMPDIR:-/tmp}/motcua-pg.XXXXXX")
data="$dir/data"
log="$dir/server.log"

cleanup() {
  if [ -f "$data/postmaster.pid" ]; then
    "${as_db_user[@]}" "$pg_bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Both the test process (root) and the server (postgres) use the directory; the data directory
# itself must belong to the server's user with mode 0700.
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$dir"
fi
chmod 0755 "$dir"

"${as_db_user[@]}" "$pg_bin/initdb" -D "$data" -U "$db_user" -A trust -E UTF8 --locale=C.UTF-8 \
  --no-sync >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  exit 1
}

"${as_db_user[@]}" "$pg_bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
  -o "-c listen_addresses='' -k $dir -p $port -c fsync=off -c synchronous_commit=off \
-c full_page_writes=off -c max_connections=100" start >/dev/null || {
  cat "$log" >&2
  exit 1
}

"${as_db_user[@]}" "$pg_bin/createdb" -h "$dir" -p "$port" -U "$db_user" motcua_test

export MOTCUA_TEST_POSTGRES_URL="postgresql:///motcua_test?host=$dir&port=$port&user=$db_user"

set +e
"$@"
status=$?
set -e
exit "$status"
