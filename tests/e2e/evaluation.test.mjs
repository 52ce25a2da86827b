// Evaluation after the moves, end to end: a flagged person gets a planned
// training and a mentor, and the KPI changes when a new period is entered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp } from './harness.mjs';

const ctx = useApp();

test('flag → training and mentor; a new period moves the KPI', async () => {
  const { context, page, errors } = await openApp(ctx.browser, ctx.server.url);
  await page.getByTestId('nav-evaluasi').click();
  const improved = async () => Number(await page.getByTestId('kpi-latest').getAttribute('data-improved'));
  const start = await improved();
  assert.ok(start > 0);
  await page.getByTestId('kpi-chart').waitFor();

  // People who did not improve; the first one with a competency gap gets a
  // training.
  await page.getByTestId('flag-filter').selectOption('no_improvement');
  const row = page
    .locator('[data-testid="flagged-table"] tbody tr')
    .filter({ has: page.getByTestId('plan-training') })
    .first();
  const nip = await row.getAttribute('data-nip');
  assert.match(await row.textContent(), /Belum membaik/);
  await row.getByTestId('plan-training').click();

  // ... and a mentor.
  await page.getByTestId('tab-followup').click();
  await page.getByTestId('mentor-proposals').waitFor();
  await page.getByTestId('plan-mentor').first().click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="follow-ups"] tbody tr').length === 2);
  await page.getByTestId('follow-up-status').first().selectOption('InProgress');

  // Enter a new, excellent period for the flagged person.
  await page.getByTestId('nav-pegawai').click();
  await page.getByTestId('asn-search').fill(nip);
  await page.locator('[data-testid="asn-table"] tbody tr button').first().click();
  await page.getByTestId('perf-year').fill('2026');
  await page.getByTestId('perf-hasil').selectOption('DiAtas');
  await page.getByTestId('perf-perilaku').selectOption('DiAtas');
  await page.getByTestId('perf-add').click();

  await page.getByTestId('nav-evaluasi').click();
  await page.waitForFunction((s) => Number(document.querySelector('[data-testid="kpi-latest"]').dataset.improved) === s + 1, start);
  assert.equal(await improved(), start + 1);

  // The 9-box lists the people of a box.
  await page.getByTestId('tab-ninebox').click();
  await page.getByTestId('box-5').click();
  assert.ok((await page.locator('[data-testid="box-people"] li').count()) > 0);
  assert.deepEqual(errors, []);
  await context.close();
});
