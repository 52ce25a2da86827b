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
import { chromium } from 'playwright-core';

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

/** Serves DIST at BASE_PATH on a free loopback port; records every request. */
export async function serve() {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(BASE_PATH)) {
      res.writeHead(404).end();
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(BASE_PATH.length)) || 'index.html';
    const file = normalize(join(DIST, rel));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      const body = await readFile(info.isDirectory() ? join(file, 'index.html') : file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    requests,
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

/** Opens the app in a new context and waits until the demo is on screen. */
export async function openApp(browser, url, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
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

/** The number in the asn-count element. */
export async function asnCount(page) {
  return Number(await page.getByTestId('asn-count').getAttribute('data-count'));
}
