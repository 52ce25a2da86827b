// The foundation workflow, end to end against the built app: open, see the
// demo, browse, export, change the workspace through an import, clear the
// browser, import the exported file and see the same data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, asnCount } from './harness.mjs';

const ctx = useApp('mutasi-e2e-');

async function exportPlan(page, name) {
  await page.getByTestId('nav-data').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan').click()]);
  const file = join(ctx.dir, name);
  await download.saveAs(file);
  assert.match(download.suggestedFilename(), /^rencana-mutasi-\d{4}-\d{2}-\d{2}\.json$/);
  // The export says what it wrote.
  await page.getByTestId('notice').filter({ hasText: `Berkas rencana diunduh: ${download.suggestedFilename()}` }).waitFor();
  return { file, plan: JSON.parse(await readFile(file, 'utf8')) };
}

async function importPlan(page, file) {
  await page.getByTestId('nav-data').click();
  await page.getByTestId('import-plan').setInputFiles(file);
  await page.getByTestId('import-preview').waitFor();
}

test('first visit opens on the Jambi demo under a sub-path', async () => {
  const { context, page, errors } = await openApp(ctx.browser, ctx.server.url);
  assert.equal(await asnCount(page), 1500);
  await assert.doesNotReject(page.getByTestId('asn-table').waitFor());
  assert.equal(await page.locator('[data-testid="asn-table"] tbody tr').count(), 50);
  // Browse: search a name, open the detail.
  const firstName = (await page.locator('[data-testid="asn-table"] tbody tr button').first().textContent()).trim();
  await page.getByTestId('asn-search').fill(firstName);
  await page.locator('[data-testid="asn-table"] tbody tr button').first().click();
  await page.getByTestId('asn-detail').waitFor();
  assert.match(await page.getByTestId('asn-detail').textContent(), new RegExp(firstName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  // Positions: the understaffed filter narrows the table.
  await page.getByTestId('nav-jabatan').click();
  const all = await page.getByTestId('position-pager-label').textContent();
  await page.getByTestId('position-filter-understaffed').check();
  assert.notEqual(await page.getByTestId('position-pager-label').textContent(), all);
  assert.match(page.url(), /#\/jabatan$/);
  // Every request stayed on this server, under the sub-path.
  assert.ok(ctx.server.requests.every((u) => u.startsWith('/aplikasi/mutasi/')), ctx.server.requests.join('\n'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('export, clear the ctx.browser, import: the same data', async () => {
  const { context, page } = await openApp(ctx.browser, ctx.server.url);
  const { plan: demo } = await exportPlan(page, 'demo.json');
  assert.equal(demo.format, 'mutasi-planner-plan');
  assert.equal(demo.workspace.asn.length, 1500);

  // Make the workspace differ from the demo: import a trimmed copy.
  const keep = new Set(demo.workspace.asn.slice(0, 1000).map((a) => a.nip));
  const trimmed = structuredClone(demo);
  trimmed.workspace.name = 'Uji ujung ke ujung';
  trimmed.workspace.asn = trimmed.workspace.asn.filter((a) => keep.has(a.nip));
  trimmed.workspace.moves = trimmed.workspace.moves.filter((m) => keep.has(m.asn));
  // The recorded plans name people who are no longer there: drop them.
  for (const round of trimmed.workspace.rounds) delete round.results;
  const trimmedFile = join(ctx.dir, 'trimmed.json');
  await writeFile(trimmedFile, JSON.stringify(trimmed));
  await importPlan(page, trimmedFile);
  assert.equal(await page.getByTestId('preview-asn').textContent(), '1.000');
  assert.equal(await asnCount(page), 1500, 'nothing changes before confirming');
  await page.getByTestId('import-confirm').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="asn-count"]').dataset.count === '1000');

  // Autosave: a reload keeps the imported workspace.
  await page.reload();
  await page.getByTestId('asn-count').waitFor();
  assert.equal(await asnCount(page), 1000);
  const { file: exported, plan: before } = await exportPlan(page, 'trimmed-export.json');
  assert.equal(before.workspace.name, 'Uji ujung ke ujung');

  // Clear the browser: the next visit is a first visit, on the demo again.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByTestId('asn-count').waitFor();
  assert.equal(await asnCount(page), 1500);

  // Import the exported file: the same data comes back.
  await importPlan(page, exported);
  await page.getByTestId('import-confirm').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="asn-count"]').dataset.count === '1000');
  const { plan: after } = await exportPlan(page, 'after.json');
  // Each export recomputes the recorded plans; only their time may differ.
  const untimed = (ws) => ({ ...ws, rounds: ws.rounds.map((r) => ({ ...r, results: (r.results ?? []).map(({ computed_at, ...rest }) => rest) })) });
  assert.deepEqual(untimed(after.workspace), untimed(before.workspace));
  await context.close();
});

test('a fresh browser profile imports the file and shows the same tables', async () => {
  const first = await openApp(ctx.browser, ctx.server.url);
  const { file, plan } = await exportPlan(first.page, 'profile.json');
  await first.page.getByTestId('nav-pegawai').click();
  const rowsBefore = await first.page.locator('[data-testid="asn-table"] tbody tr').allTextContents();
  await first.context.close();

  const second = await openApp(ctx.browser, ctx.server.url);
  await importPlan(second.page, file);
  await second.page.getByTestId('import-confirm').click();
  await second.page.getByTestId('nav-pegawai').click();
  const rowsAfter = await second.page.locator('[data-testid="asn-table"] tbody tr').allTextContents();
  assert.deepEqual(rowsAfter, rowsBefore);
  assert.equal(await asnCount(second.page), plan.workspace.asn.length);
  await second.context.close();
});

test('a bad file is refused with where and why, and nothing changes', async () => {
  const { context, page } = await openApp(ctx.browser, ctx.server.url);
  const { plan } = await exportPlan(page, 'good.json');
  plan.workspace.asn[12].nip = '1234';
  plan.workspace.asn[20].nip = plan.workspace.asn[21].nip;
  const badShape = join(ctx.dir, 'bad-shape.json');
  await writeFile(badShape, JSON.stringify(plan));
  await page.getByTestId('import-plan').setInputFiles(badShape);
  const alert = page.locator('[data-testid="import-errors"][role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /bad-shape\.json: workspace\.asn\[12\]\.nip: .*18/);
  assert.equal(await page.getByTestId('import-preview').count(), 0);

  plan.workspace.asn[12].nip = plan.workspace.asn[13].nip.replace(/\d{3}$/, '999');
  const duplicate = join(ctx.dir, 'duplicate.json');
  await writeFile(duplicate, JSON.stringify(plan));
  await page.getByTestId('import-plan').setInputFiles(duplicate);
  await page.waitForFunction(() => document.querySelector('[data-testid="import-errors"]')?.textContent.includes('duplicate.json'));
  assert.match(await alert.textContent(), /asn\[21\]\.nip: NIP "\d{18}" ganda \(pertama di asn\[\d+\]\.nip\)/);

  await writeFile(join(ctx.dir, 'not-json.json'), '{ "format": ');
  await page.getByTestId('import-plan').setInputFiles(join(ctx.dir, 'not-json.json'));
  await page.waitForFunction(() => document.querySelector('[data-testid="import-errors"]')?.textContent.includes('not-json.json'));
  // Where, in the UI's language (Indonesian by default).
  assert.match(await alert.textContent(), /not-json\.json: bukan JSON yang sah pada baris 1, kolom \d+/);
  assert.equal(await asnCount(page), 1500);
  await context.close();
});

test('two tabs on one workspace never silently overwrite each other', async () => {
  const { context, page: a } = await openApp(ctx.browser, ctx.server.url);
  const b = await context.newPage();
  await b.goto(ctx.server.url);
  await b.getByTestId('asn-count').waitFor();
  // Tab A changes a scenario weight; it saves, tab B learns of it and asks.
  await a.getByTestId('nav-skenario').click();
  await a.getByTestId('weight-stability').fill('60');
  const banner = b.locator('[data-testid="storage-banner"][role="alert"]');
  await banner.waitFor({ timeout: 10000 });
  await b.getByTestId('load-other-tab').click();
  await b.getByTestId('nav-skenario').click();
  assert.equal(await b.getByTestId('weight-stability').inputValue(), '60');
  assert.equal(await b.getByTestId('storage-banner').count(), 0);
  // Now B changes something: A is asked in turn, and keeping A's version
  // saves it deliberately.
  await b.getByTestId('weight-distance').fill('33');
  await a.locator('[data-testid="storage-banner"]').waitFor({ timeout: 10000 });
  await a.getByTestId('keep-this-tab').click();
  assert.equal(await a.getByTestId('storage-banner').count(), 0);
  await context.close();
});
