// Encrypted plan files and the shared-computer wipe (issue 20), end to end
// against the built app: export encrypted, open the file in a fresh
// profile with its passphrase and verify it; the file names no one. Prints
// the time the worker takes in Chromium. Then the wipe, with a second tab.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, asnCount } from './harness.mjs';

const ctx = useApp('mutasi-sealed-');
const PASS = 'kopi jambi pagi hari sungai';

async function download(page, testid, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = join(ctx.dir, name);
  await file.saveAs(path);
  return { path, suggested: file.suggestedFilename() };
}

const untimed = (ws) => ({
  ...ws,
  rounds: ws.rounds.map((r) => ({ ...r, results: (r.results ?? []).map(({ computed_at, ...rest }) => rest) })),
});

test('an encrypted export opens in a fresh profile with its passphrase, verifies, and names no one', async () => {
  const a = await openApp(ctx.browser, ctx.server.url);
  await a.page.getByTestId('nav-data').click();
  const plain = JSON.parse(await readFile((await download(a.page, 'export-plan', 'plain.json')).path, 'utf8'));

  await a.page.getByTestId('export-sealed').click();
  await a.page.getByTestId('seal-pass').fill('jambi2026');
  assert.equal(await a.page.getByTestId('seal-strength').getAttribute('data-strength'), 'TooShort');
  assert.equal(await a.page.getByTestId('seal-go').isDisabled(), true);
  await a.page.getByTestId('seal-pass').fill(PASS);
  await a.page.getByTestId('seal-pass-again').fill(PASS);
  const start = Date.now();
  const sealed = await download(a.page, 'seal-go', 'sealed.json');
  const sealMs = Date.now() - start;
  assert.match(sealed.suggested, /^rencana-mutasi-\d{4}-\d{2}-\d{2}-terenkripsi\.json$/);
  await a.page.getByTestId('notice').filter({ hasText: sealed.suggested }).waitFor();
  assert.deepEqual(a.errors, []);
  await a.context.close();

  // Nothing personal in the file as text.
  const text = await readFile(sealed.path, 'utf8');
  const envelope = JSON.parse(text);
  assert.equal(envelope.format, 'mutasi-planner-sealed');
  assert.deepEqual(Object.keys(envelope).sort(), ['cipher', 'ciphertext', 'compression', 'format', 'kdf', 'key_check', 'version']);
  assert.equal(envelope.kdf.name, 'argon2id');
  assert.equal(envelope.cipher.name, 'xchacha20-poly1305');
  const ws = plain.workspace;
  for (const p of ws.asn) {
    assert.ok(!text.includes(p.nip), `NIP ${p.nip} in the file`);
    assert.ok(!text.includes(p.name), `name ${p.name} in the file`);
  }
  assert.ok(!text.includes(ws.name));

  // A fresh profile: the passphrase, wrong and then right.
  const b = await openApp(ctx.browser, ctx.server.url);
  await b.page.getByTestId('nav-data').click();
  await b.page.getByTestId('import-plan').setInputFiles(sealed.path);
  await b.page.getByTestId('unlock-pass').fill(`${PASS}!`);
  await b.page.getByTestId('unlock-go').click();
  await b.page.getByTestId('unlock-error').filter({ hasText: 'Frasa sandi salah' }).waitFor();
  assert.equal(await b.page.getByTestId('import-preview').count(), 0);
  await b.page.getByTestId('unlock-pass').fill(PASS);
  const opening = Date.now();
  await b.page.getByTestId('unlock-go').click();
  await b.page.getByTestId('import-preview').waitFor();
  const openMs = Date.now() - opening;
  await b.page.getByTestId('verify-plan').click();
  const verdicts = b.page.locator('[data-testid="verify-result"] li[data-verdict]');
  await verdicts.first().waitFor();
  const all = await verdicts.evaluateAll((els) => els.map((e) => e.dataset.verdict));
  assert.ok(all.length > 0 && all.every((v) => v === 'identical'), all.join());
  await b.page.getByTestId('import-confirm').click();
  const back = JSON.parse(await readFile((await download(b.page, 'export-plan', 'back.json')).path, 'utf8'));
  assert.deepEqual(untimed(back.workspace), untimed(plain.workspace));

  // The key derivation alone, in the file worker: a tiny file sealed at the
  // default cost, opened five times.
  const derive = await b.page.evaluate(async () => {
    const worker = new Worker('./files-worker_loader.js');
    await new Promise((ok) => {
      worker.onmessage = (e) => e.data.ready && ok();
    });
    let id = 0;
    const run = (job, bytes) =>
      new Promise((ok) => {
        const mine = ++id;
        worker.onmessage = (e) => e.data.id === mine && e.data.outcome && ok(e.data);
        worker.postMessage({ id: mine, job: JSON.stringify(job), bytes });
      });
    const salt = Array.from(crypto.getRandomValues(new Uint8Array(16)));
    const nonce = Array.from(crypto.getRandomValues(new Uint8Array(24)));
    const tiny = await run({ Seal: { passphrase: 'kopi jambi pagi hari', salt, nonce } }, new TextEncoder().encode('{}'));
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const r = await run({ Open: { passphrase: 'kopi jambi pagi hari' } }, tiny.bytes);
      times.push(performance.now() - t);
      if (r.outcome !== '"Bytes"') throw new Error(r.outcome);
    }
    worker.terminate();
    times.sort((x, y) => x - y);
    return times[2];
  });
  console.log(
    `sealed demo file: ${Math.round(text.length / 1024)} KB (plain ${Math.round(JSON.stringify(plain).length / 1024)} KB); ` +
      `export ${sealMs} ms click to download, open ${openMs} ms click to preview; ` +
      `Argon2id key derivation in the worker: ${Math.round(derive)} ms (median of 5)`,
  );
  assert.ok(derive < 2000, `key derivation took ${derive} ms`);
  assert.deepEqual(b.errors, []);
  await b.context.close();
});

