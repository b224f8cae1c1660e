// Journey A from the officer's side (DESIGN §1): sign in, the dashboard, find the guide's case by
// code, ID number and a name typed without diacritics, open it, read its "Lệ phí" table, change
// its status with a reason, the pending-intake page, sign out. Data: the demo seed
// (src/app/demo_seed.cc), loaded by `motcua serve` into its fresh database.
'use strict';

const assert = require('node:assert/strict');
const path = require('node:path');
const { journey } = require('./support/journey');
const { signIn, signOut, assertHeading, openMenu, search, field } = require('./support/console');

const COUNTER_CASE = 'H34.22.6-240426-0002'; // H34.22.6, Được tiếp nhận, 2.000 + 1.000 VND unpaid
const ONLINE_CASE = 'H34.4-240503-0012'; // H34.4 (same province), Mới đăng ký
const CITIZEN = 'Võ Đặng Ngọc Giả';
const CITIZEN_ID = '062190018870';
const REASON = 'Thiếu bản chính giấy khai sinh để đối chiếu';

async function statusCounts(page) {
  const counts = {};
  for (const row of await page.locator('main table tbody tr').all()) {
    counts[(await row.locator('th').textContent()).trim()] = Number(
      (await row.locator('td').textContent()).trim(),
    );
  }
  return counts;
}

