// Journey B from the officer's side (issue 4): the officer of H34.22.6 takes a case in at the
// counter ("Tiếp nhận hồ sơ"), prints the slip, finds the new case by its code, by the ID number,
// by the name typed without diacritics and by today's reception date, opens it, reads its fees,
// and moves it through "Xử lý hồ sơ" to "Đã xử lý xong". A refused intake stores nothing.
// Data: the demo seed (src/app/demo_seed.cc), loaded by `motcua serve` into a fresh database.
'use strict';

const assert = require('node:assert/strict');
const path = require('node:path');
const { journey } = require('./support/journey');
const { signIn, signOut, assertHeading, openMenu, search, field } = require('./support/console');

const PROCEDURE = '2.000815.000.00.00.H34'; // Chứng thực bản sao từ bản chính…, 2.000/1.000 VND a page
const FEE = 'Phí chứng thực bản sao từ bản chính';
const FEE_FROM_PAGE_3 = 'Phí chứng thực bản sao từ bản chính từ trang thứ 3.';
const SUBMITTER = 'Nguyễn Thị Hồng Nhung';
const SUBMITTER_ID = '062195004321'; // a CCCD: 12 digits, not the demo citizen's
const ADDRESS = '12 Trần Hưng Đạo, phường Trần Hưng Đạo, thành phố Kon Tum';
const PHONE = '0905123456';
const CODE_SHAPE = /^H34\.22\.6-\d{6}-\d{4}$/;

// The reception day the slip prints ("Thời gian nhận hồ sơ: 19 giờ 20 phút, ngày 26 tháng 11 năm
// 2026") as the date inputs take it: YYYY-MM-DD. Read, not computed, so midnight cannot split them.
function receptionDay(slipText) {
  const m = slipText.match(/Thời gian nhận hồ sơ: \d\d giờ \d\d phút, ngày (\d\d) tháng (\d\d) năm (\d{4})/);
  assert.ok(m, 'the slip prints the reception time');
  return `${m[3]}-${m[2]}-${m[1]}`;
}

// The text of every cell of `rows`, a row a list, white space collapsed.
async function cells(rows) {
  const lines = [];
  for (const row of await rows.all()) {
    lines.push((await row.locator('th, td').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim()));
  }
  return lines;
}

// Fills the submitter's fields of the intake form ({ name, idNumber, address, phone }).
async function fillSubmitter(page, { name, idNumber, address, phone }) {
  const submitter = page.getByRole('group', { name: 'Người nộp', exact: true });
  await submitter.getByLabel('Họ tên').fill(name);
  await submitter.getByLabel('Số CMND/CCCD/MST').fill(idNumber);
  await submitter.getByLabel('Địa chỉ').fill(address);
  await submitter.getByLabel('Số điện thoại').fill(phone);
}

async function setPages(page, first, fromThird) {
  const fees = page.getByRole('group', { name: 'Lệ phí', exact: true });
  await fees.getByLabel(`Số lượng: ${FEE}`, { exact: true }).fill(String(first));
  await fees.getByLabel(`Số lượng: ${FEE_FROM_PAGE_3}`, { exact: true }).fill(String(fromThird));
}

