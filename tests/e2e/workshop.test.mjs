// A workshop's headline interaction, end to end against the built app
// (issue 17): a weight slider dragged with the mouse follows the pointer
// through many values (it once moved one step and stopped), keyboard steps
// work, and the plan follows the final value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, planReady } from './harness.mjs';

const ctx = useApp('mutasi-workshop-');

const moves = async (page) => {
  await planReady(page);
  return Number(await page.getByTestId('plan-summary').getAttribute('data-moves'));
};

test('a weight slider drags smoothly and the plan follows', async () => {
  const { context, page, errors } = await openApp(ctx.browser, ctx.server.url);
  await page.getByTestId('nav-skenario').click();
  await page.getByTestId('plan-summary').waitFor();
  const before = await moves(page);
  const slider = page.getByTestId('weight-stability');
  const start = Number(await slider.inputValue());
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  // The thumb's centre (Chromium's thumb is 16 px wide), then a drag to the
  // right in small pointer moves.
  const x0 = box.x + 8 + ((box.width - 16) * start) / 100;
  await page.mouse.move(x0, y);
  await page.mouse.down();
  const seen = [];
  for (let i = 1; i <= 8; i += 1) {
    await page.mouse.move(x0 + (i * box.width * 0.08), y, { steps: 3 });
    seen.push(Number(await slider.inputValue()));
  }
  await page.mouse.up();
  // Every step of the drag moved the thumb further.
  for (let i = 1; i < seen.length; i += 1) assert.ok(seen[i] > seen[i - 1], `values during the drag: ${start} → ${seen.join(', ')}`);
  const end = seen.at(-1);
  assert.ok(end >= start + 40, `dragged from ${start} to ${end}`);
  // Keyboard steps from there.
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(Number(await slider.inputValue()), end + 2);
  // The value beside the slider and the plan follow: staying weighs more,
  // so fewer people move.
  const output = slider.locator('xpath=following-sibling::output');
  await page.waitForFunction(
    ([v]) => document.querySelector('[data-testid="weight-stability"] ~ output')?.textContent === String(v),
    [end + 2],
  );
  assert.equal(await output.textContent(), String(end + 2));
  await page.waitForFunction((b) => Number(document.querySelector('[data-testid="plan-summary"]')?.dataset.moves) < b, before);
  const after = await moves(page);
  assert.ok(after < before, `moves ${before} → ${after}`);
  console.log(`drag: weight ${start} → ${seen.join(' → ')} (+2 by keys); moves ${before} → ${after}`);
  assert.deepEqual(errors, []);
  await context.close();
});