test('a changed encrypted file is refused whole', async () => {
  const a = await openApp(ctx.browser, ctx.server.url);
  await a.page.getByTestId('nav-data').click();
  await a.page.getByTestId('export-sealed').click();
  await a.page.getByTestId('seal-pass').fill(PASS);
  await a.page.getByTestId('seal-pass-again').fill(PASS);
  const sealed = await download(a.page, 'seal-go', 'to-change.json');
  const envelope = JSON.parse(await readFile(sealed.path, 'utf8'));
  const c = envelope.ciphertext;
  const i = Math.floor(c.length / 2);
  envelope.ciphertext = c.slice(0, i) + (c[i] === 'A' ? 'B' : 'A') + c.slice(i + 1);
  const changed = join(ctx.dir, 'changed.json');
  await writeFile(changed, JSON.stringify(envelope));
  await a.page.getByTestId('import-plan').setInputFiles(changed);
  await a.page.getByTestId('unlock-pass').fill(PASS);
  await a.page.getByTestId('unlock-go').click();
  await a.page.getByTestId('import-errors').filter({ hasText: 'telah diubah' }).waitFor();
  assert.equal(await a.page.getByTestId('import-preview').count(), 0);
  assert.equal(await asnCount(a.page), 1500);
  await a.context.close();
});

