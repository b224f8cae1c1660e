// Live payment status (issue 6): the officer's case page and the citizen's payment page, each
// open in its own tab, turn to paid by themselves (Server-Sent Events, static/live_status.js)
// when the citizen pays through motcua-sandbox in a third tab; the console list's payment
// badge too. No reload on the watching tabs. Data: the demo seed in a fresh database.
'use strict';

const assert = require('node:assert/strict');
const { journey } = require('./support/journey');
const { signIn } = require('./support/console');

const CASE = 'H34.22.6-240426-0002'; // H34.22.6, 2.000 + 1.000 VND unpaid
const LIVE_MS = 5_000; // the server is an ASan debug build; the events come within a second

journey('truc-tiep', { sandbox: true }, (step) => {
  let officer; // the officer's tab, on the case page
  let lookup; // the officer's second tab, on a case list
  let payer; // the citizen's payment page, left open
  let reloads = 0; // navigations of the watching tabs after they were opened

  // Runs `fn` with j.page set to `page`, so that j.check screenshots and audits that tab.
  async function on(j, page, fn) {
    const own = j.page;
    j.page = page;
    try {
      return await fn();
    } finally {
      j.page = own;
    }
  }

  step('the officer opens the case page: "Lệ phí" shows both lines unpaid', async (j) => {
    await signIn(j, 'demo', j.server.logins.demo);
    await j.goto(`/can-bo/ho-so/${encodeURIComponent(CASE)}`);
    officer = j.page;
    const fees = officer.getByRole('region', { name: 'Lệ phí' });
    const cells = await fees.locator('tr[data-live-line] td:nth-child(4)').allTextContents();
    assert.deepEqual(cells.map((s) => s.trim()), ['Chưa thanh toán', 'Chưa thanh toán']);
    await fees.scrollIntoViewIfNeeded();
    await j.check('can-bo-chua-thanh-toan');
  });

  step('a case list in a second tab shows the badge "Chưa thanh toán"', async (j) => {
    lookup = await officer.context().newPage();
    j.watch(lookup);
    await on(j, lookup, async () => {
      await j.goto(`/can-bo/tra-cuu/co-quan?ma=${encodeURIComponent(CASE)}`);
      const badge = lookup.locator(`[data-payment-badge="${CASE}"]`);
      assert.equal((await badge.textContent()).trim(), 'Chưa thanh toán');
      await j.check('danh-sach-chua-thanh-toan');
    });
  });

  step('the citizen opens the payment page in a third tab: 3.000 VND due', async (j) => {
    payer = await officer.context().newPage();
    j.watch(payer);
    await on(j, payer, async () => {
      await j.goto(`/thanh-toan?ma=${encodeURIComponent(CASE)}`);
      assert.match(await payer.locator('.pay-amount').textContent(), /3\.000 VND/);
      assert.ok(await payer.locator('.pub-qr').isVisible());
      await j.check('cong-dan-chua-thanh-toan');
    });
    for (const page of [officer, lookup, payer]) {
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) reloads += 1;
      });
    }
  });

  step('the citizen pays with MoMo on the sandbox in a fourth tab', async (j) => {
    const checkout = await officer.context().newPage();
    j.watch(checkout);
    try {
      const payUrl = await payer.locator('a.pub-button-pay').last().getAttribute('href');
      await checkout.goto(payUrl);
      assert.ok(checkout.url().startsWith(`${j.sandbox.url}/checkout/`), checkout.url());
      await checkout.getByRole('link', { name: 'MoMo', exact: true }).click();
      await checkout.waitForURL((url) => url.pathname.endsWith('/MOMO'));
      await Promise.all([
        checkout.waitForURL((url) => url.pathname === '/thanh-toan/ket-qua', { timeout: 30_000 }),
        checkout.getByRole('button', { name: 'Xác nhận thanh toán', exact: true }).click(),
      ]);
    } finally {
      await checkout.close();
    }
  });

  step('the officer\'s case page turned to paid by itself', async (j) => {
    const fees = officer.getByRole('region', { name: 'Lệ phí' });
    await officer.waitForFunction(
      () => [...document.querySelectorAll('tr[data-live-line] td:nth-child(4)')].every((el) => el.textContent.trim() === 'Đã thanh toán'),
      null,
      { timeout: LIVE_MS },
    );
    assert.equal((await fees.locator('[data-live="paid_total"]').textContent()).trim(), '3.000 VND');
    assert.equal((await fees.locator('[data-live="outstanding"]').textContent()).trim(), '');
    for (const method of await fees.locator('tr[data-live-line] td:nth-child(5)').allTextContents()) {
      assert.match(method, /^Trực tuyến qua CDVCQG \(Payment Platform\) · /);
    }
    assert.equal(await fees.locator('table.receipts tbody tr').count(), 1);
    assert.ok(await fees.getByRole('link', { name: 'Xem biên lai' }).isVisible());
    await on(j, officer, async () => {
      await officer.bringToFront();
      await fees.scrollIntoViewIfNeeded();
      await j.check('can-bo-da-thanh-toan');
    });
  });

  step('the citizen\'s payment page turned to paid, with the receipt link', async (j) => {
    await payer.locator('[data-live="settled"]:not([hidden])').waitFor({ timeout: LIVE_MS });
    assert.match(await payer.getByRole('status').textContent(), /đã được thanh toán đủ/);
    assert.equal(await payer.locator('.pub-qr').isVisible(), false);
    assert.match(await payer.locator('.pay-amount').textContent(), /^0 VND$/);
    const receipt = payer.getByRole('link', { name: /Thông tin biên lai thanh toán/ });
    assert.equal(await receipt.count(), 1);
    assert.match(await receipt.getAttribute('href'), /^\/tt\/[^/]+\/[^/]+\/bien-lai\/\d+\/pdf$/);
    await on(j, payer, async () => {
      await payer.bringToFront();
      await j.check('cong-dan-da-thanh-toan');
    });
  });

  step('the list\'s badge says "Đã thanh toán"; no watching tab was reloaded', async (j) => {
    const badge = lookup.locator(`[data-payment-badge="${CASE}"]`);
    await lookup.waitForFunction(
      (code) => document.querySelector(`[data-payment-badge="${code}"]`).textContent.trim() === 'Đã thanh toán',
      CASE,
      { timeout: LIVE_MS },
    );
    assert.equal((await badge.textContent()).trim(), 'Đã thanh toán');
    await on(j, lookup, async () => {
      await lookup.bringToFront();
      await j.check('danh-sach-da-thanh-toan');
    });
    assert.equal(reloads, 0, 'the watching tabs changed without a reload');
  });
});
