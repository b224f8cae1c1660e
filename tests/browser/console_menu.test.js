// Every entry of the console's menu, signed in as the province's administrator (the officer's
// pages are walked by console_lookup and console_intake, the forms of the admin pages by
// console_admin): each is opened from the menu itself and
// passes the page check (lang, screenshot, axe-core, a clean console). Entries not built yet say
// so in their title and answer 200; a page an account may not open must answer 403 with the
// console's error page, never a blank page or a 500.
'use strict';

const assert = require('node:assert/strict');
const { journey } = require('./support/journey');
const { signIn, signOut } = require('./support/console');

// The guide's menu, in its order, then the administrator's (src/adapters/web/page_support.cc).
const MENU = [
  'Hồ sơ chờ tiếp nhận',
  'Tiếp nhận hồ sơ',
  'Import hồ sơ từ file excel',
  'Xử lý hồ sơ',
  'Hồ sơ không cần xử lý',
  'Tra cứu hồ sơ theo đơn vị',
  'Tra cứu hồ sơ toàn cơ quan',
  'Tra cứu hồ sơ cá nhân',
  'Cấu hình số hồ sơ',
  'Danh sách thanh toán qua máy POS',
  'Dữ liệu một cửa',
  'Đánh giá dữ liệu',
  'Kho dữ liệu điện tử',
  'Đối soát thanh toán',
  // "Quản trị", shown to an administrator only (kAdminMenu in page_support.cc).
  'Cơ quan, đơn vị',
  'Cán bộ',
  'Thủ tục và lệ phí',
  'Lịch nghỉ lễ, làm bù',
];

const DEMO_CASE = 'H34.22.6-240426-0002';

// Slug of a menu label for the screenshot's name: "Xử lý hồ sơ" -> "xu-ly-ho-so".
function slug(label) {
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// Opens every menu entry by clicking it; returns { label: status }.
async function walkMenu(j, prefix) {
  const page = j.page;
  const menu = page.getByRole('navigation', { name: 'Xử lý hồ sơ' });
  const labels = (await menu.getByRole('link').allTextContents()).map((s) => s.trim());
  assert.deepEqual(labels, MENU);
  const statuses = {};
  for (const label of MENU) {
    const link = page.getByRole('navigation', { name: 'Xử lý hồ sơ' }).getByRole('link', { name: label, exact: true });
    const href = await link.getAttribute('href');
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === href && r.request().method() === 'GET'),
      link.click(),
    ]);
    await page.waitForLoadState('load');
    statuses[label] = response.status();
    const heading = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
    if (response.status() === 200) {
      // A page not built yet says so in its title; a built one carries the menu's label.
      assert.ok(heading === label || heading.startsWith(`${label} — `), `heading of ${href}: ${heading}`);
      const current = page.getByRole('navigation', { name: 'Xử lý hồ sơ' }).locator('[aria-current="page"]');
      assert.equal((await current.textContent()).trim(), label, `current menu entry on ${href}`);
      await j.check(`${prefix}-${slug(label)}`);
    } else {
      assert.equal(response.status(), 403, `GET ${href}`);
      await j.check(`${prefix}-${slug(label)}-403`, { expected: [/\b403\b/] });
    }
  }
  return statuses;
}

journey('menu', (step) => {
  step('the administrator of Tỉnh Kon Tum signs in', async (j) => {
    assert.equal(j.server.logins.admin, 'motcua-admin');
    await signIn(j, 'admin', j.server.logins.admin);
    await j.check('admin-bang-dieu-khien');
  });

  step('every menu entry opens for the administrator and passes the page check', async (j) => {
    const statuses = await walkMenu(j, 'admin');
    // The province's lookup is the administrator's job: it must not be refused.
    assert.equal(statuses['Tra cứu hồ sơ toàn cơ quan'], 200);
  });

  step('the administrator opens a case of the province and its slip', async (j) => {
    await j.goto(`/can-bo/ho-so/${DEMO_CASE}`);
    await j.check('admin-chi-tiet-ho-so');
    await j.goto(`/can-bo/ho-so/${DEMO_CASE}/giay-tiep-nhan`);
    await j.check('admin-giay-tiep-nhan');
  });

  step('a case that does not exist answers the console\'s Vietnamese 404 page', async (j) => {
    await j.goto('/can-bo/ho-so/H34.22.6-000000-9999', 404);
    assert.notEqual((await j.page.getByRole('heading', { level: 1 }).textContent()).trim(), '');
    assert.equal(await j.page.getByRole('navigation', { name: 'Xử lý hồ sơ' }).count(), 1);
    await j.check('admin-404', { expected: [/\b404\b/] });
    await signOut(j);
  });
});
