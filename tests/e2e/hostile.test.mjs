// Hostile and broken inputs (issue 19), against the built app: a plan file
// or a stored entry with numbers no province has, a damaged stored entry,
// a tiny XLSX with a huge cell, and two tabs that must not ping-pong or
// drop an edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync, crc32 } from 'node:zlib';
import { useApp, openApp } from './harness.mjs';

const ctx = useApp('mutasi-hostile-');
const WORKSPACE_KEY = 'mutasi-planner.workspace';

async function exportedPlan(page) {
  await page.getByTestId('nav-data').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan').click()]);
  const file = join(ctx.dir, 'demo.json');
  await download.saveAs(file);
  return JSON.parse(await readFile(file, 'utf8'));
}

/** A stored entry as the planner writes it: raw DEFLATE of the plan JSON in base64. */
function storedEntry(plan) {
  const data = deflateRawSync(Buffer.from(JSON.stringify(plan))).toString('base64');
  return JSON.stringify({ schema_version: 2, encoding: 'deflate+base64', data });
}

test('numbers no province has are refused by name, in a file and in storage, and no page crashes', async () => {
  const { context, page, errors } = await openApp(ctx.browser, ctx.server.url);
  const plan = await exportedPlan(page);
  const open = plan.workspace.rounds.length - 1;
  plan.workspace.rounds[open].openings[0].slots = 4294967295;
  const file = join(ctx.dir, 'slots.json');
  await writeFile(file, JSON.stringify(plan));
  await page.getByTestId('import-plan').setInputFiles(file);
  const alert = page.getByTestId('import-errors');
  await alert.filter({ hasText: 'slots.json' }).waitFor();
  assert.match(await alert.textContent(), new RegExp(`rounds\\[${open}\\]\\.openings\\[0\\]\\.slots: 4294967295 di luar 1…99`));
  assert.equal(await page.getByTestId('import-preview').count(), 0);

  // The same workspace planted in storage (as an older build let it in):
  // the page opens on the demo, keeps the entry, says why, and every page
  // still works.
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [WORKSPACE_KEY, storedEntry(plan)]);
  await page.reload();
  await page.getByTestId('asn-count').waitFor();
  await page.getByTestId('storage-banner').waitFor();
  for (const nav of ['nav-skenario', 'nav-hasil', 'nav-kebutuhan']) {
    await page.getByTestId(nav).click();
  }
  await page.getByTestId('nav-data').click();
  const why = await page.getByTestId('storage-error').textContent();
  assert.match(why, /ruang kerja tersimpan tidak sah: .*slots: 4294967295 di luar 1…99/);
  assert.ok(why.length < 300, why);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key).length > 1000, WORKSPACE_KEY), true, 'the entry is kept');

  // A damaged entry (its data cut to 90 %): a short message, not the
  // inflated workspace.
  const whole = JSON.parse(storedEntry(plan));
  const cut = Math.floor((whole.data.length * 0.9) / 4) * 4;
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [WORKSPACE_KEY, JSON.stringify({ ...whole, data: whole.data.slice(0, cut) })]);
  await page.reload();
  await page.getByTestId('nav-data').click();
  const damaged = await page.getByTestId('storage-error').textContent();
  assert.equal(damaged, 'data tersimpan rusak: Truncated input stream');
  assert.deepEqual(errors, []);
  await context.close();
});

