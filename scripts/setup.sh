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
  # printed documents: receipts and intake slips as PDF, Vietnamese text shaped by pango,
  # Noto fonts embedded and subset by cairo
  libcairo2-dev libpango1.0-dev fonts-noto-core
  # uploaded files: their types decided by content (libmagic, the `file` database)
  libmagic-dev
  # servers and tools for the storage tests (scripts/with-postgres.sh starts its own cluster)
  postgresql-15 sqlite3
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev zbar-tools
  # PDF checks: pdftotext, pdffonts, pdftoppm
  poppler-utils
  # browser tests: Debian's chromium driven by playwright-core (tests/browser), a font with
  # Vietnamese marks for the screenshots
  chromium fonts-dejavu-core
  # HTTP benchmark: load generator, the static ceiling, the login of bench/http_bench.sh
  wrk nginx-light curl python3
)
# Node.js and npm for the browser tests. Asked for by command, not by package: a machine may
# carry another build of Node.js whose package conflicts with Debian's npm (and ships npm itself).
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The browser tests' npm packages, exactly as package-lock.json pins them. `npm ci` runs only
# when node_modules was not installed from this very lock file (a stamp holds its hash).
browser_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/browser"
stamp="$browser_dir/node_modules/.motcua-lock.sha256"
lock_hash="$(sha256sum "$browser_dir/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]; then
  echo "setup: npm ci in tests/browser"
  (cd "$browser_dir" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" >"$stamp"
fi
