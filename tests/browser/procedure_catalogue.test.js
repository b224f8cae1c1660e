// The public catalogue and the public "Tra cứu hồ sơ" (issue 8): the home page's search box
// finds the copy certification typed without diacritics, "Thủ tục hành chính" filters and opens
// its page with the documents and the fees, and the demo case is looked up by its code and the
// submitter's last 4 digits (one message for a mismatch). Data: the demo seed and the shipped
// catalogue (data/catalogue) in a fresh database.
'use strict';

const assert = require('node:assert/strict');
const { journey } = require('./support/journey');

const CASE = 'H34.22.6-240426-0002'; // the demo's counter case: 3.000 VND due, ID ending 8870
const COPY = '2.000815.000.00.00.H34';
const CATALOGUE_COPY = '2.000815'; // the shipped catalogue's row of the same procedure

// A table's body rows, each as its cells' texts joined by " | ".
async function rows(page, selector) {
  return page.locator(`${selector} tbody tr`).evaluateAll((trs) =>
    trs.map((tr) =>
      Array.from(tr.cells, (td) => td.textContent.replace(/\s+/g, ' ').trim()).join(' | ')));
}

journey('thu-tuc', (step) => {
  step('the home page\'s search box finds "chung thuc" without diacritics', async (j) => {
    const page = j.page;
    await j.goto('/');
    await page.locator('.pub-hero input[name="q"]').fill('chung thuc');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/tim-kiem' && url.searchParams.get('q') === 'chung thuc'),
      page.locator('.pub-hero').getByRole('button', { name: 'Tìm kiếm', exact: true }).click(),
    ]);
    const found = await rows(page, '.pub-table');
    assert.ok(found.some((r) => r.startsWith(`${COPY} | `)), found.join(' / '));
    assert.ok(found.some((r) => r.startsWith(`${CATALOGUE_COPY} | `)), found.join(' / '));
    assert.ok(found.every((r) => /Chứng thực/.test(r)), 'only chứng thực procedures');
    await j.check('tim-kiem');
  });

  step('"Thủ tục hành chính" filters by field and level and opens the procedure', async (j) => {
    const page = j.page;
    await page.locator('nav.pub-menu').getByRole('link', { name: 'Thủ tục hành chính', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/thu-tuc-hanh-chinh');
    const all = Number(await page.locator('.cat-total').textContent());
    assert.ok(all >= 15, `the shipped catalogue lists ${all}`);
    await j.check('danh-muc');
    await page.getByLabel('Tên hoặc mã thủ tục').fill('chứng thực bản sao');
    await page.getByLabel('Lĩnh vực').selectOption('Chứng thực');
    await page.getByLabel('Cấp thực hiện').selectOption('Xã');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('linh_vuc') === 'Chứng thực'),
      page.locator('form.pub-filters').getByRole('button', { name: 'Tìm kiếm', exact: true }).click(),
    ]);
    const found = await rows(page, '.pub-table');
    assert.ok(found.length >= 1 && found.every((r) => / \| Chứng thực \| Xã \| /.test(r)), found.join(' / '));
    const online = page.locator(`a[href="/dich-vu-cong-truc-tuyen/${CATALOGUE_COPY}"]`);
    assert.equal(await online.count(), 1, 'the row links to its online form');
    await j.check('loc-linh-vuc');
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/thu-tuc-hanh-chinh/${CATALOGUE_COPY}`),
      page.locator(`.pub-table a[href="/thu-tuc-hanh-chinh/${CATALOGUE_COPY}"]`).click(),
    ]);
    await page.locator('#procedure-title').waitFor();
    assert.equal((await page.locator('.proc-agency').textContent()).trim(), 'Ủy ban nhân dân cấp xã');
    assert.equal((await page.locator('.proc-days').textContent()).trim(), '1 ngày làm việc');
    const documents = await rows(page, '.proc-documents');
    assert.ok(
      documents.includes('Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao | 1 | 0 | Bắt buộc'),
      documents.join(' / '),
    );
    const fees = await rows(page, '.proc-fees');
    assert.match(fees.join(' / '), /2\.000 VND\/trang \(từ trang 1\) ?1\.000 VND\/trang \(từ trang 3\) \| 200\.000 VND/);
    assert.equal(
      await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến', exact: true }).getAttribute('href'),
      `/dich-vu-cong-truc-tuyen/${CATALOGUE_COPY}`,
    );
    await j.check('thu-tuc');
  });

  step('an unknown procedure code is a Vietnamese 404 page', async (j) => {
    await j.goto('/thu-tuc-hanh-chinh/9.999999', 404);
    assert.equal((await j.page.locator('h1').textContent()).trim(), 'Không tìm thấy thủ tục');
    await j.check('thu-tuc-khong-co', { expected: [/http 404/, /status of 404/] });
  });

  step('"Tra cứu hồ sơ" shows the demo case for its code and last 4 digits only', async (j) => {
    const page = j.page;
    await j.goto('/');
    await page.locator('nav.pub-menu').getByRole('link', { name: 'Tra cứu hồ sơ', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/tra-cuu-ho-so');
    await j.check('tra-cuu');
    await page.getByLabel('Mã số hồ sơ').fill(CASE);
    await page.getByLabel('4 số cuối CCCD/MST của người nộp').fill('0000');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('cccd') === '0000'),
      page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click(),
    ]);
    assert.equal(
      (await page.getByRole('alert').textContent()).trim(),
      'Không tìm thấy hồ sơ khớp với mã số hồ sơ và 4 số cuối CCCD/MST đã nhập.',
    );
    assert.equal(await page.locator('.cs-status').count(), 0);
    await j.check('tra-cuu-sai-so', { expected: [/http 404/, /status of 404/] });

    await page.getByLabel('4 số cuối CCCD/MST của người nộp').fill('8870');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('cccd') === '8870'),
      page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click(),
    ]);
    assert.equal((await page.locator('.cs-code').textContent()).trim(), CASE);
    assert.equal((await page.locator('.cs-status').textContent()).trim(), 'Được tiếp nhận');
    assert.equal((await page.locator('.cs-submitter').textContent()).trim(), 'VÕ ĐẶNG NGỌC GIẢ (****8870)'.normalize('NFC'));
    const facts = (await page.locator('.case-status').textContent()).replace(/\s+/g, ' ');
    assert.match(facts, /Ngày tiếp nhận ?26\/04\/2024 07:27:52/);
    assert.equal(
      await page.getByRole('link', { name: 'Thanh toán trực tuyến', exact: true }).last().getAttribute('href'),
      `/thanh-toan?ma=${encodeURIComponent(CASE)}`,
    );
    await j.check('tra-cuu-thay-ho-so');
  });
});