test('wiping deletes everything, reloads clean, says what went, and the other tab follows', async () => {
  const a = await openApp(ctx.browser, ctx.server.url);
  // Something to delete: an English choice and a smaller workspace.
  await a.page.getByTestId('nav-data').click();
  const plain = JSON.parse(await readFile((await download(a.page, 'export-plan', 'wipe.json')).path, 'utf8'));
  plain.workspace.name = 'Data kantor';
  plain.workspace.asn = plain.workspace.asn.slice(0, 1000);
  const keep = new Set(plain.workspace.asn.map((p) => p.nip));
  plain.workspace.moves = plain.workspace.moves.filter((m) => keep.has(m.asn));
  for (const r of plain.workspace.rounds) delete r.results;
  const smaller = join(ctx.dir, 'smaller.json');
  await writeFile(smaller, JSON.stringify(plain));
  const demoEntry = await a.page.evaluate(() => localStorage.getItem('mutasi-planner.workspace'));
  await a.page.getByTestId('import-plan').setInputFiles(smaller);
  await a.page.getByTestId('import-confirm').click();
  await a.page.waitForFunction(() => document.querySelector('[data-testid="asn-count"]').dataset.count === '1000');
  await a.page.waitForFunction((demo) => localStorage.getItem('mutasi-planner.workspace') !== demo, demoEntry);
  await a.page.getByTestId('lang-switch').click();
  await a.page.waitForFunction(() => localStorage.getItem('mutasi-planner.lang') === 'en');

  // A second tab of the same browser.
  const other = await a.context.newPage();
  await other.goto(ctx.server.url);
  await other.getByTestId('asn-count').waitFor();
  assert.equal(await asnCount(other), 1000);

  // One edit to undo.
  await a.page.getByTestId('government').selectOption({ index: 1 });
  a.page.on('dialog', (d) => d.accept());
  await Promise.all([a.page.waitForEvent('load'), a.page.getByTestId('wipe-all').click()]);
  const report = a.page.getByTestId('wipe-report');
  await report.waitFor();
  const said = await report.textContent();
  // In Indonesian again: the language choice went too.
  assert.match(said, /ruang kerja tersimpan \(mutasi-planner\.workspace, [\d.]+ karakter\)/);
  assert.match(said, /pilihan bahasa \(mutasi-planner\.lang/);
  assert.match(said, /riwayat urungkan\/ulangi dibuang bersama memori halaman, langkah: 1/);
  assert.equal(await asnCount(a.page), 1500, 'the page opens on the demo');
  assert.ok(!(await a.page.locator('body').textContent()).includes('Data kantor'));

  // Only what the reloaded page stored since: the demo and its language.
  await a.page.waitForFunction(() => localStorage.getItem('mutasi-planner.workspace'));
  const keys = await a.page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys.filter((k) => !['mutasi-planner.workspace', 'mutasi-planner.lang'].includes(k)), []);
  assert.notEqual(await a.page.evaluate(() => localStorage.getItem('mutasi-planner.lang')), 'en');
  const stored = await a.page.evaluate(() => localStorage.getItem('mutasi-planner.workspace'));

  // The other tab dropped its data and writes nothing back: not an edit,
  // not when it is left (leaving flushes a pending save).
  await other.getByTestId('wiped-banner').waitFor();
  assert.equal(await asnCount(other), 1500);
  await other.getByTestId('nav-data').click();
  await other.getByTestId('government').selectOption({ index: 1 });
  await other.goto('about:blank');
  assert.equal(await a.page.evaluate(() => localStorage.getItem('mutasi-planner.workspace')), stored);
  await a.context.close();
});

test('a locked storage asks for its passphrase when the planner opens', async () => {
  const a = await openApp(ctx.browser, ctx.server.url);
  await a.page.getByTestId('nav-data').click();
  await a.page.getByTestId('lock-storage').click();
  await a.page.getByTestId('lock-pass').fill(PASS);
  await a.page.getByTestId('lock-pass-again').fill(PASS);
  await a.page.getByTestId('lock-go').click();
  await a.page.getByTestId('storage-locked').waitFor();
  const entry = await a.page.evaluate(() => localStorage.getItem('mutasi-planner.workspace'));
  assert.equal(JSON.parse(entry).encoding, 'sealed');

  await a.page.reload();
  await a.page.getByTestId('unlock-storage-pass').waitFor();
  assert.equal(await a.page.getByTestId('asn-table').count(), 0);
  await a.page.getByTestId('unlock-storage-pass').fill(`${PASS}?`);
  await a.page.getByTestId('unlock-storage-go').click();
  await a.page.getByTestId('unlock-storage-error').filter({ hasText: 'Frasa sandi salah' }).waitFor();
  await a.page.getByTestId('unlock-storage-pass').fill(PASS);
  await a.page.getByTestId('unlock-storage-go').click();
  await a.page.getByTestId('storage-locked').waitFor();
  assert.equal(await asnCount(a.page), 1500);
  assert.deepEqual(a.errors, []);
  await a.context.close();
});
