#!/usr/bin/env bash
# `make run`: motcua-sandbox (the payment platform, 127.0.0.1:8090) next to `motcua serve`
# (127.0.0.1:8080) pointed at it, both from BUILD_DIR (a release build). Ctrl+C (or SIGTERM)
# stops both; if either exits on its own, the other is stopped too and its status is returned.
# Usage: scripts/run.sh [BUILD_DIR]   (build/release unless told)
# Settings (environment): MOTCUA_SANDBOX_PORT (8090); every other MOTCUA_* variable reaches the
# programs as usual (e.g. MOTCUA_PAYMENT_SANDBOX_URL to use another platform).
set -euo pipefail

build=${1:-build/release}
motcua=$build/src/apps/motcua/motcua
sandbox=$build/src/apps/motcua-sandbox/motcua-sandbox
for bin in "$motcua" "$sandbox"; do
  [ -x "$bin" ] || { echo "run: no $bin (make build-release)" >&2; exit 1; }
done

sandbox_port=${MOTCUA_SANDBOX_PORT:-8090}
sandbox_pid=""
serve_pid=""
stop_all() {
  for pid in $serve_pid $sandbox_pid; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $serve_pid $sandbox_pid; do wait "$pid" 2>/dev/null || true; done
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM

"$sandbox" --host 127.0.0.1 --port "$sandbox_port" &
sandbox_pid=$!
# The sandbox prints "listening on ..." once bound; wait for its port before motcua needs it.
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$sandbox_port") 2>/dev/null && break
  kill -0 "$sandbox_pid" 2>/dev/null || { wait "$sandbox_pid"; exit $?; }
  sleep 0.1
done

MOTCUA_PAYMENT_SANDBOX_URL=${MOTCUA_PAYMENT_SANDBOX_URL:-http://127.0.0.1:$sandbox_port} \
  "$motcua" serve &
serve_pid=$!

# Whichever stops first (a bad option, a port in use) takes the other down with it.
status=0
wait -n "$serve_pid" "$sandbox_pid" || status=$?
stop_all
exit "$status"