// Moves the case of the "Xử lý hồ sơ" row to `label` with the row's own button.
async function moveInProcessing(j, code, label) {
  const page = j.page;
  const row = page.locator('table.cases tbody tr', { hasText: code });
  assert.equal(await row.count(), 1, `${code} in "Xử lý hồ sơ"`);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/can-bo/xu-ly-ho-so'),
    row.getByRole('button', { name: label, exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
  // The status cell also carries the payment badge (live status): read the status itself.
  const status = row.locator('td').nth(5).locator('[data-live-status]');
  assert.equal((await status.textContent()).trim(), label);
}

journey('tiep-nhan', (step) => {
  let code = ''; // the new case's code, read off the slip
  let receivedOn = ''; // its reception day, read off the slip

  step('the officer of H34.22.6 signs in', async (j) => {
    await signIn(j, 'demo', j.server.logins.demo);
    await j.check('bang-dieu-khien');
  });

  step('"Tiếp nhận hồ sơ" finds the procedure typed without diacritics', async (j) => {
    const page = j.page;
    await openMenu(j, 'Tiếp nhận hồ sơ');
    await j.check('tiep-nhan');
    const picker = page.getByRole('search');
    await picker.getByLabel('Tìm thủ tục', { exact: false }).fill('chung thuc ban sao');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('tim') === 'chung thuc ban sao'),
      picker.getByRole('button', { name: 'Tìm kiếm', exact: true }).click(),
    ]);
    const rows = page.locator('table.procedures tbody tr');
    const codes = (await rows.locator('td:first-child').allTextContents()).map((s) => s.trim());
    assert.ok(codes.includes(PROCEDURE), `${PROCEDURE} in ${codes}`);
    // Every procedure listed has the words, whatever their marks.
    for (const name of await rows.locator('td:nth-child(2)').allTextContents()) {
      assert.match(name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(), /chung thuc ban sao/);
    }
    await j.check('tim-thu-tuc-khong-dau');
  });

  step('chooses the procedure: the form lists its fee lines, one page pre-filled', async (j) => {
    const page = j.page;
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('thu_tuc') === PROCEDURE),
      page
        .locator('table.procedures tbody tr')
        .filter({ has: page.getByRole('cell', { name: PROCEDURE, exact: true }) })
        .getByRole('link', { name: /^Chọn/ })
        .click(),
    ]);
    const form = page.locator('form.intake');
    assert.equal(await field(form, 'Mã thủ tục'), PROCEDURE);
    assert.equal(await field(form, 'Lĩnh vực'), 'Chứng thực');
    const fees = page.getByRole('group', { name: 'Lệ phí', exact: true });
    const lines = await cells(fees.locator('tbody tr'));
    assert.deepEqual(
      lines.map((l) => l.slice(1, 3)),
      [
        [FEE, '2.000 VND/trang'],
        [FEE_FROM_PAGE_3, '1.000 VND/trang'],
      ],
    );
    assert.equal(await fees.getByLabel(`Số lượng: ${FEE}`, { exact: true }).inputValue(), '1');
    await j.check('bieu-mau-tiep-nhan');
  });

  step('an empty name is refused: by the browser, then by the server, and nothing is stored', async (j) => {
    const page = j.page;
    await fillSubmitter(page, { name: '', idNumber: SUBMITTER_ID, address: ADDRESS, phone: PHONE });
    await setPages(page, 2, 3);
    const name = page.getByRole('group', { name: 'Người nộp', exact: true }).getByLabel('Họ tên');
    // The browser holds an empty required field back…
    const submit = page.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' });
    await submit.click();
    assert.equal(await name.evaluate((input) => input.validity.valueMissing), true);
    assert.equal(new URL(page.url()).searchParams.get('thu_tuc'), PROCEDURE);
    // …a name of blanks passes it and the server refuses it with the field's message.
    await name.fill('   ');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/can-bo/tiep-nhan') && r.request().method() === 'POST'),
      submit.click(),
    ]);
    assert.equal(response.status(), 422);
    await page.waitForLoadState('load');
    assert.equal(
      (await page.getByRole('alert').textContent()).trim(),
      'Hồ sơ chưa được lưu. Vui lòng sửa các mục được đánh dấu bên dưới.',
    );
    const refused = page.getByRole('group', { name: 'Người nộp', exact: true }).getByLabel('Họ tên');
    assert.equal(await refused.getAttribute('aria-invalid'), 'true');
    const describedBy = await refused.getAttribute('aria-describedby');
    assert.equal((await page.locator(`#${describedBy}`).textContent()).trim(), 'Vui lòng nhập họ tên.');
    // What was entered is kept, so only the name needs typing.
    const submitter = page.getByRole('group', { name: 'Người nộp', exact: true });
    assert.equal(await submitter.getByLabel('Số CMND/CCCD/MST').inputValue(), SUBMITTER_ID);
    assert.equal(await page.getByLabel(`Số lượng: ${FEE_FROM_PAGE_3}`, { exact: true }).inputValue(), '3');
    await j.check('thieu-ho-ten', { expected: [/\b422\b/] });
  });

  step('takes the case in: the slip shows its number, the fees and the amount in words', async (j) => {
    const page = j.page;
    await fillSubmitter(page, { name: SUBMITTER, idNumber: SUBMITTER_ID, address: ADDRESS, phone: PHONE });
    await setPages(page, 2, 3);
    await Promise.all([
      page.waitForURL((url) => /^\/can-bo\/ho-so\/[^/]+\/giay-tiep-nhan$/.test(url.pathname)),
      page.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click(),
    ]);
    code = decodeURIComponent(new URL(page.url()).pathname.split('/')[3]);
    assert.match(code, CODE_SHAPE);
    const slip = page.locator('article.slip');
    assert.equal(
      (await slip.getByRole('heading', { level: 2 }).textContent()).trim(),
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    );
    assert.equal((await slip.locator('.slip-number').textContent()).trim(), `Số: ${code}/BPTNTKQ`);
    const text = (await slip.textContent()).replace(/\s+/g, ' ');
    assert.match(text, new RegExp(`Mã hồ sơ: ${code.replace(/\./g, '\\.')}`));
    assert.match(text, new RegExp(`Tiếp nhận hồ sơ của: ${SUBMITTER}`));
    assert.match(text, new RegExp(`Số CMND/CCCD/MST: ${SUBMITTER_ID}`));
    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    const fees = slip.locator('table.slip-fees');
    assert.deepEqual(await cells(fees.locator('tbody tr')), [
      [FEE, '2', '2.000 VND', '4.000 VND', FEE],
      [FEE, '3', '1.000 VND', '3.000 VND', FEE_FROM_PAGE_3],
    ]);
    assert.deepEqual(await cells(fees.locator('tfoot tr')), [['Tổng', '7.000 VND']]);
    assert.match(text, /Số tiền bằng chữ: Bảy nghìn đồng/);
    receivedOn = receptionDay(text);
    await j.check('giay-tiep-nhan');
  });

  step('in print only the slip is left: no menu, no header, no hint', async (j) => {
    const page = j.page;
    await page.emulateMedia({ media: 'print' });
    try {
      assert.equal(await page.locator('nav.menu').isVisible(), false, 'the console menu in print');
      assert.equal(await page.locator('header.top').isVisible(), false, 'the header in print');
      assert.equal(await page.locator('main > h1').isVisible(), false, 'the page title in print');
      assert.equal(await page.locator('.no-print').first().isVisible(), false, 'the hint in print');
      assert.equal(await page.locator('article.slip').isVisible(), true, 'the slip in print');
      await page.screenshot({ path: path.join(j.dir, `${j.name}-giay-tiep-nhan-ban-in.png`), fullPage: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    assert.equal(await page.locator('nav.menu').isVisible(), true, 'the console menu on screen');
  });

  step('"Tra cứu hồ sơ theo đơn vị" finds the new case by its code', async (j) => {
    await openMenu(j, 'Tra cứu hồ sơ theo đơn vị');
    assert.deepEqual(await search(j, { code }), { total: 1, codes: [code] });
    await j.check('tim-theo-ma-so');
  });

  step('… by the ID number (the refused intake stored nothing)', async (j) => {
    assert.deepEqual(await search(j, { idNumber: SUBMITTER_ID }), { total: 1, codes: [code] });
    await j.check('tim-theo-cmnd');
  });

  step('… by the name typed without diacritics', async (j) => {
    const page = j.page;
    assert.deepEqual(await search(j, { name: 'nguyen thi hong nhung' }), { total: 1, codes: [code] });
    const row = page.locator('table.cases tbody tr').first();
    assert.match(await row.textContent(), new RegExp(`Người nộp: ${SUBMITTER}`));
    assert.match(await row.textContent(), /Được tiếp nhận/);
    await j.check('tim-theo-ten-khong-dau');
  });

  step('… and with "Tìm kiếm nâng cao" by today\'s reception date', async (j) => {
    const page = j.page;
    const form = page.getByRole('search');
    for (const label of ['Mã số hồ sơ', 'Số CMND', 'Tên người nộp']) await form.getByLabel(label).fill('');
    await form.getByText('Tìm kiếm nâng cao').click();
    const today = receivedOn;
    await form.getByLabel('Tiếp nhận từ ngày', { exact: true }).fill(today);
    await form.getByLabel('Đến ngày', { exact: true }).fill(today);
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('tu_ngay') === today),
      form.getByRole('button', { name: 'Tìm kiếm', exact: true }).click(),
    ]);
    // The demo cases were received in 2024: today's only case is the new one.
    const total = Number((await page.locator('p.total').textContent()).match(/(\d+)\s*$/)[1]);
    const codes = (await page.locator('table.cases tbody td:first-child a').allTextContents()).map((c) => c.trim());
    assert.deepEqual({ total, codes }, { total: 1, codes: [code] });
    // The search keeps its dates and stays open, so the officer sees why the list is short.
    assert.equal(await page.getByRole('search').locator('details').getAttribute('open'), '');
    await j.check('tim-nang-cao-theo-ngay');
  });

  step('opens the case', async (j) => {
    const page = j.page;
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/can-bo/ho-so/${code}`),
      page.getByRole('link', { name: code }).click(),
    ]);
    await assertHeading(j, 'Chi tiết hồ sơ');
    assert.equal(await field(page, 'Mã số hồ sơ'), code);
    assert.equal(await field(page, 'Người nộp'), SUBMITTER);
    assert.equal(await field(page, 'Trạng thái'), 'Được tiếp nhận');
    assert.equal(await field(page, 'Hình thức tiếp nhận'), 'Trực tiếp');
    assert.match(await field(page, 'Hạn xử lý'), /^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/);
    await j.check('chi-tiet-ho-so');
  });

  step('the "Lệ phí" tab: the two lines, unpaid, the total and what is left', async (j) => {
    const page = j.page;
    await page.getByRole('navigation', { name: 'Các phần của hồ sơ' }).getByRole('link', { name: 'Lệ phí' }).click();
    assert.equal(new URL(page.url()).hash, '#fees');
    const fees = page.getByRole('region', { name: 'Lệ phí' });
    assert.deepEqual(await cells(fees.locator('tbody tr')), [
      ['2.000 VND', '4.000 VND', FEE, 'Chưa thanh toán', ''],
      ['1.000 VND', '3.000 VND', FEE_FROM_PAGE_3, 'Chưa thanh toán', ''],
    ]);
    assert.deepEqual(await cells(fees.locator('tfoot tr')), [
      ['Tổng', '7.000 VND', '', '0 VND', '(Còn lại 7.000 VND)'],
    ]);
    await fees.screenshot({ path: path.join(j.dir, `${j.name}-le-phi.png`) });
  });

  step('the "File đính kèm" and "Kết quả xử lý" tabs say there is nothing yet', async (j) => {
    const page = j.page;
    const files = page.getByRole('region', { name: 'File đính kèm' });
    assert.equal(await files.locator('table, a').count(), 0);
    assert.equal((await files.locator('p').textContent()).trim(), 'Hồ sơ không có file đính kèm.');
    const result = page.getByRole('region', { name: 'Kết quả xử lý' });
    assert.equal(await result.locator('dl').count(), 0);
    assert.equal((await result.locator('p').textContent()).trim(), 'Hồ sơ chưa có kết quả xử lý.');
  });

  step('"Xử lý hồ sơ" moves it to "Đang xử lý"', async (j) => {
    await openMenu(j, 'Xử lý hồ sơ');
    await j.check('xu-ly-ho-so');
    await moveInProcessing(j, code, 'Đang xử lý');
    await j.check('dang-xu-ly');
  });

  step('… then to "Đã xử lý xong", and the case page shows the result', async (j) => {
    const page = j.page;
    await moveInProcessing(j, code, 'Đã xử lý xong');
    await j.check('da-xu-ly-xong');
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/can-bo/ho-so/${code}`),
      page.getByRole('link', { name: code }).click(),
    ]);
    assert.equal(await field(page, 'Trạng thái'), 'Đã xử lý xong');
    const result = page.getByRole('region', { name: 'Kết quả xử lý' });
    assert.equal(await field(result, 'Kết quả'), 'Đã xử lý xong');
    assert.match(await field(result, 'Thời gian'), /^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/);
    assert.notEqual(await field(result, 'Người thực hiện'), '');
    const history = page.getByRole('region', { name: 'Lịch sử xử lý' });
    const statuses = (await history.locator('tbody tr td:nth-child(4)').allTextContents()).map((s) => s.trim());
    assert.ok(statuses.includes('Đang xử lý') && statuses.includes('Đã xử lý xong'), `history: ${statuses}`);
    await j.check('ket-qua-xu-ly');
  });

  step('the slip of the case is still there to reprint', async (j) => {
    const page = j.page;
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/can-bo/ho-so/${code}/giay-tiep-nhan`),
      page.getByRole('link', { name: 'In giấy tiếp nhận hồ sơ và hẹn trả kết quả' }).click(),
    ]);
    assert.equal((await page.locator('.slip-number').textContent()).trim(), `Số: ${code}/BPTNTKQ`);
    await signOut(j);
  });
});
