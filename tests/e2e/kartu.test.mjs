// The ASN's card page (kartu.html) on a phone with touch: the published
// offer, three wishes reordered by button and by drag, a summary, the
// download; an objection typed with the proposal sheet's code; offline after
// one visit; axe at phone size and the keyboard alone. Then the analyst
// imports 200 cards and 50 objections with three bad files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, axeAudit, publishOffer, PHONE as PHONE_SIZE } from './harness.mjs';

const ctx = useApp('mutasi-kartu-');
const PHONE = { ...PHONE_SIZE, acceptDownloads: true };
// What the planner is made of: the card page must never fetch any of it.
const PLANNER = /mutasi-planner-[0-9a-f]+|files-worker|main-[0-9a-f]+\.css/;

/** The demo's workspace, as the planner exports it. */
async function exportWorkspace(page) {
  await page.getByTestId('nav-data').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan').click()]);
  return JSON.parse(await readFile(await download.path(), 'utf8')).workspace;
}

async function openCardPage(link) {
  const context = await ctx.browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const from = ctx.server.requests.length;
  await page.goto(link);
  await page.getByTestId('card-offer').waitFor();
  return { context, page, errors, requests: () => ctx.server.requests.slice(from) };
}

test('an ASN on a phone fills, reorders and downloads a card, answers by code, and works offline', async () => {
  const app = await openApp(ctx.browser, ctx.server.url);
  const { link } = await publishOffer(app.page, ctx.server);
  assert.match(link, /kartu\.html#formasi=formasi-.*\.json$/);
  // A person's proposal sheet and its code, as printed.
  await app.page.getByTestId('nav-hasil').click();
  await app.page.getByTestId('tab-social').click();
  await app.page.getByTestId('social-person').selectOption({ index: 1 });
  const proposedNip = await app.page.getByTestId('social-person').inputValue();
  const code = (await app.page.getByTestId('social-code-value').textContent()).trim();
  assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const roster = await exportWorkspace(app.page);
  const proposedName = roster.asn.find((a) => a.nip === proposedNip).name;
  const me = roster.asn[7];

  const card = await openCardPage(link);
  const { page } = card;
  await axeAudit(page, 'card page with an offer, phone');
  // Every control a 44 px target.
  const small = await page.locator('.card-form button:visible, .card-form select:visible, .card-form input:visible:not([type=file]), .card-form label.file:visible').evaluateAll((els) =>
    els.map((e) => [e.dataset.testid ?? e.tagName, e.getBoundingClientRect().height]).filter(([, h]) => h < 44));
  assert.deepEqual(small, []);
  // The NIP is checked as typed, in Indonesian.
  await page.getByTestId('card-nip').fill('19850314');
  await page.locator('.field-error', { hasText: '18' }).waitFor();
  await page.getByTestId('card-nip').fill(me.nip);
  await page.getByTestId('card-name').fill(me.name);
  // Three wishes: a position, an agency, a kabupaten.
  await page.getByTestId('wish-target-0').selectOption({ index: 1 });
  await page.getByTestId('wish-reason-0').selectOption('family');
  await page.getByTestId('card-add-wish').tap();
  await page.getByTestId('wish-kind-1').selectOption('agency');
  await page.getByTestId('wish-target-1').selectOption({ index: 1 });
  await page.getByTestId('wish-reason-1').selectOption('career');
  await page.getByTestId('card-add-wish').tap();
  await page.getByTestId('wish-kind-2').selectOption('regency');
  await page.getByTestId('wish-target-2').selectOption({ label: 'Kabupaten Kerinci' });
  await page.getByTestId('wish-reason-2').selectOption('health');
  const kinds = () => page.locator('[data-testid^="wish-kind-"]').evaluateAll((els) => els.map((e) => e.value));
  // Reordered by tapping Naik/Turun (dragging is tested with a mouse below).
  await page.getByTestId('wish-up-2').tap();
  assert.deepEqual(await kinds(), ['position', 'regency', 'agency']);
  await page.getByTestId('wish-up-2').tap();
  await page.getByTestId('wish-up-1').tap();
  assert.deepEqual(await kinds(), ['agency', 'position', 'regency']);
  // The summary before the download, in that order, with the file's name.
  await page.getByTestId('card-download').tap();
  await page.getByTestId('card-summary').waitFor();
  const lines = await page.locator('[data-testid="card-summary-wishes"] li').allTextContents();
  assert.equal(lines.length, 3);
  assert.match(lines[0], /OPD.*Karier/);
  assert.match(lines[2], /Kabupaten Kerinci.*Kesehatan/);
  await axeAudit(page, 'card summary, phone');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('card-confirm').tap()]);
  assert.equal(download.suggestedFilename(), `preferensi-${me.nip}.json`);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(saved.wishes.map((w) => w.target.kind), ['agency', 'position', 'regency']);

  // Offline after this one visit: the page, its wasm and the offer.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith('mutasi-kartu-')));
  await card.context.setOffline(true);
  await page.reload();
  await page.getByTestId('card-offer').waitFor();
  await page.getByTestId('notice').filter({ hasText: 'Tanpa jaringan' }).waitFor();

  // Offline still: the person with the printed sheet answers by its code.
  await page.getByTestId('card-nip').fill(proposedNip);
  await page.getByTestId('card-name').fill(proposedName);
  await page.getByTestId('objection-code').fill('AAAA-AAAA');
  await page.locator('.field-error', { hasText: 'Kode tidak cocok' }).waitFor();
  // Typed as people type: lower case, a space for the dash.
  await page.getByTestId('objection-code').fill(code.toLowerCase().replace('-', ' '));
  await page.getByTestId('proposal-summary').filter({ hasText: 'kode usulan cocok' }).waitFor();
  await page.getByTestId('objection-text').fill('Saya merawat orang tua di Sungai Penuh.');
  await axeAudit(page, 'objection by code, phone');
  const [objection] = await Promise.all([page.waitForEvent('download'), page.getByTestId('objection-download').tap()]);
  assert.equal(objection.suggestedFilename(), `keberatan-${proposedNip}.json`);
  const objectionFile = join(ctx.dir, objection.suggestedFilename());
  await objection.saveAs(objectionFile);

  // Never the planner, its worker or its style sheet.
  assert.deepEqual(card.requests().filter((u) => PLANNER.test(u)), []);
  assert.deepEqual(card.errors, []);
  await card.context.close();

  // The analyst records the objection typed by code.
  await app.page.getByTestId('nav-data').click();
  await app.page.getByTestId('objection-files').setInputFiles(objectionFile);
  const report = app.page.getByTestId('objections-report');
  await report.waitFor();
  assert.equal(await report.getAttribute('data-accepted'), '1');
  await app.context.close();
});