journey('tra-cuu', (step) => {
  step('the officer of H34.22.6 signs in with the demo login the server printed', async (j) => {
    assert.equal(j.server.logins.demo, 'motcua-demo');
    await signIn(j, 'demo', j.server.logins.demo);
  });

  step('the dashboard shows the counters', async (j) => {
    const page = j.page;
    const counters = page.locator('.counters a.counter');
    const labels = (await counters.locator('.label').allTextContents()).map((s) => s.trim());
    assert.deepEqual(labels, ['Danh sách công việc', 'Đã hủy', 'Đã trả kết quả', 'HS đã rút']);
    for (const count of await counters.locator('.count').allTextContents()) {
      assert.match(count.trim(), /^\d+$/);
    }
    // Agency-wide lookup: both demo cases of Tỉnh Kon Tum count.
    const counts = await statusCounts(page);
    assert.equal(counts['Được tiếp nhận'], 1);
    assert.equal(counts['Mới đăng ký'], 1);
    assert.equal(counts['Đã hủy'], 0);
    await j.check('bang-dieu-khien');
  });

  step('"Tra cứu hồ sơ toàn cơ quan" finds the case by Mã số hồ sơ', async (j) => {
    await openMenu(j, 'Tra cứu hồ sơ toàn cơ quan');
    await j.check('tra-cuu-toan-co-quan');
    const found = await search(j, { code: COUNTER_CASE });
    assert.deepEqual(found, { total: 1, codes: [COUNTER_CASE] });
    await j.check('tim-theo-ma-so');
  });

  step('… and by Số CMND, across the province', async (j) => {
    const found = await search(j, { idNumber: CITIZEN_ID });
    assert.equal(found.total, 2);
    assert.deepEqual(found.codes.sort(), [COUNTER_CASE, ONLINE_CASE].sort());
    await j.check('tim-theo-cmnd');
  });

  step('"Tra cứu hồ sơ theo đơn vị" finds it by a name typed without diacritics', async (j) => {
    const page = j.page;
    await openMenu(j, 'Tra cứu hồ sơ theo đơn vị');
    const found = await search(j, { name: 'vo dang ngoc gia' });
    // The unit is H34.22.6: the Sở Tư pháp case of the same citizen is not in it.
    assert.deepEqual(found, { total: 1, codes: [COUNTER_CASE] });
    const row = page.locator('table.cases tbody tr').first();
    assert.match(await row.textContent(), new RegExp(`Người nộp: ${CITIZEN}`));
    assert.match(await row.textContent(), /Được tiếp nhận/);
    await j.check('tim-theo-ten-khong-dau');
  });

  step('opens the case', async (j) => {
    const page = j.page;
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/can-bo/ho-so/${COUNTER_CASE}`),
      page.getByRole('link', { name: COUNTER_CASE }).click(),
    ]);
    await assertHeading(j, 'Chi tiết hồ sơ');
    assert.equal(await field(page, 'Mã số hồ sơ'), COUNTER_CASE);
    assert.equal(await field(page, 'Người nộp'), CITIZEN);
    assert.equal(await field(page, 'Trạng thái'), 'Được tiếp nhận');
    assert.match(await field(page, 'Hạn xử lý'), /^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/);
    assert.match(await field(page, 'Thời gian còn lại'), /^(Còn lại|Đã quá hạn) \d+ ngày/);
    assert.notEqual(await field(page, 'Hình thức tiếp nhận'), '');
    assert.notEqual(await field(page, 'Hình thức nhận kết quả'), '');
    await j.check('chi-tiet-ho-so');
  });

  step('the "Lệ phí" section lists the fee lines, unpaid, with the total and what is left', async (j) => {
    const page = j.page;
    const fees = page.getByRole('region', { name: 'Lệ phí' });
    await fees.scrollIntoViewIfNeeded();
    const headers = (await fees.locator('thead th').allTextContents()).map((s) => s.trim());
    assert.deepEqual(headers, ['Mức lệ phí', 'Thành tiền', 'Mô tả', 'Thanh toán', 'Hình thức thanh toán']);
    const lines = [];
    for (const row of await fees.locator('tbody tr').all()) {
      lines.push((await row.locator('td').allTextContents()).map((s) => s.trim()));
    }
    assert.deepEqual(lines, [
      ['2.000 VND', '2.000 VND', 'Phí chứng thực bản sao từ bản chính', 'Chưa thanh toán', ''],
      ['1.000 VND', '1.000 VND', 'Phí chứng thực bản sao từ bản chính từ trang thứ 3.', 'Chưa thanh toán', ''],
    ]);
    const total = (await fees.locator('tfoot tr').locator('th, td').allTextContents()).map((s) => s.trim());
    assert.deepEqual(total, ['Tổng', '3.000 VND', '', '0 VND', '(Còn lại 3.000 VND)']);
    await fees.screenshot({ path: path.join(j.dir, `${j.name}-le-phi.png`) });
  });

  step('a status that needs a reason is refused without one, and nothing changes', async (j) => {
    const page = j.page;
    const change = page.getByRole('region', { name: 'Chuyển trạng thái' });
    await change.getByLabel('Trạng thái mới').selectOption({ label: 'Yêu cầu bổ sung giấy tờ' });
    await change.getByLabel('Lý do').fill('');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/trang-thai') && r.request().method() === 'POST'),
      change.getByRole('button', { name: 'Lưu' }).click(),
    ]);
    assert.equal(response.status(), 422);
    await page.waitForLoadState('load');
    assert.equal(
      (await page.getByRole('alert').textContent()).trim(),
      'Vui lòng nhập lý do cho trạng thái này.',
    );
    assert.equal(await field(page, 'Trạng thái'), 'Được tiếp nhận');
    // The page is answered 422 on purpose (chromium also logs it as "Failed to load resource").
    await j.check('thieu-ly-do', { expected: [/\b422\b/] });
  });

  step('with a reason the status changes and the history records it', async (j) => {
    const page = j.page;
    const change = page.getByRole('region', { name: 'Chuyển trạng thái' });
    await change.getByLabel('Trạng thái mới').selectOption({ label: 'Yêu cầu bổ sung giấy tờ' });
    await change.getByLabel('Lý do').fill(REASON);
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/can-bo/ho-so/${COUNTER_CASE}`),
      change.getByRole('button', { name: 'Lưu' }).click(),
    ]);
    await page.waitForLoadState('load');
    assert.equal(await field(page, 'Trạng thái'), 'Yêu cầu bổ sung giấy tờ');
    const history = page.getByRole('region', { name: 'Lịch sử xử lý' });
    // The history reads as words: the action's label, not its code (case_history.cc).
    const entry = history.locator('tbody tr', { hasText: 'Chuyển trạng thái' });
    assert.equal(await entry.count(), 1);
    assert.equal(await history.locator('tbody tr', { hasText: 'case.status' }).count(), 0);
    assert.match(await entry.textContent(), /Yêu cầu bổ sung giấy tờ/);
    assert.match(await entry.textContent(), new RegExp(REASON));
    assert.match(await entry.textContent(), /\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d/);
    await j.check('da-chuyen-trang-thai');
  });

  step('"Hồ sơ chờ tiếp nhận" of H34.22.6 is empty (the waiting case is Sở Tư pháp\'s)', async (j) => {
    const page = j.page;
    await openMenu(j, 'Hồ sơ chờ tiếp nhận');
    assert.match(await page.locator('table.cases tbody').textContent(), /Không tìm thấy hồ sơ nào\./);
    await j.check('ho-so-cho-tiep-nhan');
  });

  step('signs out', async (j) => {
    await signOut(j);
    await assertHeading(j, 'Đăng nhập');
    await j.check('dang-xuat');
    // The session is gone: the console sends the browser back to the sign-in page.
    await j.goto('/can-bo');
    assert.equal(new URL(j.page.url()).pathname, '/can-bo/dang-nhap');
  });

  step('the officer of Sở Tư pháp accepts the case waiting in "Hồ sơ chờ tiếp nhận"', async (j) => {
    const page = j.page;
    await signIn(j, 'sotuphap', j.server.logins.sotuphap);
    await openMenu(j, 'Hồ sơ chờ tiếp nhận');
    const row = page.locator('table.cases tbody tr', { hasText: ONLINE_CASE });
    assert.equal(await row.count(), 1);
    assert.match(await row.textContent(), /Mới đăng ký/);
    await j.check('ho-so-cho-tiep-nhan-so-tu-phap');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/can-bo/ho-so-cho-tiep-nhan'),
      row.getByRole('button', { name: 'Tiếp nhận', exact: true }).click(),
    ]);
    await page.waitForLoadState('load');
    assert.match(await page.locator('table.cases tbody').textContent(), /Không tìm thấy hồ sơ nào\./);
    await j.check('da-tiep-nhan');
    await signOut(j);
  });

  step('the page check itself fails on an unlabelled field and on a CSP violation', async (j) => {
    const page = j.page;
    await j.goto('/can-bo/dang-nhap');
    await page.evaluate(() => document.querySelector('label[for="username"]').remove());
    await assert.rejects(j.check('tu-kiem-axe'), /\[critical\] label:/);
    await j.goto('/can-bo/dang-nhap');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.title = "inline"';
      document.body.append(script);
    });
    await assert.rejects(j.check('tu-kiem-csp'), /Content Security Policy/);
  });
});
