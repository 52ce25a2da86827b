// Measures the ASN's card page (kartu.html) as a phone on mobile data sees
// it, and prints the figures:
// - the card page's wasm and js, raw and gzip;
// - time to usable (the round's offer on screen, the NIP field ready),
//   median of several fresh phone profiles (390×844, touch), without
//   throttling and with Chromium's network at 1.6 Mbit/s down, 750 kbit/s
//   up, 150 ms latency and the CPU 4× slower (CDP emulation);
// - what a first visit downloads in all (the page, its files, the offer and
//   what its service worker caches), as a host that gzips sends it;
// - that none of it is the planner or its spreadsheet worker.
//
//   node tests/e2e/measure-kartu.mjs [--runs 5]
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch, openApp, publishOffer, PHONE, DIST } from './harness.mjs';

const args = process.argv.slice(2);
const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : '5');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

let gzipTotal = 0;
for (const f of ['kartu_bg.wasm', 'kartu.js']) {
  const body = await readFile(join(DIST, f));
  const gz = gzipSync(body, { level: 9 }).length;
  gzipTotal += gz;
  console.log(`size ${f}: ${kb(body.length)} raw, ${kb(gz)} gzip`);
}
console.log(`card page wasm + js: ${gzipTotal} bytes gzip = ${kb(gzipTotal)} (target ≤ 150 KB = 150,000 bytes: ${gzipTotal <= 150000 ? 'met' : 'NOT MET'})`);

const server = await serve({ gzip: true });
const browser = await launch();

// The offer BKD publishes: the demo round's, downloaded from the planner.
const analyst = await openApp(browser, server.url);
const { link } = await publishOffer(analyst.page, server);
await analyst.context.close();

async function visit(throttled) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  if (throttled) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6e6 / 8),
      uploadThroughput: (750e3 / 8),
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  const from = server.sent.length;
  await page.goto(link, { waitUntil: 'commit' });
  // Usable: the offer is on screen and the NIP field takes input.
  const usable = await page.waitForFunction(
    () => document.querySelector('[data-testid="card-offer"]') && document.querySelector('[data-testid="card-nip"]') && performance.now(),
    null,
    { polling: 'raf', timeout: 60000 },
  );
  const ms = await usable.jsonValue();
  // The service worker's own downloads belong to the first visit too.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith('mutasi-kartu-')));
  const sent = server.sent.slice(from);
  await context.close();
  return { ms, sent };
}

for (const throttled of [false, true]) {
  const times = [];
  let first;
  for (let i = 0; i < runs; i++) {
    const { ms, sent } = await visit(throttled);
    times.push(ms);
    first ??= sent;
  }
  const label = throttled ? 'throttled (1.6 Mbit/s, 150 ms, CPU 4×)' : 'unthrottled';
  console.log(`time to usable, ${label}: median ${median(times).toFixed(0)} ms over ${runs} fresh phone profiles (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`);
  if (!throttled) {
    const total = first.reduce((n, r) => n + r.bytes, 0);
    console.log(`first visit downloads ${kb(total)} in ${first.length} responses (gzip where the host may):`);
    for (const r of first) console.log(`  ${kb(r.bytes).padStart(10)}  ${r.url.replace(/^.*\//, '')}`);
    const planner = first.filter((r) => /mutasi-planner-|files-worker|main-.*\.css/.test(r.url));
    console.log(planner.length ? `PLANNER DOWNLOADED: ${planner.map((r) => r.url).join(', ')}` : 'none of it is the planner or its spreadsheet worker');
  }
}
await browser.close();
await server.close();