test('the card page works by keyboard alone and by mouse drag, and is audited without an offer', async () => {
  const app = await openApp(ctx.browser, ctx.server.url);
  const { link } = await publishOffer(app.page, ctx.server);
  const me = (await exportWorkspace(app.page)).asn[11];
  await app.context.close();
  {
    // A mouse drags a wish by its handle onto another.
    const desk = await ctx.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await desk.newPage();
    await page.goto(link);
    await page.getByTestId('card-offer').waitFor();
    await page.getByTestId('card-add-wish').click();
    await page.getByTestId('card-add-wish').click();
    await page.getByTestId('wish-kind-2').selectOption('regency');
    await page.getByTestId('wish-drag-2').dragTo(page.getByTestId('wish-0'));
    await page.waitForFunction(() => document.querySelector('[data-testid="wish-kind-0"]').value === 'regency');
    const kinds = await page.locator('[data-testid^="wish-kind-"]').evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(kinds, ['regency', 'position', 'position']);
    await desk.close();
  }
  const context = await ctx.browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`${ctx.server.url}kartu.html`);
  await page.getByTestId('card-no-offer').waitFor();
  await axeAudit(page, 'card page without an offer, phone');
  await page.goto(link);
  await page.reload();
  await page.getByTestId('card-offer').waitFor();
  const focusOn = async (testid, max = 60) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((t) => document.activeElement?.dataset?.testid === t, testid)) return;
    }
    throw new Error(`could not reach ${testid} by keyboard`);
  };
  await focusOn('card-nip');
  await page.keyboard.type(me.nip);
  await focusOn('card-name');
  await page.keyboard.type(me.name);
  await focusOn('wish-target-0');
  await page.keyboard.press('ArrowDown');
  await focusOn('wish-reason-0');
  await page.keyboard.press('ArrowDown');
  await focusOn('card-download');
  await page.keyboard.press('Enter');
  await page.getByTestId('card-summary').waitFor();
  await focusOn('card-confirm');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(download.suggestedFilename(), `preferensi-${me.nip}.json`);
  await context.close();
});

