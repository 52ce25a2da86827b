// Automated accessibility audit: axe-core (from npm) runs inside every page,
// tab and detail view; no serious or critical violation may remain. The
// views are also reached by keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, axeAudit as audit } from './harness.mjs';

const ctx = useApp();

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
  // The ASN's card page is audited at phone size in kartu.test.mjs.
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
