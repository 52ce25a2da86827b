// Shared pieces of the end-to-end tests: a static server for dist/ under a
// sub-path (the build must work from any sub-path of any static host) and a
// Chromium launched from the machine (never downloaded).
import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { readFile, stat, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, extname, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.DIST_DIR ?? join(here, '..', '..', 'dist');
export const BASE_PATH = '/aplikasi/mutasi/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg', '.webmanifest']);

/**
 * Serves DIST at BASE_PATH on a free loopback port (and what `put` adds);
 * records every request. With `gzip`, answers as a real host does (gzip when
 * the browser accepts it) and counts the bytes sent per request in `sent`.
 */
export async function serve({ gzip = false } = {}) {
  const requests = [];
  const sent = [];
  const send = (req, res, name, body) => {
    // Validators, as static hosts send them: a revalidation is a 304.
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) {
      sent.push({ url: req.url, bytes: 0 });
      res.writeHead(304, { etag }).end();
      return;
    }
    const headers = { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream', etag };
    if (gzip && COMPRESSIBLE.has(extname(name)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body, { level: 9 });
      headers['content-encoding'] = 'gzip';
    }
    sent.push({ url: req.url, bytes: body.length });
    res.writeHead(200, headers);
    res.end(body);
  };
  // Files placed beside the app by a test (an offer BKD publishes).
  const extra = new Map();
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(BASE_PATH)) {
      res.writeHead(404).end();
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(BASE_PATH.length)) || 'index.html';
    if (extra.has(rel)) {
      send(req, res, rel, Buffer.from(extra.get(rel)));
      return;
    }
    const file = normalize(join(DIST, rel));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      const path = info.isDirectory() ? join(file, 'index.html') : file;
      send(req, res, path, await readFile(path));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    requests,
    sent,
    /** Serves `body` at `name` beside the app. */
    put: (name, body) => extra.set(name, body),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execSync(`command -v ${name}`, { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error('No Chromium found: install Debian\'s chromium (see README)');
}

/** A phone as the card page's users hold it: 390×844, touch. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/**
 * Publishes the open round's offer as BKD does: downloads it on the Data
 * page of the planner open in `page` and puts it beside the site `server`
 * serves. Returns the card link the Data page names, and the offer.
 */
export async function publishOffer(page, server) {
  await page.getByTestId('nav-data').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-offer').click()]);
  const body = await readFile(await download.path());
  server.put(download.suggestedFilename(), body);
  return { link: (await page.getByTestId('card-link').textContent()).trim(), offer: JSON.parse(body) };
}

/** Launches headless Chromium with the flags this closed network needs. */
export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Registers the hooks every end-to-end file needs: before its tests, the
 * static server and one browser (and, given a prefix, a fresh folder for
 * downloads); after them, both closed. Returns the object that holds
 * `server`, `browser` and `dir` once the hooks have run.
 */
export function useApp(downloadsPrefix) {
  const ctx = { server: null, browser: null, dir: null };
  before(async () => {
    ctx.server = await serve();
    ctx.browser = await launch();
    if (downloadsPrefix) ctx.dir = await mkdtemp(join(tmpdir(), downloadsPrefix));
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/**
 * Opens the app in a new context and waits until the demo is on screen;
 * `init`, if given, runs in every page of the context before the app.
 */
export async function openApp(browser, url, options = {}, init = null) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.getByTestId('asn-count').waitFor();
  return { context, page, errors };
}

/**
 * Opens the app in a fresh browser context, imports the plan `file` on the
 * Data page and runs its verification. Returns the opened app (`fresh`) and
 * the verdict of each recorded plan, in order.
 */
export async function importAndVerify(ctx, file) {
  const fresh = await openApp(ctx.browser, ctx.server.url);
  await fresh.page.getByTestId('nav-data').click();
  await fresh.page.getByTestId('import-plan').setInputFiles(file);
  await fresh.page.getByTestId('import-preview').waitFor();
  await fresh.page.getByTestId('verify-plan').click();
  const items = fresh.page.locator('[data-testid="verify-result"] li[data-verdict]');
  await items.first().waitFor();
  const verdicts = await items.evaluateAll((els) => els.map((e) => e.dataset.verdict));
  return { fresh, verdicts };
}

/**
 * Waits until no newer plan is being computed (the engine worker answers
 * after the edit that asked; see src/ui/engine.rs), so that what the page
 * shows is the plan of what is on screen.
 */
export async function planReady(page, timeout = 30000) {
  await page.waitForFunction(() => document.querySelector('.app')?.dataset.plan === 'ready', null, { timeout });
}

/** The number in the asn-count element. */
export async function asnCount(page) {
  return Number(await page.getByTestId('asn-count').getAttribute('data-count'));
}

/** The text of each page of a PDF, whitespace removed (pdf.js splits lines and words freely). */
export async function pdfPages(buffer) {
  const doc = await getDocument({ data: new Uint8Array(buffer), isEvalSupported: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => item.str ?? '').join('').replace(/\s+/g, ''));
  }
  await doc.destroy();
  return pages;
}

let axeSource;

/** Runs axe-core (from npm) in the page: no serious or critical violation may remain. */
export async function axeAudit(page, where) {
  axeSource ??= await readFile(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const serious = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  });
  assert.deepEqual(serious, [], `${where}: ${serious.join('; ')}`);
}

const squeeze = (s) => s.replace(/\s+/g, '');

/**
 * Prints the page and checks what every printed document must have.
 * `title`: text of the first page; `rows`: a selector of table rows, each
 * of which must be wholly on one page (its first and last cell together).
 */
export async function checkPrint(page, what, { title, rows, round }) {
  const pages = await pdfPages(await page.pdf({ format: 'A4' }));
  const n = pages.length;
  assert.ok(n >= 1, `${what}: printed`);
  pages.forEach((text, i) => {
    const number = `Halaman${i + 1}/${n}`;
    assert.ok(text.includes(number), `${what}, page ${i + 1}: "${number}" in ${text.slice(0, 200)}`);
    assert.ok(text.includes(squeeze(round)), `${what}, page ${i + 1}: the round ${round}`);
    const body = text.replaceAll(number, '').replace(/^.*?dicetak\d\d\/\d\d\/\d{4}/, '');
    assert.ok(body.length > 40, `${what}, page ${i + 1} is empty: ${text}`);
  });
  assert.ok(pages[0].includes(squeeze(title)), `${what}: the title "${title}" on page 1`);
  if (rows) {
    const cells = await page.locator(rows).evaluateAll((trs) =>
      trs.map((tr) => [...tr.cells]
        .map((c) => {
          // What paper shows: controls are not printed.
          const copy = c.cloneNode(true);
          copy.querySelectorAll('button, select, input').forEach((e) => e.remove());
          return copy.textContent.replace(/\s+/g, '');
        })
        .filter((t) => t.length > 0)));
    assert.ok(cells.length > 0, `${what}: rows to check`);
    for (const row of cells) {
      const [first, last] = [row[0], row[row.length - 1]];
      assert.ok(
        pages.some((p) => p.includes(first) && p.includes(last)),
        `${what}: the row ${first} … ${last} is split over pages`,
      );
    }
  }
  return n;
}