test('the analyst imports 200 cards and 50 objections with three bad files, every problem reported', async () => {
  const app = await openApp(ctx.browser, ctx.server.url);
  const { page } = app;
  const { offer } = await publishOffer(page, ctx.server);
  const ws = await exportWorkspace(page);
  const at = '2026-12-01T09:00:00Z';
  const files = [];
  const put = async (name, body) => {
    const path = join(ctx.dir, name);
    await writeFile(path, typeof body === 'string' ? body : JSON.stringify(body, null, 2));
    return path;
  };
  // 200 cards of 200 people, each wishing for one of the offer's positions.
  for (const [i, a] of ws.asn.slice(0, 200).entries()) {
    const position = offer.positions[i % offer.positions.length].id;
    files.push(await put(`preferensi-${a.nip}.json`, {
      format: 'mutasi-planner/kartu-preferensi', version: 1, round: offer.round, nip: a.nip, name: a.name, created_at: at,
      wishes: [{ target: { kind: 'position', id: position }, reason: 'career' }],
    }));
  }
  // Two bad cards: broken JSON, and a NIP no one has.
  files.push(await put('kartu-rusak.json', '{"format": "mutasi-planner/kartu-preferensi", "nip": '));
  const nobody = `${ws.asn[0].nip.slice(0, 15)}999`;
  assert.ok(!ws.asn.some((a) => a.nip === nobody));
  files.push(await put('preferensi-orang-lain.json', {
    format: 'mutasi-planner/kartu-preferensi', version: 1, round: offer.round, nip: nobody, name: 'Orang Lain', created_at: at, wishes: [],
  }));
  await page.getByTestId('nav-data').click();
  await page.getByTestId('cards-files').setInputFiles(files);
  const cards = page.getByTestId('cards-report');
  await cards.waitFor({ timeout: 60000 });
  assert.equal(await cards.getAttribute('data-accepted'), '200');
  assert.equal(await cards.getAttribute('data-problems'), '2');
  const cardProblems = await page.getByTestId('cards-problems').textContent();
  assert.match(cardProblems, /kartu-rusak\.json/);
  assert.match(cardProblems, /preferensi-orang-lain\.json.*NIP tidak ada/s);
  await page.getByTestId('cards-confirm').click();
  await cards.waitFor({ state: 'detached' });

  // 50 objections, and one to another round.
  const objections = [];
  for (const a of ws.asn.slice(200, 250)) {
    objections.push(await put(`keberatan-${a.nip}.json`, {
      format: 'mutasi-planner/keberatan', version: 1, round: offer.round, nip: a.nip, name: a.name, created_at: at,
      request: { kind: 'stay' }, text: `Mohon tetap di tempat sekarang (${a.nip.slice(-3)}).`,
    }));
  }
  const b = ws.asn[250];
  objections.push(await put('keberatan-putaran-lain.json', {
    format: 'mutasi-planner/keberatan', version: 1, round: 'putaran-lama', nip: b.nip, name: b.name, created_at: at,
    request: { kind: 'stay' }, text: 'Tetap.',
  }));
  await page.getByTestId('objection-files').setInputFiles(objections);
  const report = page.getByTestId('objections-report');
  await report.waitFor({ timeout: 60000 });
  assert.equal(await report.getAttribute('data-accepted'), '50');
  assert.match(await page.getByTestId('objections-problems').textContent(), /keberatan-putaran-lain\.json.*putaran-lama/s);
  await page.getByTestId('objections-confirm').click();
  await page.getByTestId('notice').filter({ hasText: 'Keberatan dicatat: 50' }).waitFor();
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
