// The counter screen ("màn hình phụ", issue 6): a tablet at the counter opens /man-hinh-phu in
// its own browser (no sign-in) and shows a pairing code; the officer types it in the console's
// "Màn hình phụ" page, then "Hiển thị cho người nộp" on the case: the tablet shows the payer,
// the case code, the amount and the QR by itself (no reload); the QR, decoded by zbarimg from a
// screenshot as a phone would, is the case's pay link; the citizen pays on the real
// motcua-sandbox and the tablet turns to "Thanh toán thành công" with the receipt number.
// Data: the demo seed (src/app/demo_seed.cc) in a fresh database.
'use strict';

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { journey } = require('./support/journey');
const { launchBrowser } = require('./support/browser');
const { signIn, assertHeading } = require('./support/console');

const CASE = 'H34.22.6-240426-0002'; // H34.22.6, 2.000 + 1.000 VND unpaid
const UPDATE_MS = 10_000; // the tablet polls every second; an ASan build answers slowly

journey('man-hinh-phu', { sandbox: true }, (step) => {
  let tablet = null; // the tablet's own browser, kept open through the journey
  let payUrl = '';

  // Runs fn with j.page (and so j.check) on the tablet's page.
  async function onTablet(j, fn) {
    const own = j.page;
    j.page = tablet.page;
    try {
      return await fn(tablet.page);
    } finally {
      j.page = own;
    }
  }

  // The tablet's visible text, spaces collapsed.
  async function shown(page) {
    return (await page.locator('#screen').innerText()).replace(/\s+/g, ' ').trim();
  }

  step('the tablet opens /man-hinh-phu without signing in and shows a pairing code', async (j) => {
    tablet = await launchBrowser();
    j.watch(tablet.page);
    await onTablet(j, async (page) => {
      const response = await page.goto(j.url('/man-hinh-phu'));
      assert.equal(response.status(), 200);
      const code = (await page.locator('#pairing-code').textContent()).trim();
      assert.match(code, /^\d{6}$/);
      assert.match(await shown(page), /Ghép nối màn hình phụ/);
      const [cookie] = (await tablet.context.cookies()).filter((c) => c.name === 'motcua_screen');
      assert.ok(cookie, 'the screen keeps its secret in a cookie');
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Strict');
      await j.check('ghep-noi');
    });
  });

  step('the officer types the code under "Màn hình phụ": the tablet greets by itself', async (j) => {
    const page = j.page;
    const code = (await tablet.page.locator('#pairing-code').textContent()).trim();
    await signIn(j, 'demo', j.server.logins.demo);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/can-bo/man-hinh-phu'),
      page.getByRole('link', { name: 'Màn hình phụ', exact: true }).click(),
    ]);
    await assertHeading(j, 'Màn hình phụ');
    await j.check('can-bo-man-hinh-phu');
    await page.getByLabel('Mã ghép nối').fill(code);
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('ket-qua') === 'ghep-noi'),
      page.getByRole('button', { name: 'Ghép nối', exact: true }).click(),
    ]);
    assert.equal((await page.getByRole('status').textContent()).trim(), 'Đã ghép nối màn hình phụ.');
    assert.ok(await page.getByRole('button', { name: 'Ngắt kết nối' }).isVisible());
    await j.check('da-ghep-noi');

    await onTablet(j, async (tab) => {
      await tab.locator('.screen-welcome').waitFor({ timeout: UPDATE_MS });
      assert.match(await shown(tab), /Chào mừng quý khách/);
      assert.match(await shown(tab), /Bộ phận TN&TKQ phường Trần Hưng Đạo/);
      await j.check('chao-mung');
    });
  });

  step('"Hiển thị cho người nộp" puts payer, code, amount and QR on the tablet', async (j) => {
    const page = j.page;
    await j.goto(`/can-bo/ho-so/${CASE}`);
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('man-hinh-phu') === 'da-hien-thi'),
      page.getByRole('button', { name: 'Hiển thị cho người nộp', exact: true }).click(),
    ]);
    assert.match(
      await page.getByRole('region', { name: 'Lệ phí' }).textContent(),
      /Đã hiển thị thông tin thanh toán trên màn hình phụ\./,
    );
    await j.check('hien-thi-cho-nguoi-nop');

    await onTablet(j, async (tab) => {
      await tab.locator('#screen-qr svg').waitFor({ timeout: UPDATE_MS });
      const facts = (await tab.locator('.screen-facts').innerText()).replace(/\s+/g, ' ');
      assert.match(facts, /Người nộp tiền VÕ ĐẶNG NGỌC GIẢ/);
      assert.match(facts, new RegExp(`Mã hồ sơ ${CASE.replace(/\./g, '\\.')}`));
      assert.match(facts, /Phí lệ phí 3\.000 VND/);
      assert.match(await shown(tab), /sử dụng chức năng camera của điện thoại di động để quét mã QR/);
      // The QR as a phone sees it: a PNG of the element, decoded by zbarimg.
      const png = path.join(j.dir, `${j.name}-ma-qr.png`);
      await tab.locator('#screen-qr').screenshot({ path: png });
      payUrl = execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' }).trim();
      await j.check('ma-qr');
    });

    // The same pay link as the public payment page's QR and "Thanh toán" button.
    await j.inFreshBrowser(async () => {
      await j.goto(`/thanh-toan?ma=${encodeURIComponent(CASE)}`);
      const button = j.page.locator('a.pub-button-pay', { hasText: /Thanh toán/ }).last();
      assert.equal(payUrl, await button.getAttribute('href'));
    });
    assert.ok(payUrl.startsWith(new URL(`/tt/${encodeURIComponent(CASE)}/`, j.server.url).href));
  });

  step('the citizen pays on the platform: the tablet shows "Thanh toán thành công"', async (j) => {
    await j.inFreshBrowser(async () => {
      const page = j.page;
      await page.goto(payUrl);
      assert.ok(page.url().startsWith(`${j.sandbox.url}/checkout/`), `landed on ${page.url()}`);
      await page.getByRole('link', { name: 'MoMo', exact: true }).click();
      await page.waitForURL((url) => url.pathname.endsWith('/MOMO'));
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/thanh-toan/ket-qua', { timeout: 30_000 }),
        page.getByRole('button', { name: 'Xác nhận thanh toán', exact: true }).click(),
      ]);
    });

    await onTablet(j, async (tab) => {
      // The signed callback may come a moment after the payer's browser returned.
      await tab.locator('.screen-success').waitFor({ timeout: 30_000 });
      const text = await shown(tab);
      assert.match(text, /Thanh toán thành công/);
      assert.match(text, /Số tiền đã thanh toán 3\.000 VND/);
      assert.match(text, /Biên lai số \d{7}/);
      assert.equal(await tab.locator('#screen-qr').count(), 0);
      await j.check('thanh-toan-thanh-cong');
    });
  });

  step('the tablet closes', async () => {
    await tablet.close();
    tablet = null;
  });
});
