#!/usr/bin/env bash
# Installs every Debian package motcua needs to build, test, run and benchmark.
# Idempotent: when everything is present it only checks and returns in a few seconds.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config clang-format git
  # libraries
  libutf8proc-dev libqrencode-dev libpng-dev libcli11-dev libfmt-dev
  libtomlplusplus-dev libboost-json1.81-dev libboost-url1.81-dev libkainjow-mustache-dev
  # storage, password hashing, the procedure catalogue
  libsoci-dev libsqlite3-dev libpq-dev libsodium-dev libcsv-dev
  # structured logging (JSON lines)
  libspdlog-dev
  # servers and tools for the storage tests (scripts/with-postgres.sh starts its own cluster)
  postgresql-15 sqlite3
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev zbar-tools
  # HTTP benchmark: load generator, the static ceiling, the login of bench/http_bench.sh
  wrk nginx-light curl python3
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
