// Journey A's payment, end to end (issue 5, the guide huong-dan-thanh-toan-qr): the citizen finds
// the case on the public site ("Hỗ trợ" → "Thanh toán trực tuyến"), scans the QR (decoded with
// zbarimg from a screenshot, as a phone would), pays on the real motcua-sandbox's checkout pages
// and comes back to motcua's return page and receipt; the payment page then has nothing left to
// pay, and the officer sees both fee lines paid online in the case's "Lệ phí" with the receipt.
// Data: the demo seed (src/app/demo_seed.cc) in a fresh database.
'use strict';

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { journey } = require('./support/journey');
const { signIn, assertHeading, openMenu, search } = require('./support/console');

const CASE = 'H34.22.6-240426-0002'; // H34.22.6, 2.000 + 1.000 VND unpaid
const ONLINE = 'Trực tuyến qua CDVCQG (Payment Platform)';
const PAID_ONLINE = /^Trực tuyến qua CDVCQG \(Payment Platform\) · \d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d · PP\d{11}$/;

// Fetches `href` with the page's cookies: a PDF shown inline.
async function assertPdf(page, href) {
  const response = await page.request.get(new URL(href, page.url()).toString());
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  assert.match(response.headers()['content-disposition'], /^inline; filename="bien-lai-.+\.pdf"$/);
  assert.equal((await response.body()).subarray(0, 5).toString('latin1'), '%PDF-');
}

// The facts of the payment page as "Label: value" lines of .pub-pay-facts.
async function facts(page) {
  const lines = await page.locator('.pub-pay-facts p').allTextContents();
  return lines.map((s) => s.replace(/\s+/g, ' ').trim());
}

