// The portal's accounts from a citizen's side: register (with "tiep" back to the account page),
// sign out through the header's account menu, the one message for a wrong password, sign in,
// "Quên mật khẩu" with the code read from the server's event log (the development Outbox writes
// each message as an event "outbox" on stderr), the new password, and the demo citizen's login.
// Every page passes j.check (axe-core: no serious or critical violation).
'use strict';

const assert = require('node:assert/strict');
const { journey } = require('./support/journey');

const ID = '079123456789';
const NAME = 'Nguyễn Thị Lan';
const PASSWORD = 'lan-mat-khau-2024';
const NEW_PASSWORD = 'lan-mat-khau-moi';

function path(page) {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

// The newest password-reset code the server wrote to its event log for `email`.
function codeFromLog(server, email) {
  const lines = server.output().stderr.split('\n').filter((l) => l.includes('"event":"outbox"'));
  for (const line of lines.reverse()) {
    const event = JSON.parse(line);
    if (event.email !== email) continue;
    const code = event.text.match(/\b(\d{6})\b/);
    if (code) return code[1];
  }
  throw new Error(`no outbox event for ${email} in motcua's stderr`);
}

async function signOut(j) {
  const menu = j.page.locator('details.pub-account-menu');
  await menu.locator('summary').click();
  await Promise.all([
    j.page.waitForURL((url) => url.pathname === '/'),
    menu.getByRole('button', { name: 'Đăng xuất' }).click(),
  ]);
  assert.equal(await j.page.locator('.pub-account a[href="/dang-nhap"]').count(), 1);
}

async function signIn(j, id, password) {
  await j.goto('/dang-nhap?tiep=%2Ftai-khoan');
  await j.page.getByLabel('Số định danh (CCCD/MST)').fill(id);
  await j.page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await j.page.getByRole('button', { name: 'Đăng nhập' }).click();
  await j.page.waitForLoadState();
}

journey('tai-khoan-cong-dan', (step) => {
  step('a citizen registers and lands on the account page', async (j) => {
    await j.goto('/dang-ky?tiep=%2Ftai-khoan');
    assert.match(await j.page.locator('main').textContent(), /ít nhất 8 ký tự/);
    await j.check('dang-ky');
    const page = j.page;
    await page.getByLabel('Công dân').check();
    await page.getByLabel('Số định danh (CCCD/MST)').fill(ID);
    await page.getByLabel('Họ và tên / Tên doanh nghiệp').fill(NAME);
    await page.getByLabel('Số điện thoại').fill('0912345678');
    await page.getByLabel(/Thư điện tử/).fill('lan@example.vn');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/tai-khoan'),
      page.getByRole('button', { name: 'Đăng ký' }).click(),
    ]);
    const main = await page.locator('main').textContent();
    assert.match(main, new RegExp(ID));
    assert.match(main, new RegExp(NAME));
    assert.equal(
      (await page.locator('details.pub-account-menu summary').textContent()).trim(),
      'NGUYỄN THỊ LAN',
    );
    await j.check('tai-khoan');
  });

  step('a form with a mistake says so next to the field', async (j) => {
    await j.inFreshBrowser(async () => {
      await j.goto('/dang-ky');
      const page = j.page;
      await page.getByLabel('Số định danh (CCCD/MST)').fill('12345');
      await page.getByLabel('Họ và tên / Tên doanh nghiệp').fill(NAME);
      await page.getByLabel('Số điện thoại').fill('0912345678');
      await page.getByLabel('Mật khẩu', { exact: true }).fill('ngan');
      await page.getByLabel('Nhập lại mật khẩu').fill('ngan');
      await page.getByRole('button', { name: 'Đăng ký' }).click();
      await page.waitForLoadState();
      assert.equal(await page.locator('#so_dinh_danh-error').textContent(), 'Số CCCD phải gồm đúng 12 chữ số.');
      assert.equal(await page.locator('#mat_khau-error').textContent(), 'Mật khẩu phải có ít nhất 8 ký tự.');
      assert.equal(await page.getByLabel('Họ và tên / Tên doanh nghiệp').inputValue(), NAME);
      assert.equal(await page.getByLabel('Mật khẩu', { exact: true }).inputValue(), '');
      await j.check('dang-ky-loi', { expected: [/http 422/, /Failed to load resource/] });
    });
  });

  step('the citizen signs out from the header menu', async (j) => {
    await signOut(j);
  });

  step('a wrong password gets the one message', async (j) => {
    await signIn(j, ID, 'sai-mat-khau');
    assert.equal(path(j.page), '/dang-nhap');
    assert.equal(
      (await j.page.locator('main .error').textContent()).trim(),
      'Số định danh hoặc mật khẩu không đúng.',
    );
    assert.equal(await j.page.locator('a[href="/can-bo/dang-nhap"]').first().count(), 1);
    await j.check('dang-nhap-sai', { expected: [/http 401/, /Failed to load resource/] });
  });

  step('the right password signs in and goes to "tiep"', async (j) => {
    await signIn(j, ID, PASSWORD);
    assert.equal(path(j.page), '/tai-khoan');
    await signOut(j);
  });

  step('"Quên mật khẩu" sends a code that resets the password', async (j) => {
    await j.goto('/quen-mat-khau');
    await j.check('quen-mat-khau');
    await j.page.getByLabel('Số định danh (CCCD/MST)').fill(ID);
    await Promise.all([
      j.page.waitForURL((url) => url.pathname === '/dat-lai-mat-khau'),
      j.page.getByRole('button', { name: 'Gửi mã xác nhận' }).click(),
    ]);
    assert.match(await j.page.locator('main .pub-notice').textContent(), /mã xác nhận đã được gửi/);
    await j.check('dat-lai-mat-khau');
    const code = codeFromLog(j.server, 'lan@example.vn');
    await j.page.getByLabel('Mã xác nhận (6 chữ số)').fill(code);
    await j.page.getByLabel('Mật khẩu mới').fill(NEW_PASSWORD);
    await j.page.getByLabel('Nhập lại mật khẩu').fill(NEW_PASSWORD);
    await Promise.all([
      j.page.waitForURL((url) => url.pathname === '/dang-nhap'),
      j.page.getByRole('button', { name: 'Đặt lại mật khẩu' }).click(),
    ]);
    assert.match(await j.page.locator('main .pub-notice').textContent(), /Đã đặt lại mật khẩu/);
    await j.check('da-dat-lai');
    await signIn(j, ID, NEW_PASSWORD);
    assert.equal(path(j.page), '/tai-khoan');
    await signOut(j);
  });

  step('the demo citizen signs in with the login the server printed', async (j) => {
    const password = j.server.logins['062190018870'];
    assert.ok(password, 'the banner lists the demo citizen');
    await signIn(j, '062190018870', password);
    assert.equal(path(j.page), '/tai-khoan');
    assert.match(await j.page.locator('main').textContent(), /Võ Đặng Ngọc Giả/);
  });
});
