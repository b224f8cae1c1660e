// The province's administrator at work (admin / motcua-admin): "Cấu hình số hồ sơ" with its live
// preview (static/numbering_preview.js), and every page under "Quản trị" — agencies, staff,
// procedures and fee items, the holiday calendar — with their forms and a refused input each,
// then "Xóa hồ sơ" on a case page. Every page passes the page check (lang, screenshot, axe-core,
// a clean console). Data: the demo seed (src/app/demo_seed.cc) in the server's fresh database.
'use strict';

const assert = require('node:assert/strict');
const { journey } = require('./support/journey');
const { signIn, signOut, assertHeading, openMenu, field } = require('./support/console');

const UNIT = 'H34.22.6'; // Bộ phận TN&TKQ phường Trần Hưng Đạo
const COPY_PROCEDURE = '2.000815.000.00.00.H34'; // Chứng thực bản sao từ bản chính
const ONLINE_CASE = 'H34.4-240503-0012'; // Mới đăng ký, its fee unpaid: it may be deleted
const DELETE_REASON = 'Công dân nộp trùng hồ sơ, đề nghị hủy';
const NEW_STAFF = { username: 'tiepnhan.thd', fullName: 'Nguyễn Thị Hoa', password: 'mat-khau-moi-2024' };
// chromium's line for a page answered 422 on purpose, and the answer itself.
const REFUSED = [/Failed to load resource.*\b422\b/, /^http 422: POST /];

// Submits `button` (a locator) and waits for the page it leads to.
async function submit(j, button, urlMatches = () => true) {
  await Promise.all([j.page.waitForURL(urlMatches, { waitUntil: 'load' }), button.click()]);
  await j.page.waitForLoadState('load');
}

function errorText(page) {
  return page.getByRole('alert').textContent();
}

