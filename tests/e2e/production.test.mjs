// Production properties: offline after one visit, and no request leaves the
// app's own static files while importing, planning and exporting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, openApp, asnCount, planReady } from './harness.mjs';

const ctx = useApp();

/** Reads a one-row roster CSV on the Data page (in the file worker) and waits for its analysis. */
async function readCsvInWorker(page) {
  await page.getByTestId('nav-data').click();
  await page.getByTestId('sheet-file').setInputFiles({
    name: 'pegawai.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('NIP;NAMA\n198503142010012003;Dewi\n'),
  });
  await page.getByTestId('sheet-analysis').waitFor();
}

test('after one visit the app opens and works offline', async () => {
  const { context, page } = await openApp(ctx.browser, ctx.server.url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first load registers the worker; it controls the page from the next.
  await page.reload();
  await page.getByTestId('asn-count').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('asn-count').waitFor();
  assert.equal(await asnCount(page), 1500);
  // And it works: a plan is computed with the network off.
  await page.getByTestId('nav-skenario').click();
  await page.getByTestId('run-plan').click();
  await planReady(page);
  assert.ok(Number(await page.getByTestId('plan-summary').getAttribute('data-moves')) > 0);
  // The spreadsheet worker is cached too: a CSV is read offline.
  await readCsvInWorker(page);
  await context.close();
});

test('importing, planning and exporting request nothing but the app files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mutasi-privacy-'));
  const context = await ctx.browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective));
  });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await page.goto(ctx.server.url);
  await page.getByTestId('asn-count').waitFor();
  // Export, then import the file back.
  await page.getByTestId('nav-data').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan').click()]);
  const file = join(dir, 'plan.json');
  await download.saveAs(file);
  const plan = JSON.parse(await readFile(file, 'utf8'));
  plan.workspace.name = 'Uji privasi';
  await writeFile(file, JSON.stringify(plan));
  await page.getByTestId('import-plan').setInputFiles(file);
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('nav-hasil').click();
  await page.getByTestId('run-plan').click();
  await page.getByTestId('plan-summary').waitFor();
  await page.getByTestId('tab-compare').click();
  await page.getByTestId('compare-table').waitFor();
  // A spreadsheet read and an XLSX written (in the file worker).
  const [decree] = await Promise.all([page.waitForEvent('download'), page.getByTestId('decree-xlsx').click()]);
  assert.match(decree.suggestedFilename(), /\.xlsx$/);
  await readCsvInWorker(page);
  assert.ok(requests.some((u) => u.includes('files-worker')), 'the worker was loaded from the app');
  const outside = requests.filter((u) => !u.startsWith(ctx.server.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(outside, [], 'every request stays on the app\'s own files');
  assert.ok(requests.length > 3);
  // The app itself causes no CSP violation; an injected inline script is refused.
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.appendChild(s);
  });
  await page.waitForFunction(() => window.__csp.length > 0);
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.match((await page.evaluate(() => window.__csp))[0], /script-src/);
  await context.close();
});
