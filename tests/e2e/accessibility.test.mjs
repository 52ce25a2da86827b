// Automated accessibility audit: axe-core (from npm) runs inside every page,
// tab and detail view; no serious or critical violation may remain. The
// views are also reached by keyboard alone.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, openApp } from './harness.mjs';

const ctx = useApp();
let axeSource;

before(async () => {
  axeSource = await readFile(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
});

async function audit(page, where) {
  await page.evaluate(axeSource);
  const serious = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  });
  assert.deepEqual(serious, [], `${where}: ${serious.join('; ')}`);
}

test('no serious or critical axe violation on any page, tab or detail', async () => {
  const { context, page } = await openApp(ctx.browser, ctx.server.url);
  for (const nav of ['kebutuhan', 'pegawai', 'jabatan', 'skenario', 'hasil', 'evaluasi', 'data']) {
    await page.getByTestId(`nav-${nav}`).click();
    await audit(page, nav);
  }
  await page.getByTestId('nav-pegawai').click();
  await page.locator('[data-testid="asn-table"] tbody tr button').first().click();
  await audit(page, 'ASN detail');
  await page.getByTestId('nav-jabatan').click();
  await page.locator('[data-testid="position-table"] tbody tr button').first().click();
  await audit(page, 'position detail');
  await page.getByTestId('nav-hasil').click();
  await page.locator('[data-testid="moves-result-table"] tbody tr button').first().click();
  await audit(page, 'explanation');
  for (const tab of ['tab-compare', 'tab-fairness', 'tab-decisions']) {
    await page.getByTestId(tab).click();
    await audit(page, tab);
  }
  await page.getByTestId('decree-show').click();
  await page.getByTestId('decree-sheet').waitFor();
  await audit(page, 'decree attachment');
  await page.getByTestId('tab-social').click();
  await page.getByTestId('social-agency').selectOption({ index: 1 });
  await page.getByTestId('social-person').selectOption({ index: 1 });
  await page.getByTestId('social-person-sheet').waitFor();
  await audit(page, 'socialisation sheets');
  // The import mapping step with a report.
  await page.getByTestId('nav-data').click();
  await page.getByTestId('sheet-file').setInputFiles({
    name: 'pegawai.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('No;NAMA;GOL\n1;Budi;III/z\n'),
  });
  await page.getByTestId('sheet-analysis').waitFor();
  await audit(page, 'spreadsheet import mapping');
  await page.getByTestId('nav-evaluasi').click();
  for (const tab of ['tab-entry', 'tab-ninebox', 'tab-followup', 'tab-history']) {
    await page.getByTestId(tab).click();
    await audit(page, tab);
  }
  await page.getByTestId('lang-switch').click();
  await audit(page, 'English');
  // Card mode, as an ASN sees it.
  await page.goto(`${ctx.server.url}#/kartu`);
  await page.reload();
  await page.getByTestId('card-no-offer').waitFor();
  await audit(page, 'card mode without an offer');
  const offer = JSON.stringify({ format: 'mutasi-planner/formasi', version: 1, round: 'r1', round_name: 'Uji', agencies: [], positions: [] });
  ctx.server.put('formasi-uji.json', offer);
  await page.goto(`${ctx.server.url}#/kartu?formasi=formasi-uji.json`);
  await page.reload();
  await page.getByTestId('card-download').click();
  await audit(page, 'card mode');
  await context.close();
});

test('the main workflow works by keyboard alone', async () => {
  const { context, page } = await openApp(ctx.browser, ctx.server.url);
  // Tab to the navigation, open Hasil with Enter, then an explanation.
  const focusOn = async (testid, max = 80) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((t) => document.activeElement?.dataset?.testid === t, testid)) return;
    }
    throw new Error(`could not reach ${testid} by keyboard`);
  };
  await focusOn('nav-hasil');
  await page.keyboard.press('Enter');
  await page.getByTestId('moves-result-table').waitFor();
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => !!document.activeElement?.closest('[data-testid="moves-result-table"] tbody'))) break;
  }
  await page.keyboard.press('Enter');
  await page.getByTestId('explain-panel').waitFor();
  // Focus moved into the explanation, which the keyboard user reads next.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), 'explain-panel');
  // The 9-box opens a box with Enter.
  await page.getByTestId('nav-evaluasi').click();
  await page.getByTestId('tab-ninebox').click();
  await page.getByTestId('box-5').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('box-people').waitFor();
  await context.close();
});