journey('quan-tri', (step) => {
  step('the administrator signs in', async (j) => {
    await signIn(j, 'admin', j.server.logins.admin);
    const menu = j.page.getByRole('navigation', { name: 'Xử lý hồ sơ' });
    assert.deepEqual(
      (await menu.getByRole('heading', { level: 2 }).allTextContents()).map((s) => s.trim()),
      ['Xử lý hồ sơ', 'Quản trị'],
    );
  });

  step('"Cấu hình số hồ sơ": the preview follows the typed pattern by itself, then saves', async (j) => {
    const page = j.page;
    await openMenu(j, 'Cấu hình số hồ sơ');
    const picker = page.locator('form[method="get"]');
    await picker.getByLabel('Cơ quan', { exact: true }).selectOption(UNIT);
    await submit(j, picker.getByRole('button', { name: 'Chọn' }), (url) => url.searchParams.get('co_quan') === UNIT);
    const preview = page.locator('output#preview');
    const before = (await preview.textContent()).trim();
    assert.match(before, /^H34\.22\.6-\d{6}-\d{4}$/, `stored pattern's next code: ${before}`);
    await j.check('so-ho-so');

    // No button pressed: the script asks the server and writes the answer into the output.
    await page.getByLabel('Mẫu số hồ sơ').fill('{agency}/{yyyy}/{seq:5}');
    await page.waitForFunction(() => /\/\d{4}\/\d{5}$/.test(document.getElementById('preview').textContent));
    const typed = (await preview.textContent()).trim();
    assert.match(typed, /^H34\.22\.6\/\d{4}\/\d{5}$/);
    assert.equal(page.url().includes('xem-truoc'), false, 'the page itself did not move');
    await j.check('so-ho-so-xem-truoc');

    await submit(j, page.getByRole('button', { name: 'Lưu' }), (url) => url.searchParams.get('da_luu') === '1');
    assert.equal((await page.locator('p[role="status"]').textContent()).trim(), 'Đã lưu.');
    assert.equal(await page.getByLabel('Mẫu số hồ sơ').inputValue(), '{agency}/{yyyy}/{seq:5}');
    assert.equal((await preview.textContent()).trim(), typed);
    await j.check('so-ho-so-da-luu');
  });

  step('"Cấu hình số hồ sơ" refuses a pattern without a year, in Vietnamese', async (j) => {
    const page = j.page;
    await page.getByLabel('Mẫu số hồ sơ').fill('{agency}-{seq:4}');
    await submit(j, page.getByRole('button', { name: 'Lưu' }));
    assert.match(await errorText(page), /^Mẫu số hồ sơ không hợp lệ/);
    await j.check('so-ho-so-loi', { expected: [...REFUSED, /^http 422: GET .*xem-truoc/] });
  });

  step('"Cơ quan, đơn vị": the list, the new-agency form refusing a bad tax code, an edit form', async (j) => {
    const page = j.page;
    await openMenu(j, 'Cơ quan, đơn vị');
    const codes = await page.locator('main table tbody td:first-child').allTextContents();
    assert.ok(codes.includes(UNIT) && codes.includes('H34.4'), `agencies: ${codes}`);
    await j.check('co-quan');

    await submit(j, page.getByRole('link', { name: 'Thêm cơ quan' }), (url) => url.pathname.endsWith('/moi'));
    await assertHeading(j, 'Thêm cơ quan');
    await j.check('co-quan-moi');
    await page.getByLabel('Mã cơ quan').fill('H34.22.7');
    await page.getByLabel('Tên cơ quan', { exact: true }).fill('Bộ phận TN&TKQ phường Quyết Thắng');
    await page.getByLabel('Cơ quan cấp trên').fill('H34');
    await page.getByLabel('Mã số thuế').fill('61-0022');
    await submit(j, page.getByRole('button', { name: 'Lưu' }));
    assert.match(await errorText(page), /^Thông tin cơ quan không hợp lệ/);
    assert.equal(await page.getByLabel('Tên cơ quan', { exact: true }).inputValue(), 'Bộ phận TN&TKQ phường Quyết Thắng');
    await j.check('co-quan-loi', { expected: REFUSED });

    await page.getByLabel('Mã số thuế').fill('6100228107');
    await submit(j, page.getByRole('button', { name: 'Lưu' }), (url) => url.searchParams.get('da_luu') === '1');
    assert.ok((await page.locator('main table tbody td:first-child').allTextContents()).includes('H34.22.7'));

    const row = page.locator('main table tbody tr', { has: page.locator('td', { hasText: /^H34\.22\.6$/ }) });
    await submit(j, row.getByRole('link', { name: 'Sửa' }), (url) => url.pathname.endsWith(`/${UNIT}`));
    assert.equal(await page.getByLabel('Mã số thuế').inputValue(), '6100228106');
    await j.check('co-quan-sua');
  });

  step('"Cán bộ": a new officer of H34.22.6 is created and listed', async (j) => {
    const page = j.page;
    await openMenu(j, 'Cán bộ');
    await j.check('can-bo');
    const form = page.getByRole('form', { name: 'Thêm cán bộ' });
    // First a username the browser lets through but the server refuses (capitals, a space).
    await form.getByLabel('Tên đăng nhập').fill('Tiếp Nhận');
    await form.getByLabel('Họ và tên').fill(NEW_STAFF.fullName);
    await form.getByLabel('Cơ quan', { exact: true }).selectOption(UNIT);
    await form.getByLabel('Cán bộ một cửa').check();
    await form.getByLabel('Mật khẩu ban đầu').fill(NEW_STAFF.password);
    await submit(j, form.getByRole('button', { name: 'Thêm cán bộ' }));
    assert.match(await errorText(page), /^Thông tin cán bộ không hợp lệ/);
    await j.check('can-bo-loi', { expected: REFUSED });

    const again = page.getByRole('form', { name: 'Thêm cán bộ' });
    await again.getByLabel('Tên đăng nhập').fill(NEW_STAFF.username);
    await again.getByLabel('Mật khẩu ban đầu').fill(NEW_STAFF.password);
    await submit(j, again.getByRole('button', { name: 'Thêm cán bộ' }), (url) => url.searchParams.get('da_luu') === '1');
    const list = page.getByRole('region', { name: /^Cán bộ · / });
    assert.match(await list.getByRole('heading').textContent(), new RegExp(`· ${UNIT.replace(/\./g, '\\.')}$`));
    const row = list.locator('tbody tr', { hasText: NEW_STAFF.username });
    assert.match(await row.textContent(), new RegExp(NEW_STAFF.fullName));
    assert.match(await row.textContent(), /Đang hoạt động/);
    await j.check('can-bo-da-them');
  });

  step('the new officer signs in with the initial password in a fresh browser', async (j) => {
    await j.inFreshBrowser(async (fresh) => {
      await signIn(fresh, NEW_STAFF.username, NEW_STAFF.password);
      const page = fresh.page;
      assert.equal((await page.locator('.account .user').textContent()).trim(), NEW_STAFF.fullName);
      // An officer has no "Quản trị" menu and may not open its pages.
      assert.equal(await page.getByRole('heading', { name: 'Quản trị' }).count(), 0);
      await fresh.goto('/can-bo/quan-tri/can-bo', 403);
      await fresh.check('can-bo-moi-403', { expected: [/\b403\b/] });
    });
  });

  step('"Thủ tục và lệ phí": the list, a procedure, a fee item refused then added', async (j) => {
    const page = j.page;
    await openMenu(j, 'Thủ tục và lệ phí');
    await j.check('thu-tuc');
    await page.getByLabel('Tên hoặc mã thủ tục (không cần dấu)').fill('chung thuc ban sao');
    await submit(j, page.getByRole('button', { name: 'Tìm kiếm' }), (url) => url.searchParams.has('q'));
    const row = page.locator('main table tbody tr', { hasText: COPY_PROCEDURE });
    await submit(j, row.getByRole('link', { name: 'Sửa' }), (url) => url.pathname.endsWith(`/${COPY_PROCEDURE}`));
    await j.check('thu-tuc-sua');
    const fees = page.getByRole('region', { name: 'Loại lệ phí' });
    const feesBefore = await fees.locator('tbody tr').count();

    const form = page.getByRole('form', { name: 'Thêm lệ phí' });
    await form.getByLabel('Tên lệ phí').fill('Lệ phí chứng thực bản sao điện tử');
    await form.getByLabel('Đơn vị tính').fill('trang');
    await form.getByLabel('Mức lệ phí (đồng)').fill('2.000,5');
    await form.getByLabel('Áp dụng từ ngày').fill('2025-01-01');
    await submit(j, form.getByRole('button', { name: 'Thêm lệ phí' }));
    assert.equal(
      (await errorText(page)).trim(),
      'Số tiền phải là số nguyên đồng, ví dụ 2000 hoặc 2.000 (không có phần thập phân).',
    );
    assert.equal(await fees.locator('tbody tr').count(), feesBefore, 'nothing was added');
    assert.equal(await page.getByLabel('Mức lệ phí (đồng)').inputValue(), '2.000,5');
    await j.check('le-phi-loi', { expected: REFUSED });

    await page.getByLabel('Mức lệ phí (đồng)').fill('2.000');
    await submit(j, page.getByRole('button', { name: 'Thêm lệ phí' }), (url) => url.searchParams.get('da_luu') === '1');
    const added = fees.locator('tbody tr', { hasText: 'Lệ phí chứng thực bản sao điện tử' });
    assert.match(await added.textContent(), /2\.000 VND/);
    assert.match(await added.textContent(), /01\/01\/2025/, 'dates read as elsewhere in the console');
    await j.check('le-phi-da-them');
  });

  step('"Lịch nghỉ lễ, làm bù": a day off is added to the year', async (j) => {
    const page = j.page;
    await openMenu(j, 'Lịch nghỉ lễ, làm bù');
    await j.check('lich');
    const year = (await page.locator('main nav strong').textContent()).trim();
    const form = page.getByRole('form', { name: 'Thêm ngày' });
    await form.getByLabel('Ngày', { exact: true }).fill(`${year}-12-24`);
    await form.getByLabel('Loại').selectOption({ label: 'Ngày nghỉ' });
    await form.getByLabel('Tên ngày').fill('Nghỉ bù sự kiện của tỉnh');
    await submit(j, form.getByRole('button', { name: 'Thêm ngày' }), (url) => url.searchParams.get('da_luu') === '1');
    const row = page.locator('main table tbody tr', { hasText: 'Nghỉ bù sự kiện của tỉnh' });
    assert.match(await row.textContent(), new RegExp(`24/12/${year}`));
    assert.match(await row.textContent(), /Ngày nghỉ/);
    await j.check('lich-da-them');
  });

  step('"Xóa hồ sơ": a case is deleted with a reason and reads Đã hủy', async (j) => {
    const page = j.page;
    await j.goto(`/can-bo/ho-so/${ONLINE_CASE}`);
    const section = page.getByRole('region', { name: 'Xóa hồ sơ' });
    await section.getByLabel('Lý do').fill(DELETE_REASON);
    await submit(j, section.getByRole('button', { name: 'Xóa hồ sơ' }), (url) => url.pathname === `/can-bo/ho-so/${ONLINE_CASE}`);
    assert.equal(await field(page.getByRole('region', { name: 'Thông tin hồ sơ' }), 'Trạng thái'), 'Đã hủy');
    const result = page.getByRole('region', { name: 'Kết quả xử lý' });
    assert.equal(await field(result, 'Lý do'), DELETE_REASON);
    const history = page.getByRole('region', { name: 'Lịch sử xử lý' });
    const last = history.locator('tbody tr', { hasText: DELETE_REASON });
    assert.match(await last.textContent(), /Đã hủy/);
    assert.equal(await page.getByRole('region', { name: 'Xóa hồ sơ' }).count(), 0, 'no second delete');
    await j.check('xoa-ho-so');
    await signOut(j);
  });
});
