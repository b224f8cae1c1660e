// Starts the real `motcua serve` on a free port with a fresh SQLite file, and stops it; and the
// real `motcua-sandbox` (the payment platform) next to it when a journey pays.
//
// Contract: startServer({ env }) resolves once /healthz answers 200, with { url, logins, output,
// stop }; `env` is added to the server's environment (e.g. MOTCUA_PAYMENT_SANDBOX_URL).
// startSandbox() resolves once the sandbox printed "listening on <url>", with { url, output,
// stop }. stop() sends SIGTERM, waits for the process to exit (SIGKILL after a grace period) and
// removes the temporary directory. It is safe to call stop() more than once.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const STARTUP_TIMEOUT_MS = 60_000; // migrations + demo seed (argon2id) under ASan
const STOP_TIMEOUT_MS = 15_000;

function binary(variable) {
  const bin = process.env[variable];
  if (!bin) throw new Error(`${variable} is not set (ctest passes the binary's path)`);
  fs.accessSync(bin, fs.constants.X_OK);
  return bin;
}

// The console URL and the demo logins, as `motcua serve` prints them (serve_command.cc):
//   "  console (Bộ phận Một cửa): http://127.0.0.1:PORT/can-bo"
//   "  demo / motcua-demo  (officer, ...)"
function parseBanner(text) {
  const console = text.match(/console \(Bộ phận Một cửa\): (http:\/\/[^\s/]+)\/can-bo/);
  if (!console) return null;
  const logins = {};
  for (const m of text.matchAll(/^ {2}(\S+) \/ (\S+) {2}\(/gm)) logins[m[1]] = m[2];
  return { url: console[1], logins };
}

async function waitHealthy(url, child, deadline) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`motcua exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url}/healthz did not answer 200 in time`);
}

// Spawns `bin args` in a fresh temporary directory (its working directory, so no motcua.toml is
// read) and collects its output. Returns { child, dir, stdout(), stderr(), stop }.
function spawnInTemp(bin, args, env = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-browser-'));
  const child = spawn(bin, args(dir), {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Safety net if the test process dies before stop(): never leave a server or a file behind.
  const onExit = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { child, dir, stdout: () => stdout, stderr: () => stderr, stop };
}

// Waits until parse(stdout) gives a value; throws with both outputs when the process exits first
// or the deadline passes.
async function waitForBanner(proc, parse, what, deadline) {
  let found = null;
  while (!(found = parse(proc.stdout()))) {
    if (proc.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`${what} did not print its URL.\nstdout:\n${proc.stdout()}\nstderr:\n${proc.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return found;
}

async function startServer({ env = {} } = {}) {
  const bin = binary('MOTCUA_BIN');
  const proc = spawnInTemp(
    bin,
    (dir) => ['serve', '--port', '0', '--database', `sqlite://${path.join(dir, 'motcua.db')}`],
    env,
  );
  try {
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    const banner = await waitForBanner(proc, parseBanner, 'motcua serve', deadline);
    await waitHealthy(banner.url, proc.child, deadline);
    return {
      url: banner.url,
      logins: banner.logins,
      output: () => ({ stdout: proc.stdout(), stderr: proc.stderr() }),
      stop: proc.stop,
    };
  } catch (error) {
    await proc.stop();
    throw error;
  }
}

// motcua-sandbox with its development keys (the defaults of `motcua serve` match them) on a free
// port; it prints "listening on http://127.0.0.1:<port>" once bound (payment-platform.md).
async function startSandbox() {
  const bin = binary('MOTCUA_SANDBOX_BIN');
  const proc = spawnInTemp(bin, () => ['--port', '0']);
  try {
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    const url = await waitForBanner(
      proc,
      (text) => text.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1],
      'motcua-sandbox',
      deadline,
    );
    return { url, output: () => ({ stdout: proc.stdout(), stderr: proc.stderr() }), stop: proc.stop };
  } catch (error) {
    await proc.stop();
    throw error;
  }
}

module.exports = { startServer, startSandbox, parseBanner };