/** A zip of `parts` ([name, text]), each part deflated, as Excel writes one. */
function zip(parts) {
  const local = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of parts) {
    const raw = Buffer.from(text);
    const body = deflateRawSync(raw, { level: 9 });
    const fileName = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(raw), 14);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(raw.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(raw), 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    local.push(header, fileName, body);
    central.push(entry, fileName);
    offset += header.length + fileName.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

function workbook(cell) {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zip([
    ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>NIP</t></is></c><c r="B1" t="inlineStr"><is><t>${cell}</t></is></c></row></sheetData></worksheet>`],
  ]);
}

test('a tiny XLSX with a 100 MB cell is refused by the worker and the page stays alive', async () => {
  const { context, page, errors } = await openApp(ctx.browser, ctx.server.url);
  const bomb = workbook('A'.repeat(100 << 20));
  assert.ok(bomb.length < 200_000, `${bomb.length} bytes`);
  const file = join(ctx.dir, 'bom.xlsx');
  await writeFile(file, bomb);
  await page.getByTestId('nav-data').click();
  await page.getByTestId('sheet-file').setInputFiles(file);
  const problem = page.locator('[role="alert"]').filter({ hasText: 'bom.xlsx: buku kerja terlalu besar' });
  await problem.waitFor({ timeout: 30_000 });
  // The page answers at once afterwards.
  await page.getByTestId('nav-pegawai').click();
  await page.getByTestId('asn-table').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('loading the other tab\'s version is no change, and an edit made while paused is kept', async () => {
  const { context, page: a } = await openApp(ctx.browser, ctx.server.url);
  await a.evaluate(() => {
    window.__events = [];
    addEventListener('storage', (e) => window.__events.push(e.key));
  });
  const b = await context.newPage();
  // B's timers run only when the test says so: its autosave, were it to
  // store the version it loaded, runs at a known point.
  await b.clock.install();
  await b.goto(ctx.server.url);
  await b.getByTestId('asn-count').waitFor();
  await a.getByTestId('nav-skenario').click();
  await a.getByTestId('weight-stability').fill('60');
  await b.locator('[data-testid="storage-banner"]').waitFor({ timeout: 10_000 });
  await b.getByTestId('load-other-tab').click();
  await b.clock.runFor(5_000);
  // A marker written by B after everything B would store: once A has seen
  // it, A has seen every storage event B caused.
  await b.evaluate(() => localStorage.setItem('e2e-marker', String(Date.now())));
  await a.waitForFunction(() => window.__events.includes('e2e-marker'));
  assert.deepEqual(await a.evaluate(() => window.__events.filter((k) => k.startsWith('mutasi-planner.workspace'))), []);
  assert.equal(await a.getByTestId('storage-banner').count(), 0);
  assert.equal(await b.getByTestId('storage-banner').count(), 0);

  // B changes something: A is paused and asked. An edit A makes meanwhile
  // is kept apart, and survives a reload.
  await b.getByTestId('nav-skenario').click();
  await b.getByTestId('weight-distance').fill('33');
  await b.clock.runFor(5_000);
  await a.locator('[data-testid="storage-banner"]').waitFor({ timeout: 10_000 });
  await a.getByTestId('weight-fit').fill('77');
  await a.waitForFunction(() => localStorage.getItem('mutasi-planner.workspace.copy') !== null);
  await a.reload();
  await a.getByTestId('copy-banner').waitFor();
  // When it was kept, in local time as Indonesians write it (not ISO).
  assert.match(await a.locator('[data-testid="copy-banner"] time').textContent(), /^\d{1,2}\/\d{1,2}\/\d{4}/);
  await a.getByTestId('nav-skenario').click();
  assert.equal(await a.getByTestId('weight-distance').inputValue(), '33', 'B\'s version is the stored one');
  await a.getByTestId('load-copy').click();
  assert.equal(await a.getByTestId('weight-fit').inputValue(), '77', 'A\'s paused edit is back');
  assert.equal(await a.getByTestId('copy-banner').count(), 0);
  assert.equal(await a.evaluate(() => localStorage.getItem('mutasi-planner.workspace.copy')), null);
  await context.close();
});

test('forged and conflicting preference cards: refused or left to the analyst', async () => {
  const { context, page, errors } = await openApp(ctx.browser, ctx.server.url);
  const plan = await exportedPlan(page);
  const ws = plan.workspace;
  const round = ws.rounds[ws.rounds.length - 1].id;
  const [a, b] = ws.asn;
  const card = (name, person, at, regency, more = {}) => {
    const path = join(ctx.dir, name);
    const body = {
      format: 'mutasi-planner/kartu-preferensi', version: 1, round, nip: person.nip, name: person.name, created_at: at,
      wishes: [{ target: { kind: 'regency', id: regency }, reason: 'family' }], ...more,
    };
    return writeFile(path, JSON.stringify(body)).then(() => path);
  };
  const files = [
    await card('a-1.json', a, '2026-12-01T08:00:00Z', 'tebo'),
    await card('a-2.json', a, '2026-12-02T08:00:00Z', 'bungo'),
    await card('b-palsu.json', b, '9999-12-31T23:59:59Z', 'tebo'),
    await card('b-lama.json', b, '2024-05-01T08:00:00Z', 'tebo', { round: 'mutasi-2024' }),
  ];
  await page.getByTestId('cards-files').setInputFiles(files);
  const report = page.getByTestId('cards-report');
  await report.waitFor();
  const problems = await page.getByTestId('cards-problems').textContent();
  assert.match(problems, /b-palsu\.json.*masih di masa depan; kartu tidak dipakai/s);
  assert.match(problems, /b-lama\.json.*kartu untuk putaran lain \("mutasi-2024"\)/s);
  // A's two cards disagree: nothing is picked until the analyst chooses.
  const conflict = page.locator(`[data-testid="cards-conflict"][data-nip="${a.nip}"]`);
  assert.match(await conflict.textContent(), /a-1\.json.*Kabupaten Tebo.*a-2\.json.*Kabupaten Bungo/s);
  assert.equal(await report.getAttribute('data-accepted'), '0');
  assert.equal(await page.getByTestId('cards-confirm').isDisabled(), true);
  await conflict.getByTestId('conflict-card').first().check();
  assert.equal(await report.getAttribute('data-accepted'), '1');
  await page.getByTestId('cards-confirm').click();
  await report.waitFor({ state: 'detached' });
  await page.getByTestId('nav-pegawai').click();
  await page.getByTestId('asn-search').fill(a.nip);
  await page.locator('[data-testid="asn-table"] tbody tr button').first().click();
  assert.match(await page.getByTestId('asn-detail').textContent(), /Tebo/);
  assert.doesNotMatch(await page.getByTestId('asn-detail').textContent(), /Bungo/);
  assert.deepEqual(errors, []);
  await context.close();
});
