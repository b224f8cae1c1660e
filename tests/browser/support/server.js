// Starts the real `motcua serve` on a free port with a fresh SQLite file, and stops it.
//
// Contract: startServer() resolves once /healthz answers 200, with { url, logins, output, stop };
// stop() sends SIGTERM, waits for the process to exit (SIGKILL after a grace period) and removes
// the temporary directory. It is safe to call stop() more than once.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const STARTUP_TIMEOUT_MS = 60_000; // migrations + demo seed (argon2id) under ASan
const STOP_TIMEOUT_MS = 15_000;

function motcuaBinary() {
  const bin = process.env.MOTCUA_BIN;
  if (!bin) throw new Error('MOTCUA_BIN is not set (ctest passes the motcua binary path)');
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

async function startServer() {
  const bin = motcuaBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-browser-'));
  const database = `sqlite://${path.join(dir, 'motcua.db')}`;
  // The temporary directory is the working directory, so no motcua.toml is read.
  const child = spawn(bin, ['serve', '--port', '0', '--database', database], {
    cwd: dir,
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

  try {
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    let banner = null;
    while (!(banner = parseBanner(stdout))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`motcua serve did not print its URL.\nstdout:\n${stdout}\nstderr:\n${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await waitHealthy(banner.url, child, deadline);
    return {
      url: banner.url,
      logins: banner.logins,
      output: () => ({ stdout, stderr }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

module.exports = { startServer, parseBanner };
