// Journey B of the guide (issue 8), end to end: a citizen registers on the portal, submits a
// case online with a file, finds it in "Quản lý hồ sơ", pays through the real motcua-sandbox and
// downloads the receipt; the officer then takes the case in from "Hồ sơ chờ tiếp nhận" and the
// citizen's case page shows it received. Every page passes j.check (axe-core, screenshot).
// Data: the demo seed (src/app/demo_seed.cc) in a fresh database.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { journey } = require('./support/journey');
const { signIn, openMenu } = require('./support/console');

const ID_NUMBER = '062195001234';
const PASSWORD = 'mat-khau-an-toan-1';
const PROCEDURE = '2.000815.000.00.00.H34';
const CASE_CODE = /^H34\.22\.6-\d{6}-\d{4}$/;

// A one-page PDF, as a scanner would produce it (the portal sniffs the content, not the name).
function samplePdf(dir) {
  const file = path.join(dir, 'ban-chinh-giay-khai-sinh.pdf');
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  fs.writeFileSync(file, body);
  return { file, bytes: Buffer.from(body) };
}

async function assertPdf(page, href) {
  const response = await page.request.get(new URL(href, page.url()).toString());
  assert.equal(response.status(), 200, href);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  assert.equal((await response.body()).subarray(0, 5).toString('latin1'), '%PDF-');
}

const text = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ').trim();

