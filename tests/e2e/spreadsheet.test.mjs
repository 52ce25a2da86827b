// Real files in and out, end to end against the built app: an XLSX roster
// (title rows, a NIP column with an unknown header, a bad golongan) is
// imported after fixing its mapping, a plan is run, and the decree
// attachment is downloaded as XLSX and read back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { useApp, openApp, asnCount, PHONE, planReady } from './harness.mjs';

const ctx = useApp('mutasi-sheet-');

test('XLSX roster import with a fixed mapping, a plan, and the decree attachment read back', async () => {
  const { context, page, errors } = await openApp(ctx.browser, ctx.server.url);
  const before = await asnCount(page);
  // An existing person, to be updated by NIP.
  const existing = await page.locator('[data-testid="asn-table"] tbody tr').first().getAttribute('data-nip');

  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Nominatif');
  sheet.addRow(['DAFTAR NOMINATIF PEGAWAI']);
  sheet.addRow([]);
  sheet.addRow(['No. Induk', 'Nama', 'Gol/Ruang', 'Pendidikan', 'Jurusan', 'Domisili']);
  const rows = [
    [existing, 'Nama Diperbarui, S.E.', '', '', '', ''],
    ['198503142010012003', 'Dewi Lestari', 'III/b', 'S-1', 'Akuntansi', 'Tebo'],
    ['199001012015031001', 'Rahmat Hidayat', 'III/a', 'D-IV', 'Teknik Sipil', 'Kab. Kerinci'],
    ['198001012005011004', 'Budi Salah', 'III/z', 'S1', '', 'Bungo'],
  ];
  for (const r of rows) sheet.addRow(r);
  sheet.getColumn(1).numFmt = '@';
  const file = join(ctx.dir, 'nominatif.xlsx');
  await book.xlsx.writeFile(file);

  await page.getByTestId('nav-data').click();
  await page.getByTestId('sheet-file').setInputFiles(file);
  await page.getByTestId('sheet-analysis').waitFor();
  assert.match(await page.getByTestId('sheet-format').textContent(), /XLSX · Nominatif/);
  assert.match(await page.getByTestId('sheet-blocking').textContent(), /NIP/);
  assert.ok(await page.getByTestId('sheet-confirm').isDisabled());

  // Fix the mapping: NIP is column A ("No. Induk").
  await page.getByTestId('map-NIP').selectOption('0');
  await page.getByTestId('sheet-blocking').waitFor({ state: 'detached' });
  const counts = page.getByTestId('sheet-counts');
  assert.equal(await counts.getAttribute('data-new'), '2');
  assert.equal(await counts.getAttribute('data-update'), '1');
  assert.equal(await counts.getAttribute('data-invalid'), '1');
  const problem = page.locator('[data-testid="sheet-problems"] tbody tr');
  assert.equal(await problem.count(), 1);
  const cells = await problem.first().locator('td').allTextContents();
  assert.deepEqual(cells.slice(0, 2), ['7', 'C'], 'row 7 (under the title rows), column C');
  assert.match(cells[2], /III\/z/);
  // The row report downloads as CSV.
  const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sheet-report').click()]);
  assert.match(report.suggestedFilename(), /laporan-impor-nominatif/);

  await page.getByTestId('sheet-confirm').click();
  await page.getByTestId('sheet-analysis').waitFor({ state: 'detached' });
  assert.equal(await asnCount(page), before + 2);

  // The updated person in the roster.
  await page.getByTestId('nav-pegawai').click();
  await page.getByTestId('asn-search').fill('Nama Diperbarui');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="asn-table"] tbody tr').length === 1);
  assert.equal(await page.locator('[data-testid="asn-table"] tbody tr').first().getAttribute('data-nip'), existing);

  // Run the plan, download the decree attachment, read it back.
  await page.getByTestId('nav-skenario').click();
  await page.getByTestId('run-plan').click();
  await planReady(page);
  const moves = Number(await page.getByTestId('plan-summary').getAttribute('data-moves'));
  assert.ok(moves > 0);
  await page.getByTestId('nav-hasil').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('decree-xlsx').click()]);
  assert.match(download.suggestedFilename(), /^lampiran-sk-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const saved = join(ctx.dir, 'lampiran.xlsx');
  await download.saveAs(saved);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(saved);
  const ws = back.getWorksheet('Lampiran SK');
  assert.ok(ws, 'the sheet is named Lampiran SK');
  const headerRow = ws.getRow(4).values.slice(1);
  assert.deepEqual(headerRow, ['NO', 'NIP', 'NAMA', 'PANGKAT/GOL. RUANG', 'JABATAN LAMA', 'UNIT KERJA LAMA', 'JABATAN BARU', 'UNIT KERJA BARU', 'TMT', 'KETERANGAN']);
  const data = [];
  ws.eachRow((row, n) => {
    if (n > 4) data.push(row.values.slice(1));
  });
  assert.equal(data.length, moves, 'one line per move');
  data.forEach((r, i) => {
    assert.equal(r[0], i + 1);
    assert.match(String(r[1]), /^\d{18}$/, 'NIP kept as 18-digit text');
    assert.ok(r[2] && r[6] && r[7], 'name and new position and unit');
    assert.ok(r[8] instanceof Date, 'TMT is a date cell');
    // The default scenario transfers (and places people the import left
    // without a position); it never promotes or demotes.
    assert.ok(['Mutasi', 'Rotasi JPT', 'Penempatan'].includes(r[9]), `KETERANGAN ${r[9]}`);
  });
  assert.equal(ws.pageSetup.orientation, 'landscape');
  assert.equal(ws.pageSetup.paperSize, 9, 'A4');

  // The same list on screen, printable.
  await page.getByTestId('decree-show').click();
  assert.equal(await page.locator('[data-testid="decree-sheet"] tbody tr').count(), moves);

  assert.deepEqual(errors, []);
  await context.close();
});

