#!/usr/bin/env bash
# The HTTP benchmark: wrk against `motcua serve` on a database of N synthetic cases, with nginx
# answering a static `return 200` on another loopback port in the same run as the ceiling.
# Prints requests/s, the ratio to nginx and p99 latency per target (medians of the repeats).
#
# Usage: bench/http_bench.sh BUILD_DIR   (a release build: BUILD_DIR/src/apps/motcua/motcua)
# Settings (environment):
#   MOTCUA_HTTP_BENCH_CASES        synthetic cases (1000000)
#   MOTCUA_HTTP_BENCH_DURATION     each wrk run (15s)
#   MOTCUA_HTTP_BENCH_REPEAT       runs per target, interleaved (3)
#   MOTCUA_HTTP_BENCH_CONNECTIONS  wrk connections (64)
#   MOTCUA_HTTP_BENCH_THREADS      wrk threads (2)
#   MOTCUA_HTTP_BENCH_TARGETS      which targets, space-separated (all; nginx must be among them)
# The seeded database is cached as BUILD_DIR/bench-data/http-<N>-cases.db (about 1 kB a case;
# ~2 minutes to make 1,000,000 on SQLite) and reused by later runs; delete it to re-seed.
# Ports are picked free at start; motcua binds port 0 itself and prints the one it got.
set -euo pipefail

build=$(cd "${1:-build/release}" && pwd)
motcua=$build/src/apps/motcua/motcua
cases=${MOTCUA_HTTP_BENCH_CASES:-1000000}
duration=${MOTCUA_HTTP_BENCH_DURATION:-15s}
repeat=${MOTCUA_HTTP_BENCH_REPEAT:-3}
connections=${MOTCUA_HTTP_BENCH_CONNECTIONS:-64}
threads=${MOTCUA_HTTP_BENCH_THREADS:-2}

for tool in wrk nginx curl sqlite3 python3; do
  command -v "$tool" >/dev/null || { echo "http bench: $tool is missing (scripts/setup.sh)" >&2; exit 1; }
done
[ -x "$motcua" ] || { echo "http bench: no $motcua (build the release preset)" >&2; exit 1; }

work=$(mktemp -d /tmp/motcua-http-bench-XXXXXX)
serve_pid=""
nginx_pid=""
cleanup() {
  if [ -n "$serve_pid" ]; then kill -TERM "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
  if [ -n "$nginx_pid" ]; then kill -QUIT "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- the database: demo logins plus N synthetic cases, made once per N -----------------------
cache=$build/bench-data
db=$cache/http-$cases-cases.db
if [ ! -f "$db" ]; then
  mkdir -p "$cache"
  partial=$cache/http-$cases-cases.partial.db
  rm -f "$partial" "$partial-wal" "$partial-shm"
  echo "http bench: seeding $cases synthetic cases into $db (once; cached)"
  (cd "$work" && "$motcua" migrate --database "sqlite://$partial" >/dev/null &&
    "$motcua" seed demo --database "sqlite://$partial" >/dev/null &&
    "$motcua" seed synthetic --cases "$cases" --seed 1 --database "sqlite://$partial")
  sqlite3 "$partial" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
  mv "$partial" "$db"
  rm -f "$partial-wal" "$partial-shm"
fi

# --- samples: case codes spread over the table, code prefixes, names without diacritics ------
# The console's "Mã số hồ sơ" field (?ma=) matches a whole code, so the console search is timed
# with whole codes; the API is given a code prefix (a month of one unit), as its spec allows.
step=$((cases / 200 > 1 ? cases / 200 : 1))
sqlite3 "$db" "SELECT code, submitter_name FROM cases WHERE id % $step = 0 LIMIT 200;" \
  >"$work/samples.txt"
# The public payment page and API are timed on cases with fees still to pay (about one in seven
# of the synthetic ones): the page then renders the QR of the pay link, its dearest work.
pay_step=$((cases / 2000 > 1 ? cases / 2000 : 1))
# (status 11 is Đã hủy: the public page does not know a cancelled case.)
sqlite3 "$db" "SELECT code FROM cases c WHERE c.id % $pay_step = 0 AND c.status != 11 AND EXISTS
  (SELECT 1 FROM fee_lines f WHERE f.case_id = c.id AND f.paid = 0 AND f.amount > 0) LIMIT 200;" >"$work/due.txt"
python3 - "$work" <<'EOF'
import sys, unicodedata, urllib.parse
work = sys.argv[1]
codes, prefixes, names = [], [], []
for line in open(f"{work}/samples.txt", encoding="utf-8"):
    code, name = line.rstrip("\n").split("|", 1)
    codes.append(code)
    parts = code.split("-")  # H34.22.6-240426-0002 -> H34.22.6-2404 (a month of one unit)
    prefixes.append(parts[0] + "-" + parts[1][:4] if len(parts) == 3 else parts[0])
    folded = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    folded = "".join(c for c in folded if unicodedata.category(c) != "Mn").lower()
    names.append(folded)
q = lambda s: urllib.parse.quote(s, safe="")
lists = {
    "page": [f"/can-bo/ho-so/{q(c)}" for c in codes],
    "search_code": [f"/can-bo/tra-cuu/co-quan?ma={q(c)}" for c in codes],
    "search_name": [f"/can-bo/tra-cuu/co-quan?ten={q(n)}" for n in names],
    "api_code": [f"/api/v1/cases?code={q(p)}" for p in prefixes],
    "api_name": [f"/api/v1/cases?name={q(n)}" for n in names],
}
due = [line.strip() for line in open(f"{work}/due.txt", encoding="utf-8") if line.strip()]
lists["pay_page"] = [f"/thanh-toan?ma={q(c)}" for c in due]
lists["pay_api"] = [f"/api/v1/public/cases/{q(c)}/payment" for c in due]
for key, paths in lists.items():
    with open(f"{work}/{key}.paths", "w") as out:
        out.write("\n".join(paths) + "\n")
EOF
[ "$(wc -l <"$work/page.paths")" -gt 10 ] || { echo "http bench: too few cases sampled" >&2; exit 1; }

# --- nginx: the ceiling ----------------------------------------------------------------------
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
start_nginx() {
  nginx_port=$(free_port)
  mkdir -p "$work/nginx"
  cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    location / { return 200 "ok\n"; }
  }
}
EOF
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
  nginx_pid=$!
  for _ in $(seq 50); do
    curl -fs "http://127.0.0.1:$nginx_port/" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}
