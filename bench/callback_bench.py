#!/usr/bin/env python3
"""Signed payment callbacks confirmed per second, against durable SQLite commits in the same run.

Usage: bench/callback_bench.py BUILD_DIR   (a release build: motcua and motcua-sandbox in it)

Each run: a fresh copy of a SQLite database (the demo seed plus synthetic cases, made once per
run of this script), the real `motcua-sandbox` on a free port and `motcua serve` pointed at it.
N cases with fees to pay get a platform transaction the way a citizen's phone makes one: the
public API gives the pay link (the QR's URL), and opening it answers 303 to the sandbox's
checkout. Then the sandbox's test-control API completes all N (succeeded, MoMo) as fast as 8
client threads can ask, and the sandbox delivers N signed callbacks to motcua (4 delivery
threads). The time runs from the first "complete" sent to the moment the database holds N
applied events (rows of applied_events, written in the transaction that marks the lines paid),
polled every 2 ms through a read-only connection (WAL lets it read while motcua writes).

The baseline, in the same run: N single-row INSERT transactions, each committed on its own, on a
fresh file with motcua's pragmas (journal_mode=WAL, synchronous=FULL:
src/adapters/storage/connection.cc), so each commit is an fsync like each applied callback.

Settings (environment): MOTCUA_CALLBACK_BENCH_N (500 callbacks a run),
MOTCUA_CALLBACK_BENCH_REPEAT (3 runs; medians are printed), MOTCUA_CALLBACK_BENCH_DELIVERY_THREADS
(the sandbox's delivery threads, 4: how many callbacks reach motcua at once).
"""
import concurrent.futures
import http.client
import json
import os
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

N = int(os.environ.get("MOTCUA_CALLBACK_BENCH_N", "500"))
REPEAT = int(os.environ.get("MOTCUA_CALLBACK_BENCH_REPEAT", "3"))
DELIVERY_THREADS = os.environ.get("MOTCUA_CALLBACK_BENCH_DELIVERY_THREADS", "4")
TIMEOUT_S = 180


def fail(message):
    print(f"callback bench: {message}", file=sys.stderr)
    sys.exit(1)


def request(base, method, target, body=None):
    """One HTTP request (no redirect followed): (status, headers, body bytes)."""
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        conn.request(method, target, body=body, headers=headers)
        r = conn.getresponse()
        return r.status, dict(r.getheaders()), r.read()
    finally:
        conn.close()


class Process:
    """A child whose stdout is read until a line matches `pattern`; stopped with SIGTERM."""

    def __init__(self, args, pattern, env=None, cwd=None):
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     env={**os.environ, **(env or {})}, cwd=cwd, text=True)
        deadline = time.time() + 60
        self.seen = ""
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            self.seen += line
            m = re.search(pattern, line)
            if m:
                self.url = m.group(1)
                return
        self.stop()
        fail(f"{args[0]} did not start:\n{self.seen}")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def seed(motcua, work):
    """The database every run copies: the demo world and enough synthetic cases with fees."""
    db = os.path.join(work, "seed.db")
    cases = max(40 * N, 4000)  # about one synthetic case in seven has fees to pay
    for args in (["migrate"], ["seed", "demo"],
                 ["seed", "synthetic", "--cases", str(cases), "--seed", "1"]):
        subprocess.run([motcua, *args, "--database", f"sqlite://{db}"], cwd=work, check=True,
                       stdout=subprocess.DEVNULL)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        codes = [r[0] for r in conn.execute(
            "SELECT code FROM cases c WHERE EXISTS (SELECT 1 FROM fee_lines f WHERE"
            " f.case_id = c.id AND f.paid = 0 AND f.amount > 0) ORDER BY id LIMIT ?", (2 * N,))]
    if len(codes) < N:
        fail(f"only {len(codes)} seeded cases have fees to pay (need {N})")
    # Some are cancelled (the public page does not know them): twice as many candidates.
    return db, codes


def open_pay_link(base, code):
    """The QR's URL from the public API, then the 303 to the checkout: the transaction id, or
    None for a case the public page does not offer to pay (cancelled)."""
    status, _, body = request(base, "GET",
                              f"/api/v1/public/cases/{urllib.parse.quote(code, safe='')}/payment")
    if status == 404:
        return None
    if status != 200:
        raise RuntimeError(f"public API for {code}: HTTP {status}")
    pay_url = json.loads(body)["pay_url"]
    if not pay_url:
        return None
    status, headers, body = request(base, "GET", urllib.parse.urlsplit(pay_url).path)
    location = headers.get("Location", "")
    m = re.search(r"/checkout/([^/?#]+)$", location)
    if status != 303 or not m:
        raise RuntimeError(f"pay link of {code}: HTTP {status} to '{location}' {body[:200]!r}")
    return m.group(1)


