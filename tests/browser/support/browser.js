// Debian's chromium driven by playwright-core, with the flags of DESIGN §4: without the
// background-networking flags chromium hangs on connections the closed network refuses.
//
// Contract: launchBrowser() resolves to { context, page, close }; the context uses a fresh,
// empty profile directory that close() removes. It throws when /usr/bin/chromium is missing,
// so a machine without it fails the test instead of skipping it.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.MOTCUA_CHROMIUM || '/usr/bin/chromium';
const ACTION_TIMEOUT_MS = 20_000; // the server is an ASan debug build

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (scripts/setup.sh)`);
  }
  // launchPersistentContext owns --user-data-dir: playwright refuses it among the args.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      locale: 'vi-VN',
      viewport: { width: 1280, height: 800 },
      timeout: 60_000,
    });
  } catch (error) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

module.exports = { launchBrowser, CHROMIUM_FLAGS };
