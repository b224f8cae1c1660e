// What an officer does in the console, as a person would: by labels and link texts in
// Vietnamese (the guide's words), never by internal ids. Shared by the journey files.
'use strict';

const assert = require('node:assert/strict');

// Signs in through the form; on return the dashboard is shown.
async function signIn(j, username, password) {
  const page = j.page;
  await j.goto('/can-bo/dang-nhap');
  await j.check('dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/can-bo'),
    page.getByRole('button', { name: 'Đăng nhập' }).click(),
  ]);
  await assertHeading(j, 'Bảng điều khiển');
}

async function signOut(j) {
  const page = j.page;
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/can-bo/dang-nhap'),
    page.getByRole('button', { name: 'Đăng xuất' }).click(),
  ]);
}

async function assertHeading(j, text) {
  const heading = j.page.getByRole('heading', { level: 1 });
  assert.equal((await heading.textContent()).trim(), text);
}

// Opens a menu entry of the console's left menu by its label.
async function openMenu(j, label) {
  const page = j.page;
  const link = page
    .getByRole('navigation', { name: 'Xử lý hồ sơ' })
    .getByRole('link', { name: label, exact: true });
  const href = await link.getAttribute('href');
  await Promise.all([page.waitForURL((url) => url.pathname === href), link.click()]);
  await assertHeading(j, label);
}

// Fills the lookup form's fields ({ code, idNumber, name }; others left empty) and submits.
// Returns { total, codes } read from the result table.
async function search(j, { code = '', idNumber = '', name = '' }) {
  const page = j.page;
  const form = page.getByRole('search');
  await form.getByLabel('Mã số hồ sơ').fill(code);
  await form.getByLabel('Số CMND').fill(idNumber);
  await form.getByLabel('Tên người nộp').fill(name);
  await Promise.all([
    page.waitForURL((url) => url.searchParams.has('ma')),
    form.getByRole('button', { name: 'Tìm kiếm', exact: true }).click(),
  ]);
  const totalText = await page.locator('p.total').textContent();
  const total = Number(totalText.match(/(\d+)\s*$/)[1]);
  const codes = await page.locator('table.cases tbody td:first-child a').allTextContents();
  return { total, codes: codes.map((c) => c.trim()) };
}

// The value of a <dt>/<dd> pair of a "dl.fields" inside `scope` (the page or a locator).
async function field(scope, label) {
  const dd = scope.locator('dl.fields dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  return (await dd.first().textContent()).trim();
}

module.exports = { signIn, signOut, assertHeading, openMenu, search, field };