def applied(db_path):
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute(
            "SELECT count(*) FROM applied_events").fetchone()[0]
    finally:
        conn.close()


def callback_run(motcua, sandbox_bin, seed_db, codes, work, run):
    run_dir = os.path.join(work, f"run{run}")
    os.makedirs(run_dir)
    db = os.path.join(run_dir, "motcua.db")
    shutil.copy(seed_db, db)
    sandbox = Process([sandbox_bin, "--port", "0", "--delivery-threads", DELIVERY_THREADS],
                      r"listening on (http://\S+)", cwd=run_dir)
    serve = None
    try:
        serve = Process([motcua, "serve", "--port", "0", "--no-demo", "--database",
                         f"sqlite://{db}"],
                        r"console \(Bộ phận Một cửa\): (http://\S+)/can-bo",
                        env={"MOTCUA_PAYMENT_SANDBOX_URL": sandbox.url,
                             "MOTCUA_SERVER_PUBLIC_LOOKUPS_PER_MINUTE": "1000000",
                             "MOTCUA_LOG_LEVEL": "warn"},
                        cwd=run_dir)
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            opened = pool.map(lambda c: open_pay_link(serve.url, c), codes)
            transactions = [t for t in opened if t is not None][:N]
        if len(set(transactions)) != N:
            fail("the pay links did not make N distinct transactions")
        if applied(db) != 0:
            fail("events applied before any payment")

        def complete(txn):
            status, _, body = request(sandbox.url, "POST", f"/test/v1/transactions/{txn}/complete",
                                      json.dumps({"outcome": "succeeded", "channel": "MOMO"}))
            if status != 200:
                raise RuntimeError(f"complete {txn}: HTTP {status} {body[:200]!r}")

        start = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            pending = [pool.submit(complete, t) for t in transactions]
            done = 0
            while done < N:
                if time.perf_counter() - start > TIMEOUT_S:
                    fail(f"only {done} of {N} callbacks applied after {TIMEOUT_S} s")
                done = applied(db)
                if done < N:
                    time.sleep(0.002)
            elapsed = time.perf_counter() - start
            for f in pending:
                f.result()
        return N / elapsed, elapsed
    finally:
        if serve:
            serve.stop()
        sandbox.stop()


def sqlite_baseline(work, run):
    path = os.path.join(work, f"baseline{run}.db")
    conn = sqlite3.connect(path, isolation_level=None)
    mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if mode != "wal":
        fail(f"journal_mode is {mode}, not wal")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE,"
                 " payload TEXT NOT NULL)")
    payload = "x" * 300  # about a callback's body
    start = time.perf_counter()
    for i in range(N):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO events (event_id, payload) VALUES (?, ?)", (f"EV{i}", payload))
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return N / elapsed


def main():
    build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/release")
    motcua = os.path.join(build, "src/apps/motcua/motcua")
    sandbox_bin = os.path.join(build, "src/apps/motcua-sandbox/motcua-sandbox")
    for b in (motcua, sandbox_bin):
        if not os.access(b, os.X_OK):
            fail(f"no {b} (build the release preset)")
    work = tempfile.mkdtemp(prefix="motcua-callback-bench-")
    try:
        seed_db, codes = seed(motcua, work)
        print(f"callback bench: {N} callbacks a run, {REPEAT} runs, {DELIVERY_THREADS} delivery"
              " threads, SQLite (WAL, synchronous=FULL)")
        callbacks, commits = [], []
        for run in range(1, REPEAT + 1):
            rate, elapsed = callback_run(motcua, sandbox_bin, seed_db, codes, work, run)
            base = sqlite_baseline(work, run)
            callbacks.append(rate)
            commits.append(base)
            print(f"  run {run}: callbacks applied {rate:9.1f}/s ({elapsed:.2f} s)   "
                  f"raw SQLite commits {base:9.1f}/s")
        c, b = statistics.median(callbacks), statistics.median(commits)
        print()
        print(f"{'measure (medians)':46} {'per s':>10} {'/ SQLite':>10}")
        print(f"{'raw SQLite single-row durable commits':46} {b:10.1f} {1:10.4f}")
        print(f"{'signed callbacks applied (sandbox -> motcua)':46} {c:10.1f} {c / b:10.4f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
