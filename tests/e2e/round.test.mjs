// A whole transfer round on the demo, end to end against the built app:
// mark a need → compute a scenario → open an explanation → override with a
// reason → compare two scenarios → export the plan → import it in a fresh
// browser profile → verify it → the same plan and the same comparison.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, importAndVerify, asnCount, planReady } from './harness.mjs';

const ctx = useApp('mutasi-round-');

const summary = async (page) => {
  await planReady(page);
  const el = page.getByTestId('plan-summary');
  await el.waitFor();
  return { moves: Number(await el.getAttribute('data-moves')), ms: Number(await el.getAttribute('data-ms')) };
};

test('a whole round: needs, plan, explanation, override, comparison, export, verify, re-import', async () => {
  const { context, page, errors } = await openApp(ctx.browser, ctx.server.url);

  // 1. Needs: open one more position, urgent, from its detail — one that is
  // not open yet (its detail lists no opening), so the count must grow by one.
  await page.getByTestId('nav-kebutuhan').click();
  const openingsBefore = Number(await page.getByTestId('openings-count').textContent());
  await page.getByTestId('nav-jabatan').click();
  await page.getByTestId('position-search').fill('Kepala Bidang');
  const rows = page.locator('[data-testid="position-table"] tbody tr[data-position]');
  await rows.first().waitFor();
  let chosen = null;
  for (let i = 0; i < (await rows.count()) && !chosen; i += 1) {
    await rows.nth(i).locator('button').click();
    await page.getByTestId('open-position').waitFor();
    if ((await page.getByTestId('position-openings').count()) === 0) chosen = await rows.nth(i).getAttribute('data-position');
  }
  assert.ok(chosen, 'a Kepala Bidang position that is not open yet');
  await page.getByTestId('open-priority').selectOption('Mendesak');
  await page.getByTestId('open-reason').fill('Kinerja bidang menurun');
  await page.getByTestId('open-confirm').click();
  await page.getByTestId('position-openings').waitFor();
  await page.getByTestId('nav-kebutuhan').click();
  await page.locator(`[data-testid="openings-table"] tr[data-position="${chosen}"]`).waitFor();
  assert.equal(Number(await page.getByTestId('openings-count').textContent()), openingsBefore + 1);

  // 2. Compute the active scenario; the recompute time is measured in the page.
  await page.getByTestId('nav-skenario').click();
  await page.getByTestId('run-plan').click();
  const first = await summary(page);
  assert.ok(first.moves > 0, `moves ${first.moves}`);
  assert.ok(first.ms > 0, `ms ${first.ms}`);
  // Dragging a weight recomputes live.
  await page.getByTestId('weight-stability').fill('60');
  await page.waitForFunction((m) => Number(document.querySelector('[data-testid="plan-summary"]').dataset.moves) !== m, first.moves);
  await page.getByTestId('weight-stability').fill('10');
  await page.waitForFunction((m) => Number(document.querySelector('[data-testid="plan-summary"]').dataset.moves) === m, first.moves);

  // 3. Open an explanation.
  await page.getByTestId('nav-hasil').click();
  const firstRow = page.locator('[data-testid="moves-result-table"] tbody tr').first();
  const nip = await firstRow.getAttribute('data-nip');
  await firstRow.locator('button').click();
  const panel = page.getByTestId('explain-panel');
  await panel.waitFor();
  assert.equal(await panel.locator('[data-testid="explain-terms"] tbody tr').count(), 6);
  assert.ok((await panel.locator('[data-testid="gap-chart"] rect').count()) > 0);

  // 4. Override with a reason: the person stays; the plan re-solves.
  await page.getByTestId('decide-stay').click();
  await page.locator('[data-testid="decision-form"] [role="alert"]').waitFor();
  await page.getByTestId('decision-reason').fill('Masih dibutuhkan di unit asal');
  await page.getByTestId('decide-stay').click();
  await page.waitForFunction((n) => ![...document.querySelectorAll('[data-testid="moves-result-table"] tbody tr')].some((r) => r.dataset.nip === n), nip);
  const overridden = await summary(page);

  // 5. Compare the two scenarios.
  await page.getByTestId('tab-compare').click();
  await page.getByTestId('compare-table').waitFor();
  const comparison = await page.getByTestId('compare-table').textContent();
  assert.ok((await page.locator('[data-testid="compare-table"] thead th').count()) >= 3);

  // 6. Export.
  await page.getByTestId('nav-data').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan').click()]);
  const file = join(ctx.dir, 'rencana.json');
  await download.saveAs(file);
  const plan = JSON.parse(await readFile(file, 'utf8'));
  const round = plan.workspace.rounds.find((r) => r.openings.length > 0);
  assert.equal(round.decisions.length, 1);
  assert.equal(round.decisions[0].reason, 'Masih dibutuhkan di unit asal');
  assert.equal(round.results.length, round.scenarios.length, 'every scenario is recorded');
  assert.ok(plan.workspace.audit.some((a) => a.reason === 'Masih dibutuhkan di unit asal'));
  // Every recorded move of the default scenarios is a transfer: the same
  // position type, and for a JF the same JF (its jf field); a JPT only
  // rotates to a JPT post. No PPPK is moved.
  const positions = new Map(plan.workspace.positions.map((p) => [p.id, p]));
  const people = new Map(plan.workspace.asn.map((a) => [a.nip, a]));
  let recorded = 0;
  for (const result of round.results) {
    for (const move of result.moves) {
      const person = people.get(move.asn);
      const from = positions.get(person.position.position);
      const to = positions.get(move.to);
      assert.notEqual(person.status, 'pppk', `${move.asn} is PPPK`);
      assert.equal(to.kind, from.kind, `${from.name} → ${to.name}`);
      assert.equal(to.jf ?? null, from.jf ?? null, `${from.name} → ${to.name}`);
      recorded += 1;
    }
  }
  assert.ok(recorded > 100, `${recorded} recorded moves`);
  assert.deepEqual(errors, []);
  await context.close();

  // 7. A fresh browser profile: import, verify, and see the same plan.
  const { fresh, verdicts } = await importAndVerify(ctx, file);
  assert.deepEqual(verdicts, round.scenarios.map(() => 'identical'));
  assert.match(await fresh.page.getByTestId('verify-result').textContent(), /Masih dibutuhkan di unit asal/);
  await fresh.page.getByTestId('import-confirm').click();
  await fresh.page.getByTestId('nav-hasil').click();
  assert.equal((await summary(fresh.page)).moves, overridden.moves);
  await fresh.page.getByTestId('tab-compare').click();
  await fresh.page.getByTestId('compare-table').waitFor();
  assert.equal(await fresh.page.getByTestId('compare-table').textContent(), comparison);
  assert.equal(await asnCount(fresh.page), 1500);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
});
