// Measures a province-scale SIASN import in headless Chromium (issue 15):
// from choosing the file to the confirm button being enabled (read in the
// file worker, mapped and analysed), then to the import applied.
//
//   cargo run --release --example siasn_scale -- 20000 --write /tmp/siasn-20000.csv
//   node tests/e2e/measure-import.mjs /tmp/siasn-20000.csv
import { serve, launch, openApp, asnCount } from './harness.mjs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node tests/e2e/measure-import.mjs FILE.csv');
  process.exit(2);
}
const server = await serve();
const browser = await launch();
try {
  const { context, page, errors } = await openApp(browser, server.url);
  const before = await asnCount(page);
  await page.getByTestId('nav-data').click();
  // The status lines shown while the worker reads and analyses.
  await page.evaluate(() => {
    window.__busySeen = [];
    new MutationObserver(() => {
      const b = document.querySelector('[data-testid="sheet-busy"]');
      const t = b && b.textContent;
      if (t && !window.__busySeen.includes(t)) window.__busySeen.push(t);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const t0 = Date.now();
  await page.getByTestId('sheet-file').setInputFiles(file);
  await page.waitForFunction(
    () => {
      const b = document.querySelector('[data-testid="sheet-confirm"]');
      return b && !b.disabled;
    },
    null,
    { timeout: 120000, polling: 50 },
  );
  const ready = Date.now() - t0;
  const busySeen = await page.evaluate(() => window.__busySeen);
  const counts = page.getByTestId('sheet-counts');
  const fresh = await counts.getAttribute('data-new');
  const t1 = Date.now();
  await page.getByTestId('sheet-confirm').click();
  await page.getByTestId('sheet-analysis').waitFor({ state: 'detached', timeout: 120000 });
  const applied = Date.now() - t1;
  const after = await asnCount(page);
  console.log(`import: ready to confirm ${ready} ms (${fresh} new); status lines shown: ${busySeen.length}: ${busySeen.join(' | ')}; applied ${applied} ms; ASN ${before} → ${after}`);
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