for attempt in 1 2 3; do  # the port may be taken between picking and binding: try another
  start_nginx && break
  kill -QUIT "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=""
  [ "$attempt" -lt 3 ] || { echo "http bench: nginx did not start" >&2; cat "$work/nginx/error.log" >&2; exit 1; }
done

# --- motcua: port 0, the access log on (info) and discarded ----------------------------------
# The public lookups are limited per client address (30 a minute by default); every wrk request
# comes from 127.0.0.1, so the limit is lifted to a million a minute for the run.
(cd "$work" && MOTCUA_SERVER_PUBLIC_LOOKUPS_PER_MINUTE=1000000 exec "$motcua" serve --database "sqlite://$db" --port 0 --no-demo \
  >"$work/serve.out" 2>/dev/null) &
serve_pid=$!
base=""
for _ in $(seq 600); do
  base=$(sed -n 's|.*console (Bộ phận Một cửa): \(http://[^ ]*\)/can-bo$|\1|p' "$work/serve.out")
  [ -n "$base" ] && break
  kill -0 "$serve_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$base" ] || { echo "http bench: motcua serve did not start:" >&2; cat "$work/serve.out" >&2; exit 1; }

# Sign in as the demo officer, who may look up the whole agency (H34).
jar=$work/cookies.txt
curl -fs -c "$jar" -b "$jar" "$base/can-bo/dang-nhap" >"$work/login.html"
csrf=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$work/login.html" | head -1)
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
  --data-urlencode "_csrf=$csrf" --data-urlencode username=demo \
  --data-urlencode password=motcua-demo "$base/can-bo/dang-nhap")
session=$(awk '$6 == "motcua_session" { print $7 }' "$jar")
[ "$status" = 303 ] && [ -n "$session" ] || { echo "http bench: sign-in failed (HTTP $status)" >&2; exit 1; }
cookie="motcua_session=$session"

