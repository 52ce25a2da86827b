// Measures the built app in headless Chromium and prints the figures:
// wasm and js size (raw and gzip), cold load time to a usable page (median of
// several fresh profiles), the stored size of the demo workspace, and, given
// a plan file of a large workspace, its import time and stored size.
//
//   node tests/e2e/measure.mjs [--runs 7] [--plan big-plan.json] [--sizes 3000,6000] [--drags 5]
//
// It also times a weight drag on the demo (the round re-selected from the
// cache, median of several), the demo round's full recompute (median of
// several clicks on "run-plan", which builds the round anew), in optimal
// and in stable mode, and, with --sizes, the recompute of larger generated rounds
// (made with the demo_stats example), to find the largest under 1 s, and
// their weight drag, the page's longest frame and task while a change is
// saved, and the page's wasm memory after 40 edits.
//
// (make the large plan with:
//   cargo run --release --example demo_stats -- 20000 2026 --write /tmp/plan-20000.json)
import { readdir, readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { serve, launch, openApp, asnCount, DIST } from './harness.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(opt('--runs', '7'));
const planFile = opt('--plan', null);
const sizes = (opt('--sizes', '') || '').split(',').filter(Boolean).map(Number);
const largeDrags = Number(opt('--drags', '5'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
// src/ui/autosave.rs: AUTOSAVE_DELAY.
const AUTOSAVE_DELAY_MS = 600;

const files = await readdir(DIST);
for (const ext of ['.wasm', '.js']) {
  for (const f of files.filter((f) => f.endsWith(ext))) {
    const body = await readFile(join(DIST, f));
    console.log(`size ${ext.slice(1)}: ${kb(body.length)} raw, ${kb(gzipSync(body, { level: 9 }).length)} gzip (${f})`);
  }
}

const server = await serve();
const browser = await launch();
const loads = [];
let storedDemo = 0;
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const start = performance.now();
  await page.goto(server.url);
  await page.locator('[data-testid="asn-table"] tbody tr').first().waitFor();
  loads.push(performance.now() - start);
  await page.waitForFunction(() => (localStorage.getItem('mutasi-planner.workspace') ?? '').length > 0);
  storedDemo = await page.evaluate(() => localStorage.getItem('mutasi-planner.workspace').length);
  await context.close();
}
console.log(`cold load to a usable page (first table row): median ${median(loads).toFixed(0)} ms over ${runs} fresh profiles (min ${Math.min(...loads).toFixed(0)}, max ${Math.max(...loads).toFixed(0)})`);
console.log(`stored demo workspace (1,500 ASN): ${storedDemo} characters in local storage`);

// The page's longest frame while it re-plans: a requestAnimationFrame loop
// records the largest gap between two frames (16.7 ms at 60 Hz). The plan
// is computed in the engine worker; what remains on the page's thread is
// sending the change, reading the plan's bytes and drawing it.
// Beside it, the longest task the browser reports on the page's thread
// (the Long Tasks API reports those of 50 ms or more): a long frame with no
// long task is the machine's two cores being busy (the worker plans on one
// of them), not the page blocking.
const startFrames = (page) => page.evaluate(() => {
  window.__frames = { max: 0, last: performance.now(), on: true, task: 0 };
  window.__tasks?.disconnect();
  window.__tasks = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__frames.task = Math.max(window.__frames.task, e.duration);
  });
  window.__tasks.observe({ type: 'longtask' });
  const tick = (t) => {
    const f = window.__frames;
    if (!f.on) return;
    f.max = Math.max(f.max, t - f.last);
    f.last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
const stopFrames = (page) => page.evaluate(() => {
  window.__frames.on = false;
  for (const e of window.__tasks.takeRecords()) window.__frames.task = Math.max(window.__frames.task, e.duration);
  window.__tasks.disconnect();
  return [window.__frames.max, window.__frames.task];
});

// Waits for a plan newer than `before` (data-seq) with nothing newer asked.
async function newPlan(page, before) {
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid="plan-summary"]')?.dataset.seq !== b && document.querySelector('.app')?.dataset.plan === 'ready',
    before,
    { timeout: 120000 },
  );
}

// Runs `action` (which asks for a new plan) `runs` times on the Skenario
// page, each time until its plan is shown; the medians of the summary's
// times (data-ms: input to plan on the page; the worker's; reading the
// plan), and the page's longest frame and task over all runs.
async function plansOf(page, runs, action) {
  await page.getByTestId('nav-skenario').click();
  await page.getByTestId('plan-summary').waitFor({ timeout: 120000 });
  const seen = { times: [], frames: [], reads: [], workers: [], tasks: [] };
  const summary = (name) => page.getByTestId('plan-summary').getAttribute(name).then(Number);
  for (let i = 0; i < runs; i++) {
    const before = await page.getByTestId('plan-summary').getAttribute('data-seq');
    await startFrames(page);
    await action(i);
    await newPlan(page, before);
    const [frame, task] = await stopFrames(page);
    seen.frames.push(frame);
    seen.tasks.push(task);
    seen.times.push(await summary('data-ms'));
    seen.reads.push(await summary('data-read-ms'));
    seen.workers.push(await summary('data-worker-ms'));
  }
  return {
    median: median(seen.times),
    times: seen.times,
    frame: Math.max(...seen.frames),
    task: Math.max(...seen.tasks),
    read: median(seen.reads),
    worker: median(seen.workers),
    moves: await summary('data-moves'),
  };
}

// Full recomputes: "compute" builds the round anew.
const recomputeMedian = (page, clicks = 9) => plansOf(page, clicks, () => page.getByTestId('run-plan').click());

// A weight drag: the fit slider set to a new value, as a drag's input
// events do (the round re-selected from the worker's cache, not built).
const dragMedian = (page, steps = 9) => plansOf(page, steps, (i) => page.getByTestId('weight-fit').evaluate((el, v) => {
  el.value = String(v);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}, 20 + (i % 2) * 10 + i));

{
  const { context, page } = await openApp(browser, server.url);
  const d = await dragMedian(page);
  console.log(`demo weight drag re-plans in Chromium: median ${d.median.toFixed(1)} ms over ${d.times.length} drags (${d.times.map((t) => t.toFixed(1)).join(', ')}); longest frame on the page ${d.frame.toFixed(1)} ms, longest task ${d.task.toFixed(0)} ms; planning in the worker ${d.worker.toFixed(1)} ms, reading the plan's bytes ${d.read.toFixed(1)} ms`);
  const r = await recomputeMedian(page);
  console.log(`demo round recompute in Chromium: median ${r.median.toFixed(1)} ms over ${r.times.length} runs (${r.times.map((t) => t.toFixed(0)).join(', ')}), ${r.moves} moves; longest frame on the page ${r.frame.toFixed(1)} ms, longest task ${r.task.toFixed(0)} ms; planning in the worker ${r.worker.toFixed(1)} ms, reading the plan's bytes ${r.read.toFixed(1)} ms`);
  // The same scenario in stable mode: phase 1 (deferred acceptance) and
  // phase 2 (the optimal assignment with phase 1 fixed).
  await page.getByTestId('mode-stable').check();
  await page.waitForFunction(() => document.querySelector('[data-testid="plan-summary"]')?.dataset.wishEnvy !== undefined);
  const s = await recomputeMedian(page);
  const wish = await page.getByTestId('plan-summary').getAttribute('data-wish-moves');
  console.log(`demo round recompute in stable mode (two phases): median ${s.median.toFixed(1)} ms over ${s.times.length} runs, ${s.moves} moves (${wish} in phase 1)`);
  await context.close();
}

for (const n of sizes) {
  const file = `/tmp/mutasi-plan-${n}.json`;
  try {
    await stat(file);
  } catch {
    execSync(`cargo run --quiet --release --example demo_stats -- ${n} 2026 --write ${file}`, { stdio: 'ignore' });
  }
  // The page's wasm memory: Trunk's loader hands the module's exports to
  // the TrunkApplicationStarted event; an init script keeps them.
  const context = await browser.newContext();
  await context.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => {
      window.__wasmExports = e.detail.wasm;
    });
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('asn-count').waitFor();
  const wasmMb = () => page.evaluate(() => window.__wasmExports.memory.buffer.byteLength / 1048576);
  await page.getByTestId('nav-data').click();
  await page.getByTestId('import-plan').setInputFiles(file);
  await page.getByTestId('import-preview').waitFor({ timeout: 120000 });
  await page.getByTestId('import-confirm').click();
  await page.waitForFunction((n) => document.querySelector('[data-testid="asn-count"]').dataset.count === String(n), n, { timeout: 120000 });
  const r = await recomputeMedian(page, 3);
  const d = await dragMedian(page, largeDrags);
  // Autosave after one more change: the page's longest frame and task from
  // the change until its entry is stored (600 ms after the change, then
  // written a piece per task), polled every 100 ms by the stamp at the
  // entry's head.
  const stamp = () => page.evaluate(() => (localStorage.getItem('mutasi-planner.workspace') ?? '').slice(0, 200));
  const savedBefore = await stamp();
  await startFrames(page);
  const changed = performance.now();
  await page.getByTestId('weight-fit').evaluate((el) => {
    el.value = String(Number(el.value) === 45 ? 46 : 45);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction((b) => (localStorage.getItem('mutasi-planner.workspace') ?? '').slice(0, 200) !== b, savedBefore, { timeout: 120000, polling: 100 });
  const savedAfter = performance.now() - changed;
  const [saveFrame, saveTask] = await stopFrames(page);
  console.log(`autosave of a ${n}-ASN workspace: stored ${savedAfter.toFixed(0)} ms after the change (${AUTOSAVE_DELAY_MS} ms of it waiting); longest frame on the page meanwhile ${saveFrame.toFixed(0)} ms, longest task ${saveTask.toFixed(0)} ms`);
  console.log(`round of a ${n}-ASN workspace: full recompute median ${r.median.toFixed(0)} ms (${r.moves} moves; longest frame on the page ${r.frame.toFixed(0)} ms, longest task ${r.task.toFixed(0)} ms, planning in the worker ${r.worker.toFixed(0)} ms, reading the plan's bytes ${r.read.toFixed(0)} ms); weight drag median ${d.median.toFixed(0)} ms (${d.times.map((t) => t.toFixed(0)).join(', ')}; longest frame ${d.frame.toFixed(0)} ms, longest task ${d.task.toFixed(0)} ms, worker ${d.worker.toFixed(0)} ms, reading ${d.read.toFixed(0)} ms)`);
  // Memory after 40 edits, each an undo step (an opening's slots changed
  // back and forth, the plan recomputed after each). Wasm memory never
  // shrinks: this is the peak.
  const before = await wasmMb();
  await page.getByTestId('nav-kebutuhan').click();
  await page.locator('[data-testid="opening-priority"]').first().waitFor({ timeout: 120000 });
  const position = await page.locator('tr[data-position]:has([data-testid="opening-priority"])').first().getAttribute('data-position');
  const slots = `tr[data-position="${position}"] input[type="number"]`;
  for (let i = 0; i < 40; i++) {
    const next = (await page.locator(slots).inputValue()) === '2' ? '1' : '2';
    await page.locator(slots).evaluate((el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, next);
    await page.waitForFunction(([c, v]) => document.querySelector(c)?.value === v, [slots, next], { timeout: 120000 });
  }
  if (await page.getByTestId('undo').isDisabled()) throw new Error('the edits were not applied (nothing to undo)');
  const undoLabel = await page.getByTestId('undo').getAttribute('title');
  await page.getByTestId('nav-skenario').click();
  await page.getByTestId('plan-summary').waitFor({ timeout: 120000 });
  console.log(`last undo step: ${undoLabel}`);
  const workerMb = Number(await page.getByTestId('plan-summary').getAttribute('data-worker-memory')) / 1048576;
  console.log(`wasm memory of a ${n}-ASN workspace: ${before.toFixed(0)} MB after import, recompute and drags; ${(await wasmMb()).toFixed(0)} MB after 40 more edits (undo steps); the engine worker's: ${workerMb.toFixed(0)} MB`);
  await context.close();
}

if (planFile) {
  const { context, page } = await openApp(browser, server.url);
  await page.getByTestId('nav-data').click();
  const size = (await stat(planFile)).size;
  const storedBefore = await page.evaluate(() => (localStorage.getItem('mutasi-planner.workspace') ?? '').length);
  const start = performance.now();
  await startFrames(page);
  await page.getByTestId('import-plan').setInputFiles(planFile);
  await page.getByTestId('import-preview').waitFor({ timeout: 120000 });
  const previewMs = performance.now() - start;
  const [previewFrame, previewTask] = await stopFrames(page);
  await startFrames(page);
  await page.getByTestId('import-confirm').click();
  const n = JSON.parse(await readFile(planFile, 'utf8')).workspace.asn.length;
  await page.waitForFunction((n) => document.querySelector('[data-testid="asn-count"]').dataset.count === String(n), n, { timeout: 120000 });
  // Autosave runs 600 ms after the change: wait for the stored entry to change.
  await page.waitForFunction((b) => (localStorage.getItem('mutasi-planner.workspace') ?? '').length !== b, storedBefore, { timeout: 120000 });
  const applied = performance.now() - start;
  const [appliedFrame, appliedTask] = await stopFrames(page);
  const stored = await page.evaluate(() => localStorage.getItem('mutasi-planner.workspace').length);
  const status = await page.getByTestId('storage-status').textContent();
  console.log(`large plan (${n} ASN, ${kb(size)} file): preview after ${previewMs.toFixed(0)} ms (longest frame ${previewFrame.toFixed(0)} ms, longest task ${previewTask.toFixed(0)} ms), applied and saved after ${applied.toFixed(0)} ms (longest frame ${appliedFrame.toFixed(0)} ms, longest task ${appliedTask.toFixed(0)} ms); stored ${stored} characters; status: ${status.trim()}`);
  console.log(`asn-count after import: ${await asnCount(page)}`);
  // Table responsiveness at this size: search, filter and sort.
  await page.getByTestId('nav-pegawai').click();
  await page.locator('[data-testid="asn-table"] tbody tr').first().waitFor();
  const timeUntilLabelChanges = async (action) => {
    const before = await page.getByTestId('asn-pager-label').textContent();
    const t0 = performance.now();
    await action();
    await page.waitForFunction((b) => document.querySelector('[data-testid="asn-pager-label"]').textContent !== b, before);
    return performance.now() - t0;
  };
  const search = await timeUntilLabelChanges(() => page.getByTestId('asn-search').fill('siti'));
  const clear = await timeUntilLabelChanges(() => page.getByTestId('asn-search').fill(''));
  const filter = await timeUntilLabelChanges(() => page.getByTestId('asn-filter-status').selectOption('pppk'));
  await page.getByTestId('asn-filter-status').selectOption('');
  const t0 = performance.now();
  await page.locator('[data-testid="asn-table"] thead th').nth(5).locator('button').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="asn-table"] thead th:nth-child(6)').getAttribute('aria-sort') === 'ascending');
  const sort = performance.now() - t0;
  console.log(`table at ${n} ASN: search ${search.toFixed(0)} ms, clear ${clear.toFixed(0)} ms, status filter ${filter.toFixed(0)} ms, sort by tenure ${sort.toFixed(0)} ms (action to updated table)`);
  await context.close();
}
await browser.close();
await server.close();
