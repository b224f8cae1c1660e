// One user journey through the console: a real motcua server, one chromium page, steps run in
// order. Each journey file calls journey(name, (step) => { step('...', async (j) => ...) }).
// journey(name, { sandbox: true }, body) also starts motcua-sandbox (the payment platform) and
// points the server at it (MOTCUA_PAYMENT_SANDBOX_URL); j.sandbox.url is its address.
//
// After the first failing step the later ones are skipped (their failures would only echo the
// first); the failing page is saved as <name>-FAILED.png beside the other screenshots.
//
// j.check(name) is the bar every console page must pass: <html lang="vi">, a full-page
// screenshot <output>/<journey>-NN-<name>.png, axe-core with no serious or critical violation,
// and no console error, uncaught exception or CSP violation since the previous check.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');

const { startServer, startSandbox } = require('./server');
const { launchBrowser } = require('./browser');

const STEP_TIMEOUT_MS = 60_000;
const SETUP_TIMEOUT_MS = 90_000;

function outputDir() {
  const dir = process.env.MOTCUA_BROWSER_OUTPUT || path.join(os.tmpdir(), 'motcua-browser-output');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

// axe-core is evaluated in the page through the DevTools protocol, which the page's CSP does not
// govern (a <script> tag would be refused). @axe-core/playwright does the same but opens an
// extra page for every analysis, which doubles the time of the suite under ASan.
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function runAxe(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
}

function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`)
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

class Journey {
  constructor(name, { sandbox = false } = {}) {
    this.name = name;
    this.withSandbox = sandbox;
    this.dir = outputDir();
    this.shots = 0;
    this.problems = []; // console errors, page errors, CSP violations since the last check
    this.failed = false;
    for (const old of fs.readdirSync(this.dir)) {
      if (old.startsWith(`${name}-`) && old.endsWith('.png')) fs.rmSync(path.join(this.dir, old));
    }
  }

  async start() {
    const env = {};
    if (this.withSandbox) {
      this.sandbox = await startSandbox();
      env.MOTCUA_PAYMENT_SANDBOX_URL = this.sandbox.url;
    }
    this.server = await startServer({ env });
    this.browser = await launchBrowser();
    this.page = this.browser.page;
    this.watch(this.page);
  }

  // Records the page's console errors, uncaught exceptions and failed loads for check().
  watch(page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    // chromium's console line for a failed load names no URL: record which one it was.
    page.on('response', (response) => {
      if (response.status() >= 400) {
        this.problems.push(`http ${response.status()}: ${response.request().method()} ${response.url()}`);
      }
    });
  }

  // Runs `fn(j)` in a second browser with an empty profile (no cookie of the journey's own
  // session): j.page, j.goto and j.check act on the fresh page until fn settles, then the
  // journey's page is back and the second browser is closed.
  async inFreshBrowser(fn) {
    const own = this.page;
    const fresh = await launchBrowser();
    this.watch(fresh.page);
    this.page = fresh.page;
    try {
      return await fn(this);
    } finally {
      this.page = own;
      await fresh.close();
    }
  }

  async finish() {
    if (this.browser) await this.browser.close();
    if (this.server) await this.server.stop();
    if (this.sandbox) await this.sandbox.stop();
  }

  url(pathname) {
    return `${this.server.url}${pathname}`;
  }

  // Navigates and insists on `status` (200 unless told).
  async goto(pathname, status = 200) {
    const response = await this.page.goto(this.url(pathname));
    assert.equal(response.status(), status, `GET ${pathname}`);
    return response;
  }

  // Console messages the step expects (e.g. chromium's "Failed to load resource" line for a
  // page answered 422 on purpose) are dropped by `expected`, a list of regular expressions.
  async check(name, { expected = [] } = {}) {
    const page = this.page;
    assert.equal(await page.getAttribute('html', 'lang'), 'vi', `lang of ${page.url()}`);
    this.shots += 1;
    const file = `${this.name}-${String(this.shots).padStart(2, '0')}-${name}.png`;
    await page.screenshot({ path: path.join(this.dir, file), fullPage: true });

    const results = await runAxe(page);
    assert.ok(results.passes.length > 10, `axe-core checked next to nothing on ${page.url()}`);
    const blocking = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.equal(
      blocking.length,
      0,
      `axe-core on ${page.url()} (${file}):\n${describeViolations(blocking)}`,
    );

    const problems = this.problems.filter((p) => !expected.some((re) => re.test(p)));
    this.problems = [];
    assert.deepEqual(problems, [], `console of ${page.url()} (${file})`);
  }

  async saveFailure() {
    if (!this.page) return;
    const file = path.join(this.dir, `${this.name}-FAILED.png`);
    await this.page.screenshot({ path: file, fullPage: true }).catch(() => {});
    process.stderr.write(`browser test ${this.name}: failing page at ${this.page.url()}, see ${file}\n`);
    if (this.server) {
      const { stderr } = this.server.output();
      const tail = stderr.trimEnd().split('\n').slice(-20).join('\n');
      process.stderr.write(`last lines of motcua's stderr:\n${tail}\n`);
    }
    if (this.sandbox) {
      const { stdout, stderr } = this.sandbox.output();
      const tail = `${stdout}${stderr}`.trimEnd().split('\n').slice(-20).join('\n');
      process.stderr.write(`last lines of motcua-sandbox's output:\n${tail}\n`);
    }
  }
}

function journey(name, options, body) {
  if (body === undefined) [options, body] = [{}, options];
  describe(name, () => {
    const j = new Journey(name, options);
    before(() => j.start(), { timeout: SETUP_TIMEOUT_MS });
    after(() => j.finish(), { timeout: SETUP_TIMEOUT_MS });
    const step = (title, fn) =>
      it(title, { timeout: STEP_TIMEOUT_MS }, async (t) => {
        if (j.failed) return t.skip('an earlier step failed');
        try {
          await fn(j);
        } catch (error) {
          j.failed = true;
          await j.saveFailure();
          throw error;
        }
      });
    body(step);
  });
}

module.exports = { journey };