journey('cong-dan', { sandbox: true }, (step) => {
  let caseCode = '';
  let upload = null;

  step('registers from the home page ("Đăng ký") and is signed in', async (j) => {
    const page = j.page;
    await j.goto('/');
    await j.check('trang-chu');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/dang-ky'),
      page.locator('nav.pub-account').getByRole('link', { name: 'Đăng ký', exact: true }).click(),
    ]);
    await j.check('dang-ky');
    await page.locator('[name=so_dinh_danh]').fill(ID_NUMBER);
    await page.locator('[name=ho_ten]').fill('Võ Đặng Ngọc Giả');
    await page.locator('[name=dien_thoai]').fill('0886650748');
    await page.locator('[name=email]').fill('gia@example.vn');
    await page.locator('[name=mat_khau]').fill(PASSWORD);
    await page.locator('[name=mat_khau_nhap_lai]').fill(PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/quan-ly-ho-so'),
      page.locator('form [type=submit]').last().click(),
    ]);
    assert.equal(await text(page.locator('.pub-account-menu summary')), 'VÕ ĐẶNG NGỌC GIẢ');
    await j.check('quan-ly-ho-so-trong');
  });

  step('finds the procedure in "Thủ tục hành chính" without diacritics', async (j) => {
    const page = j.page;
    await j.goto('/thu-tuc-hanh-chinh?q=chung+thuc+ban+sao');
    await j.check('thu-tuc-hanh-chinh');
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/thu-tuc-hanh-chinh/${PROCEDURE}`),
      // The demo's unit procedure (the full code of the province), next to the national one.
      page.locator(`a[href="/thu-tuc-hanh-chinh/${PROCEDURE}"]`).first().click(),
    ]);
    await j.check('thu-tuc');
  });

  step('submits the case online with a file: "Nộp hồ sơ thành công"', async (j) => {
    const page = j.page;
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/dich-vu-cong-truc-tuyen/${PROCEDURE}`),
      page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).first().click(),
    ]);
    await j.check('nop-ho-so');
    await page.locator('#don_vi').selectOption({ label: 'Bộ phận TN&TKQ phường Trần Hưng Đạo' });
    assert.equal(await page.locator('[name$=so_giay_to]').first().inputValue(), ID_NUMBER);
    upload = samplePdf(j.dir);
    // "Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao" is required.
    const required = page.locator('input[type=file][required]');
    assert.ok((await required.count()) >= 1, 'the procedure asks for at least one document');
    for (let i = 0; i < (await required.count()); i += 1) await required.nth(i).setInputFiles(upload.file);
    await Promise.all([
      page.waitForURL((url) => url.pathname.startsWith('/quan-ly-ho-so/') && url.searchParams.get('da_nop') === '1'),
      page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click(),
    ]);
    const main = await text(page.locator('main'));
    assert.match(main, /Nộp hồ sơ thành công/);
    assert.match(main, /Hồ sơ đang chờ tiếp nhận/);
    caseCode = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
    assert.match(caseCode, CASE_CODE);
    assert.match(main, new RegExp(`Mã số hồ sơ: ${caseCode.replace(/\./g, '\\.')}`));
    for (const header of ['Loại lệ phí', 'Số lượng', 'Mức lệ phí', 'Thành tiền', 'Mô tả']) {
      assert.ok(await page.getByRole('columnheader', { name: header, exact: true }).count(), header);
    }
    assert.match(main, /Tổng/);
    // The timeline names the step in Vietnamese ("Nộp hồ sơ trực tuyến"), no audit codes.
    assert.match(main, /Nộp hồ sơ trực tuyến: Mới đăng ký/);
    assert.doesNotMatch(main, /case\.submit|Lý do: \)/);
    await j.check('nop-thanh-cong');
  });

  step('"Quản lý hồ sơ" lists the case as "Mới đăng ký"', async (j) => {
    const page = j.page;
    await page.locator('.pub-account-menu summary').click();
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/quan-ly-ho-so'),
      page.getByRole('link', { name: 'Quản lý hồ sơ', exact: true }).click(),
    ]);
    const row = page.locator('tbody tr', { hasText: caseCode });
    assert.equal(await row.count(), 1);
    assert.match(await text(row), /Mới đăng ký/);
    await j.check('danh-sach-ho-so');
  });

  step('pays through the platform (MoMo) from the case page', async (j) => {
    const page = j.page;
    await j.goto(`/quan-ly-ho-so/${encodeURIComponent(caseCode)}`);
    await page.locator('a.my-pay').click();
    await page.waitForURL((url) => url.href.startsWith(`${j.sandbox.url}/checkout/`));
    await page.getByRole('link', { name: 'MoMo', exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/MOMO'));
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/thanh-toan/ket-qua', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Xác nhận thanh toán', exact: true }).click(),
    ]);
    const state = page.getByRole('status');
    for (let tries = 0; !/Thanh toán thành công/.test(await state.textContent()); tries += 1) {
      assert.ok(tries < 40, `still "${(await state.textContent()).trim()}"`);
      await new Promise((resolve) => setTimeout(resolve, 250));
      await page.reload();
    }
    await j.check('thanh-toan-thanh-cong');
  });

  step('the case page shows the lines paid and downloads the receipt', async (j) => {
    const page = j.page;
    await j.goto(`/quan-ly-ho-so/${encodeURIComponent(caseCode)}`);
    const main = await text(page.locator('main'));
    assert.match(main, /Đã thanh toán/);
    assert.doesNotMatch(main, /Chưa thanh toán/);
    const href = await page.getByRole('link', { name: 'Xem biên lai', exact: true }).first().getAttribute('href');
    assert.match(href, /\/bien-lai\/\d+\/pdf$/);
    await assertPdf(page, href);
    // "File đính kèm": the citizen's own file, the exact bytes sent.
    const file = page.getByRole('link', { name: 'ban-chinh-giay-khai-sinh.pdf', exact: true });
    const fileHref = await file.getAttribute('href');
    assert.equal(fileHref, `/quan-ly-ho-so/${encodeURIComponent(caseCode)}/tep/${fileHref.split('/').pop()}`);
    const response = await page.request.get(new URL(fileHref, page.url()).toString());
    assert.equal(response.status(), 200);
    assert.deepEqual(Buffer.from(await response.body()), upload.bytes);
    await j.check('bien-lai');
  });

  step('the officer opens the file and takes the case in from "Hồ sơ chờ tiếp nhận"', async (j) => {
    await j.inFreshBrowser(async () => {
      const page = j.page;
      await signIn(j, 'demo', j.server.logins.demo);
      await j.goto(`/can-bo/ho-so/${encodeURIComponent(caseCode)}`);
      const file = page.getByRole('link', { name: /ban-chinh-giay-khai-sinh\.pdf/ }).first();
      const response = await page.request.get(new URL(await file.getAttribute('href'), page.url()).toString());
      assert.equal(response.status(), 200);
      assert.deepEqual(Buffer.from(await response.body()), upload.bytes);
      await j.check('can-bo-ho-so');
      await openMenu(j, 'Hồ sơ chờ tiếp nhận');
      const row = page.locator('table.cases tbody tr', { hasText: caseCode });
      assert.equal(await row.count(), 1);
      assert.match(await text(row), /Mới đăng ký/);
      await j.check('cho-tiep-nhan');
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/can-bo/ho-so-cho-tiep-nhan'),
        row.getByRole('button', { name: 'Tiếp nhận', exact: true }).click(),
      ]);
      await page.waitForLoadState('load');
      assert.equal(await page.locator('table.cases tbody tr', { hasText: caseCode }).count(), 0);
    });
  });

  step('the citizen sees "Được tiếp nhận" in the case timeline', async (j) => {
    const page = j.page;
    await j.goto(`/quan-ly-ho-so/${encodeURIComponent(caseCode)}`);
    assert.match(await text(page.locator('main')), /Được tiếp nhận/);
    await j.check('da-tiep-nhan');
  });
});