test('an ASN fills a preference card in card mode; the analyst imports it with another bad file', async () => {
  // Someone from the roster.
  const app = await openApp(ctx.browser, ctx.server.url);
  const first = app.page.locator('[data-testid="asn-table"] tbody tr').first();
  const nip = await first.getAttribute('data-nip');
  const name = (await first.locator('td').nth(1).textContent()).trim();

  // The card page in a fresh profile: nothing but the offer is shown.
  const context = await ctx.browser.newContext({ acceptDownloads: true });
  const card = await context.newPage();
  const errors = [];
  card.on('pageerror', (e) => errors.push(String(e)));
  // Without an offer there is nothing to choose (never the demo's).
  await card.goto(`${ctx.server.url}kartu.html`);
  await card.getByTestId('card-no-offer').waitFor();
  assert.equal(await card.getByTestId('card-wishes').count(), 0);
  assert.equal(await card.getByTestId('card-download').count(), 0);
  // A link naming anything but a file beside the page is refused, a
  // missing file says so.
  await card.goto(`${ctx.server.url}kartu.html#formasi=..%2Fx.json`);
  await card.reload();
  await card.locator('[role="alert"]', { hasText: 'bukan nama berkas .json' }).waitFor();
  await card.goto(`${ctx.server.url}kartu.html#formasi=tidak-ada.json`);
  await card.reload();
  await card.locator('[role="alert"]', { hasText: 'HTTP 404' }).waitFor();
  // BKD publishes the round's offer beside the site; the link names it.
  await app.page.getByTestId('nav-data').click();
  const [offerDownload] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('download-offer').click()]);
  const offerName = offerDownload.suggestedFilename();
  // The page names the link to send, with this very file name.
  const link = await app.page.getByTestId('card-link').textContent();
  assert.equal(link, `${ctx.server.url}kartu.html#formasi=${offerName}`);
  ctx.server.put(offerName, await readFile(await offerDownload.path()));
  await app.page.getByTestId('nav-pegawai').click();
  // An old link of the planner (#/kartu?formasi=…) lands on the card page.
  await card.goto(`${ctx.server.url}#/kartu?formasi=${offerName}`);
  await card.waitForURL(/kartu\.html#formasi=/);
  await card.getByTestId('card-offer').waitFor();
  // Also when typed into the open planner (a hash change, not a load).
  await app.page.evaluate(() => { location.hash = '#/kartu'; });
  await app.page.waitForURL(/kartu\.html$/);
  await app.page.getByTestId('card-no-offer').waitFor();
  await app.page.goto(ctx.server.url);
  await app.page.getByTestId('asn-count').waitFor();
  // And the link as sent.
  await card.goto('about:blank');
  await card.goto(link);
  await card.getByTestId('card-offer').waitFor();
  assert.match(await card.getByTestId('card-offer').textContent(), /Program Mutasi/);
  assert.equal(await card.getByTestId('asn-table').count(), 0, 'no roster in card mode');
  // Download without a name or wish: the errors say what is missing.
  await card.getByTestId('card-nip').fill(nip);
  await card.getByTestId('card-download').click();
  assert.ok((await card.locator('.field-error').count()) >= 2);
  await card.getByTestId('card-name').fill(name);
  await card.getByTestId('wish-target-0').selectOption({ index: 1 });
  await card.getByTestId('wish-reason-0').selectOption('family');
  await card.getByTestId('card-add-wish').click();
  await card.getByTestId('wish-kind-1').selectOption('regency');
  await card.getByTestId('wish-target-1').selectOption({ label: 'Kabupaten Kerinci' });
  // No reason is chosen for the ASN: the second wish needs one.
  await card.getByTestId('card-download').click();
  await card.locator('.field-error', { hasText: 'Pilih alasan untuk pilihan 2' }).waitFor();
  await card.getByTestId('wish-reason-1').selectOption('health');
  // The second wish first: reordered with its button, reason and all.
  assert.ok(await card.getByTestId('wish-up-0').isDisabled());
  await card.getByTestId('wish-up-1').click();
  await card.waitForFunction(() => document.querySelector('[data-testid="wish-reason-0"]').value === 'health');
  assert.equal(await card.getByTestId('wish-target-0').evaluate((s) => s.selectedOptions[0].textContent), 'Kabupaten Kerinci');
  assert.equal(await card.getByTestId('wish-reason-1').inputValue(), 'family');
  assert.ok(await card.getByTestId('wish-down-1').isDisabled());
  // A summary before the download, with the file's name.
  await card.getByTestId('card-download').click();
  await card.getByTestId('card-summary').waitFor();
  assert.equal(await card.getByTestId('card-file-name').textContent(), `preferensi-${nip}.json`);
  const [download] = await Promise.all([card.waitForEvent('download'), card.getByTestId('card-confirm').click()]);
  assert.equal(download.suggestedFilename(), `preferensi-${nip}.json`);
  const file = join(ctx.dir, download.suggestedFilename());
  await download.saveAs(file);
  assert.deepEqual(errors, []);
  await context.close();

  // The analyst imports it with a file that is not a card.
  const { writeFile } = await import('node:fs/promises');
  const bogus = join(ctx.dir, 'bukan-kartu.json');
  await writeFile(bogus, '{"format": "lain"}');
  const page = app.page;
  await page.getByTestId('nav-data').click();
  await page.getByTestId('cards-files').setInputFiles([file, bogus]);
  const report = page.getByTestId('cards-report');
  await report.waitFor();
  assert.equal(await report.getAttribute('data-accepted'), '1');
  assert.equal(await report.getAttribute('data-problems'), '1');
  assert.match(await page.getByTestId('cards-problems').textContent(), /bukan-kartu\.json/);
  await page.getByTestId('cards-confirm').click();
  await report.waitFor({ state: 'detached' });
  assert.match(await page.getByTestId('notice').textContent(), /1/);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('an ASN answers their proposal with an objection file; the analyst records it', async () => {
  const app = await openApp(ctx.browser, ctx.server.url);
  const page = app.page;
  // The analyst sends one person their proposal as a file.
  await page.getByTestId('nav-hasil').click();
  await page.getByTestId('tab-social').click();
  await page.getByTestId('social-person').selectOption({ index: 1 });
  const nip = await page.getByTestId('social-person').inputValue();
  await page.getByTestId('social-person-sheet').waitFor();
  const [proposalDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('social-proposal').click()]);
  assert.equal(proposalDownload.suggestedFilename(), `usulan-${nip}.json`);
  const proposalFile = join(ctx.dir, proposalDownload.suggestedFilename());
  await proposalDownload.saveAs(proposalFile);

  // The ASN opens it on the card page, on a phone, and answers.
  const context = await ctx.browser.newContext({ ...PHONE, acceptDownloads: true });
  const card = await context.newPage();
  const errors = [];
  card.on('pageerror', (e) => errors.push(String(e)));
  await card.goto(`${ctx.server.url}kartu.html`);
  await card.getByTestId('proposal-file').setInputFiles(proposalFile);
  assert.match(await card.getByTestId('proposal-summary').textContent(), new RegExp(nip));
  await card.getByTestId('objection-download').click();
  await card.locator('.field-error', { hasText: 'Tulis alasan keberatan Anda' }).waitFor();
  await card.getByTestId('objection-text').fill('Orang tua saya sakit dan tinggal bersama saya.');
  const [objectionDownload] = await Promise.all([card.waitForEvent('download'), card.getByTestId('objection-download').click()]);
  assert.equal(objectionDownload.suggestedFilename(), `keberatan-${nip}.json`);
  const objectionFile = join(ctx.dir, objectionDownload.suggestedFilename());
  await objectionDownload.saveAs(objectionFile);
  assert.deepEqual(errors, []);
  await context.close();

  // The analyst records it as the ASN's comment.
  await page.getByTestId('nav-data').click();
  await page.getByTestId('objection-files').setInputFiles(objectionFile);
  const report = page.getByTestId('objections-report');
  await report.waitFor();
  assert.equal(await report.getAttribute('data-accepted'), '1');
  await page.getByTestId('objections-confirm').click();
  await page.getByTestId('notice').filter({ hasText: 'Keberatan dicatat: 1' }).waitFor();
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
