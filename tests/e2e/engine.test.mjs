// The engine worker (issue 22), end to end against the built app: the
// page plans in a web worker and shows a "recomputing" state meanwhile;
// of two quick inputs only the last one's plan is ever shown; a weight
// drag waits for the running plan (same round), a rule change stops it
// (a new worker, sent the world); the plan shown is the plan "compute"
// makes of what is on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, planReady } from './harness.mjs';

const ctx = useApp();

/** Counts the engine workers the page starts and stops (an init script). */
function countWorkers() {
  window.__engine = { started: 0, terminated: 0 };
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      this.engine = String(url).includes('engine-worker');
      if (this.engine) window.__engine.started += 1;
    }

    terminate() {
      if (this.engine) window.__engine.terminated += 1;
      super.terminate();
    }
  };
}

/** Records every plan number the summary shows, and whether "recomputing" was visible. */
function recordPlans() {
  window.__seqs = [];
  window.__sawComputing = false;
  new MutationObserver(() => {
    const seq = document.querySelector('[data-testid="plan-summary"]')?.dataset.seq;
    if (seq && window.__seqs.at(-1) !== seq) window.__seqs.push(seq);
    const pill = document.querySelector('[data-testid="plan-computing"]');
    if (pill && pill.offsetParent !== null) window.__sawComputing = true;
  }).observe(document.body, { subtree: true, attributes: true, childList: true });
}

/**
 * Sets a slider to `first`, and to `second` as soon as the page asks for
 * the first one's plan: both in the same turn of the page's event loop, so
 * the worker's answer to the first cannot have arrived in between.
 */
async function twoQuickInputs(page, testid, first, second) {
  await page.evaluate(([id, a, b]) => new Promise((resolve) => {
    const slider = document.querySelector(`[data-testid="${id}"]`);
    const app = document.querySelector('.app');
    const set = (v) => {
      slider.value = String(v);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const watch = new MutationObserver(() => {
      if (app.dataset.plan !== 'computing') return;
      watch.disconnect();
      set(b);
      resolve();
    });
    watch.observe(app, { attributes: true, attributeFilter: ['data-plan'] });
    set(a);
  }), [testid, first, second]);
}

const summary = (page) => page.getByTestId('plan-summary').evaluate((el) => ({
  seq: Number(el.dataset.seq),
  moves: Number(el.dataset.moves),
  filled: Number(el.dataset.openingsFilled),
  envy: Number(el.dataset.envy),
  memory: Number(el.dataset.workerMemory),
}));

/** Waits for a plan newer than `seq`, with nothing newer asked. */
async function planAfter(page, seq) {
  await planReady(page);
  await page.waitForFunction((s) => Number(document.querySelector('[data-testid="plan-summary"]')?.dataset.seq) > s, seq);
}

/** Presses "compute" (the round built anew) and returns the new plan's figures. */
async function computeAgain(page) {
  const before = (await summary(page)).seq;
  await page.getByTestId('run-plan').click();
  await planAfter(page, before);
  return summary(page);
}

const figures = ({ moves, filled, envy }) => ({ moves, filled, envy });

async function open() {
  const { context, page, errors } = await openApp(ctx.browser, ctx.server.url, {}, countWorkers);
  await page.getByTestId('nav-skenario').click();
  await page.getByTestId('plan-summary').waitFor();
  await planReady(page);
  await page.evaluate(recordPlans);
  return { context, page, errors };
}

/**
 * Two quick inputs on a slider (see twoQuickInputs), then: the plan before
 * them, the plans shown since, the last plan, and the engine workers
 * started and stopped.
 */
async function lastOfTwo(page, testid, first, second) {
  const start = await summary(page);
  await twoQuickInputs(page, testid, first, second);
  await planAfter(page, start.seq);
  const shown = (await page.evaluate(() => window.__seqs.map(Number))).filter((s) => s > start.seq);
  return { start, shown, last: await summary(page), workers: await page.evaluate(() => window.__engine) };
}

test('the plan comes from the engine worker, with its memory and a recomputing state', async () => {
  const { context, page, errors } = await open();
  const first = await summary(page);
  assert.ok(first.moves > 0, 'a plan with moves');
  assert.ok(first.memory > 1 << 20, `the worker reports its memory: ${first.memory}`);
  assert.equal(await page.evaluate(() => window.__engine.started), 1, 'one engine worker');
  // One more input: "recomputing" shows, then the new plan.
  const slider = page.getByTestId('weight-distance');
  const value = Number(await slider.inputValue());
  await slider.fill(String(value === 0 ? 60 : 0));
  await planAfter(page, first.seq);
  assert.ok(await page.evaluate(() => window.__sawComputing), '"recomputing" was shown');
  assert.ok(await page.getByTestId('plan-computing').isHidden(), 'and is gone with the plan');
  assert.deepEqual(errors, []);
  await context.close();
});

test('of two quick weight inputs only the last one is planned and shown; the running plan is not stopped', async () => {
  const { context, page, errors } = await open();
  const { start, shown, last, workers } = await lastOfTwo(page, 'weight-fit', 5, 95);
  assert.deepEqual(shown, [start.seq + 2], `plans shown: ${shown}`);
  assert.equal(last.seq, start.seq + 2);
  assert.equal(Number(await page.getByTestId('weight-fit').inputValue()), 95);
  assert.deepEqual(workers, { started: 1, terminated: 0 }, 'the same round: the running plan finished, its answer dropped');
  // What is shown is what "compute" makes of the inputs on screen.
  assert.deepEqual(figures(await computeAgain(page)), figures(last));
  assert.deepEqual(errors, []);
  await context.close();
});

test('of two quick rule changes only the last one is planned and shown; the running plan is stopped', async () => {
  const { context, page, errors } = await open();
  const { start, shown, last, workers } = await lastOfTwo(page, 'rule-min-tenure', 0, 48);
  assert.deepEqual(shown, [start.seq + 2], `plans shown: ${shown}`);
  assert.deepEqual(workers, { started: 2, terminated: 1 }, 'another round: the running plan was abandoned');
  assert.equal(Number(await page.getByTestId('rule-min-tenure').inputValue()), 48);
  assert.deepEqual(figures(await computeAgain(page)), figures(last));
  assert.deepEqual(errors, []);
  await context.close();
});