# A target runs only when its first paths answer 200 (a redirect to the sign-in page would be
# fast and meaningless) and the console's pages show what was asked for: the case code on the
# case page and in the code search, a link to a case in the name search.
answers_200() {
  local list=$1 path code expected
  for path in $(head -3 "$work/$list.paths"); do
    code=$(curl -s -o "$work/probe.html" -w '%{http_code}' -H "Cookie: $cookie" "$base$path")
    [ "$code" = 200 ] || { last_status=$code; return 1; }
    case $list in
      page) expected=${path##*/} ;;
      search_code) expected=${path##*=} ;;
      search_name) expected=/can-bo/ho-so/ ;;
      pay_page) expected="<svg" ;;  # the QR of the pay link
      pay_api) expected='"pay_url":"http' ;;
      *) expected="" ;;
    esac
    if [ -n "$expected" ] && ! grep -qF "$expected" "$work/probe.html"; then
      echo "http bench: $base$path does not show $expected" >&2
      exit 1
    fi
  done
}

# One Lua script per target: every request the next path of the list, with the session cookie.
lua_for() {
  local list=$1 header=$2
  {
    echo "local paths = {"
    sed 's/.*/  "&",/' "$work/$list.paths"
    echo "}"
    echo "local i = 0"
    [ -n "$header" ] && echo "wrk.headers[\"Cookie\"] = \"$header\""
    echo 'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end'
  } >"$work/$list.lua"
}
echo "/" >"$work/nginx.paths"
lua_for nginx ""

targets=(${MOTCUA_HTTP_BENCH_TARGETS:-nginx search_code search_name api_code api_name page pay_page pay_api})
declare -A label=(
  [nginx]="nginx static return 200 (ceiling)"
  [search_code]="search page, whole code (?ma=)"
  [search_name]="search page, name without diacritics (?ten=)"
  [api_code]="GET /api/v1/cases?code= (prefix)"
  [api_name]="GET /api/v1/cases?name= (no diacritics)"
  [page]="case page /can-bo/ho-so/<code>"
  [pay_page]="public payment page /thanh-toan?ma= (QR)"
  [pay_api]="GET /api/v1/public/cases/{code}/payment"
)
declare -A url_of skipped
url_of[nginx]="http://127.0.0.1:$nginx_port"
for t in "${targets[@]}"; do
  [ "$t" = nginx ] && continue
  url_of[$t]=$base
  last_status=""
  if answers_200 "$t"; then
    # The public targets are asked as a citizen asks: without the officer's session.
    if [[ $t == pay_* ]]; then lua_for "$t" ""; else lua_for "$t" "$cookie"; fi
  else
    skipped[$t]="not available (HTTP $last_status)"
  fi
done

# wrk's "99%  12.34ms" in milliseconds.
p99_ms() {
  awk '$1 == "99%" {
    v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v);
    f = (unit == "us") ? 0.001 : (unit == "s") ? 1000 : (unit == "m") ? 60000 : 1;
    printf "%.2f\n", v * f }' "$1"
}

echo "http bench: $cases cases, wrk -t$threads -c$connections -d$duration --timeout 10s --latency, $repeat runs each"
echo "  motcua $base (pid $serve_pid), nginx http://127.0.0.1:$nginx_port (pid $nginx_pid)"
declare -A rps p99
for run in $(seq "$repeat"); do
  for t in "${targets[@]}"; do
    [ -n "${skipped[$t]:-}" ] && continue
    out=$work/$t.$run.txt
    wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s --latency -s "$work/$t.lua" "${url_of[$t]}" >"$out"
    r=$(awk '$1 == "Requests/sec:" { print $2 }' "$out")
    bad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")
    rps[$t]="${rps[$t]:-} $r"
    p99[$t]="${p99[$t]:-} $(p99_ms "$out")"
    printf '  run %d %-46s %10s req/s  p99 %8s ms%s\n' "$run" "${label[$t]}" "$r" \
      "$(p99_ms "$out")" "${bad:+  (non-2xx: $bad)}"
    grep -q "Socket errors" "$out" && sed -n 's/^ *Socket errors/    socket errors/p' "$out"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
nginx_rps=$(echo "${rps[nginx]}" | median)
echo
printf '%-46s %12s %10s %12s\n' "target (medians of $repeat)" "req/s" "/ nginx" "p99 ms"
for t in "${targets[@]}"; do
  if [ -n "${skipped[$t]:-}" ]; then
    printf '%-46s %s\n' "${label[$t]}" "${skipped[$t]}"
    continue
  fi
  m=$(echo "${rps[$t]}" | median)
  printf '%-46s %12s %10s %12s\n' "${label[$t]}" "$m" \
    "$(awk -v a="$m" -v b="$nginx_rps" 'BEGIN { printf "%.4f", a / b }')" \
    "$(echo "${p99[$t]}" | median)"
done