journey('thanh-toan', { sandbox: true }, (step) => {
  let payUrl = '';
  let receiptNumber = '';

  step('the home page opens "Hỗ trợ" → "Thanh toán trực tuyến"', async (j) => {
    const page = j.page;
    await j.goto('/');
    await j.check('trang-chu');
    const menu = page.locator('nav.pub-menu');
    await menu.getByText('Hỗ trợ', { exact: true }).click();
    const link = menu.getByRole('link', { name: 'Thanh toán trực tuyến', exact: true });
    assert.ok(await link.isVisible(), 'the "Hỗ trợ" menu shows "Thanh toán trực tuyến"');
    await j.check('menu-ho-tro');
    await Promise.all([page.waitForURL((url) => url.pathname === '/thanh-toan'), link.click()]);
    await assertHeading(j, 'Thanh toán trực tuyến');
    await j.check('thanh-toan');
  });

  step('the case code and "Tìm kiếm" show the payer, the content, the fee and the QR', async (j) => {
    const page = j.page;
    await page.getByLabel('Nhập mã hồ sơ').fill(CASE);
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('ma') === CASE),
      page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click(),
    ]);
    const shown = await facts(page);
    assert.equal(shown[0], 'Người nộp tiền: VÕ ĐẶNG NGỌC GIẢ'.normalize('NFC'), shown.join(' | '));
    assert.match(shown[1], /^CCCD\/MST: \*{4}8870$/); // masked: only the last 4 digits
    assert.equal(shown[2], `Nội dung: Thanh toán lệ phí cho hồ sơ ${CASE}`);
    assert.equal(shown[3], 'Phí lệ phí: 3.000 VND');
    await j.check('tim-thay-ho-so');

    // The QR as a phone sees it: a PNG of the element, decoded by zbarimg.
    const png = path.join(j.dir, `${j.name}-ma-qr.png`);
    await page.locator('.pub-qr').screenshot({ path: png });
    payUrl = execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' }).trim();
    const expected = new URL(`/tt/${encodeURIComponent(CASE)}/`, j.server.url).href;
    assert.ok(payUrl.startsWith(expected), `the QR holds ${payUrl}, not a pay link of ${CASE}`);
    // The "Thanh toán" button carries the same link as the QR.
    const button = page.locator('a.pub-button-pay', { hasText: /Thanh toán/ }).last();
    assert.equal(await button.getAttribute('href'), payUrl);
  });

  step('the pay link leads to the platform\'s checkout, which shows the bill', async (j) => {
    const page = j.page;
    await page.goto(payUrl);
    assert.ok(page.url().startsWith(`${j.sandbox.url}/checkout/`), `landed on ${page.url()}`);
    const body = (await page.locator('main').textContent()).replace(/\s+/g, ' ');
    assert.match(body, new RegExp(CASE.replace(/\./g, '\\.')));
    assert.match(body, /3\.000 VND/);
    assert.match(body, /Chọn ngân hàng hoặc trung gian thanh toán/);
    await j.check('cong-thanh-toan');
  });

  step('chooses MoMo and confirms: back on motcua, "Thanh toán thành công"', async (j) => {
    const page = j.page;
    await page.getByRole('link', { name: 'MoMo', exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/MOMO'));
    assert.match(await page.locator('main').textContent(), /3\.000 VND/);
    await j.check('vi-momo');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/thanh-toan/ket-qua', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Xác nhận thanh toán', exact: true }).click(),
    ]);
    assert.ok(page.url().startsWith(j.server.url), `returned to ${page.url()}`);
    // The signed callback may arrive just after the browser: the page then says the payment is
    // waiting for the platform's confirmation, and the payer reloads it.
    const state = page.getByRole('status');
    for (let tries = 0; !/Thanh toán thành công/.test(await state.textContent()); tries += 1) {
      assert.ok(tries < 40, `still "${(await state.textContent()).trim()}" after ${tries} reloads`);
      await new Promise((resolve) => setTimeout(resolve, 250));
      await page.reload();
    }
    await j.check('thanh-toan-thanh-cong');
  });

  step('"Thông tin biên lai thanh toán" shows the receipt: number, 3.000 VND, in words', async (j) => {
    const page = j.page;
    // The link opens the receipt's PDF (issue 7); its HTML page stays at the same address
    // without "/pdf" and links the PDF back ("Tải biên lai (PDF)").
    const href = await page.getByRole('link', { name: 'Thông tin biên lai thanh toán' }).first()
      .getAttribute('href');
    assert.match(href, /^\/tt\/[^/]+\/[^/]+\/bien-lai\/\d+\/pdf$/);
    await assertPdf(page, href);
    await j.goto(href.replace(/\/pdf$/, ''));
    assert.equal(await page.getByRole('link', { name: 'Tải biên lai (PDF)' }).getAttribute('href'), href);
    receiptNumber = (await page.locator('.receipt-number').textContent()).trim();
    assert.match(receiptNumber, /^\d+$/, 'the receipt has a number');
    const text = (await page.locator('main').textContent()).replace(/\s+/g, ' ');
    assert.match(text, /3\.000 VND/);
    assert.match(text, /Ba nghìn đồng/);
    assert.match(text, new RegExp(CASE.replace(/\./g, '\\.')));
    await j.check('bien-lai-cong-dan');
  });

  step('the payment page of the case now has nothing outstanding and no QR', async (j) => {
    const page = j.page;
    await j.goto(`/thanh-toan?ma=${encodeURIComponent(CASE)}`);
    assert.equal(
      (await page.getByRole('status').textContent()).trim(),
      'Hồ sơ không còn khoản phí, lệ phí nào phải thanh toán: các khoản phí, lệ phí đã được thanh toán đủ.',
    );
    assert.equal(await page.locator('.pub-qr').count(), 0);
    assert.equal((await facts(page))[3], 'Phí lệ phí: 0 VND');
    await j.check('da-thanh-toan-du');
  });

  step('the officer finds the case (step 2 of the guide): both lines paid online', async (j) => {
    const page = j.page;
    await signIn(j, 'demo', j.server.logins.demo);
    await openMenu(j, 'Tra cứu hồ sơ toàn cơ quan');
    const found = await search(j, { code: CASE });
    assert.deepEqual(found, { total: 1, codes: [CASE] });
    await j.check('can-bo-tim-ho-so');
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/can-bo/ho-so/${CASE}`),
      page.getByRole('link', { name: CASE }).click(),
    ]);
    await page.locator('nav.tabs').getByRole('link', { name: 'Lệ phí' }).click();
    const fees = page.getByRole('region', { name: 'Lệ phí' });
    const lines = [];
    for (const row of await fees.locator('table').first().locator('tbody tr').all()) {
      lines.push((await row.locator('td').allTextContents()).map((s) => s.trim()));
    }
    assert.equal(lines.length, 2);
    for (const line of lines) {
      assert.equal(line[3], 'Đã thanh toán', line.join(' | '));
      // "Hình thức thanh toán": the channel, when it was paid and the platform's transaction.
      assert.match(line[4], PAID_ONLINE, line.join(' | '));
    }
    const receipts = fees.locator('table.receipts tbody tr');
    assert.equal(await receipts.count(), 1);
    // Ký hiệu mẫu số, ký hiệu, số, số tiền, ngày: the number is the one the payer saw.
    const cells = (await receipts.locator('td').allTextContents()).map((s) => s.trim());
    assert.equal(cells[2], receiptNumber, cells.join(' | '));
    assert.equal(cells[3], '3.000 VND', cells.join(' | '));
    await j.check('can-bo-le-phi');
  });

  step('"Xem biên lai" opens the same receipt', async (j) => {
    const page = j.page;
    const fees = page.getByRole('region', { name: 'Lệ phí' });
    // "Xem biên lai" opens the PDF (issue 7); the HTML receipt is the same address without it.
    const href = await fees.getByRole('link', { name: 'Xem biên lai' }).getAttribute('href');
    assert.match(href, /\/bien-lai\/\d+\/pdf$/);
    await assertPdf(page, href);
    await j.goto(href.replace(/\/pdf$/, ''));
    await page.locator('.receipt-number').waitFor();
    assert.equal((await page.locator('.receipt-number').textContent()).trim(), receiptNumber);
    const text = (await page.locator('main').textContent()).replace(/\s+/g, ' ');
    assert.match(text, /3\.000 VND/);
    assert.match(text, /Ba nghìn đồng/);
    assert.match(text, new RegExp(ONLINE.replace(/[()]/g, '\\$&')));
    await j.check('can-bo-xem-bien-lai');
  });
});
