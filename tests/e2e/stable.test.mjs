// Stable mode on the demo, end to end against the built app: the two-phase
// stable plan of the default scenario fills at least 80 % of the openings
// the optimal plan fills, phase 1 has no justified envy, and a phase-1
// mover's socialisation sheet lists their points per wish with the
// sentence that ranking true wishes is safe. Both figures are printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, planReady } from './harness.mjs';

const ctx = useApp('mutasi-stable-');

const figures = async (page) => {
  await planReady(page);
  const el = page.getByTestId('plan-summary');
  await el.waitFor();
  const n = async (name) => {
    const v = await el.getAttribute(name);
    return v === null ? null : Number(v);
  };
  return {
    moves: await n('data-moves'),
    openings: await n('data-openings'),
    filled: await n('data-openings-filled'),
    envy: await n('data-envy'),
    wishMoves: await n('data-wish-moves'),
    wishEnvy: await n('data-wish-envy'),
  };
};

test('the two-phase stable plan fills the openings and phase 1 has no envy', async () => {
  const { context, page, errors } = await openApp(ctx.browser, ctx.server.url);
  await page.getByTestId('nav-skenario').click();
  await page.getByTestId('run-plan').click();
  const optimal = await figures(page);
  assert.equal(optimal.wishMoves, null, 'no phases in optimal mode');
  assert.ok(optimal.filled > 0, `optimal fills ${optimal.filled}`);

  await page.getByTestId('mode-stable').check();
  await page.waitForFunction(() => document.querySelector('[data-testid="plan-summary"]')?.dataset.wishEnvy !== undefined);
  const stable = await figures(page);
  console.log(
    `demo, default scenario — optimal: ${optimal.moves} moves, openings ${optimal.filled}/${optimal.openings}, envy ${optimal.envy}; ` +
      `stable (two phases): ${stable.moves} moves, openings ${stable.filled}/${stable.openings}, phase 1 ${stable.wishMoves} moves, envy phase 1 ${stable.wishEnvy}, overall ${stable.envy}`,
  );
  assert.equal(stable.wishEnvy, 0, 'phase 1 is stable');
  assert.ok(stable.wishMoves > 0, 'phase 1 grants wishes');
  assert.ok(stable.filled * 5 >= optimal.filled * 4, `stable fills ${stable.filled}, optimal ${optimal.filled}`);

  // A phase-1 mover's socialisation sheet: their points per wish.
  await page.getByTestId('nav-hasil').click();
  const mover = page.locator('[data-testid="moves-result-table"] tbody tr[data-phase="wishes"]').first();
  await mover.waitFor();
  const nip = await mover.getAttribute('data-nip');
  await page.getByTestId('tab-social').click();
  await page.getByTestId('social-person').selectOption(nip);
  const sheet = page.getByTestId('social-person-sheet');
  await sheet.waitFor();
  await page.getByTestId('social-wish-points').waitFor();
  assert.ok((await page.locator('[data-testid="social-wish-points"] tr[data-granted="true"]').count()) === 1, 'the granted wish is marked');
  assert.match(await page.getByTestId('social-safe').textContent(), /tidak pernah merugikan/);
  assert.match(await page.getByTestId('social-phase').textContent(), /keinginan/);
  assert.deepEqual(errors, []);
  await context.close();
});
