// A round's procedure end to end against the built app: a kabupaten's
// workspace, its round taken from Draf to SK terbit step by step (each step
// confirmed), the decree attachment headed by the Bupati, and the exported
// file opened in a fresh profile (the minutes with who attended travel in
// it), where Verifikasi finds the frozen
// versions' fingerprints again. Prints the fingerprints and the audit
// actions of the whole round.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, importAndVerify } from './harness.mjs';

const ctx = useApp('mutasi-procedure-');

const status = (page) => page.getByTestId('round-status').getAttribute('data-status');
const until = (page, want) =>
  page.waitForFunction((w) => document.querySelector('[data-testid="round-status"]')?.dataset.status === w, want);

test('a kabupaten round from Draf to SK terbit, verified in a fresh profile', async () => {
  const { context, page, errors } = await openApp(ctx.browser, ctx.server.url);
  page.on('dialog', (d) => d.accept());

  // The workspace is Kabupaten Tebo's: its decree is the Bupati's.
  await page.getByTestId('nav-data').click();
  const tebo = await page.locator('[data-testid="government"] option', { hasText: 'Kabupaten Tebo' }).getAttribute('value');
  await page.getByTestId('government').selectOption(tebo);
  await page.getByTestId('nav-hasil').click();
  await page.getByTestId('decree-show').click();
  assert.match(await page.getByTestId('decree-heading').textContent(), /LAMPIRAN KEPUTUSAN BUPATI TEBO/);
  // Before the decree: its number and date are blanks to fill in by hand;
  // it is signed at the kabupaten's seat by the Bupati.
  assert.match(await page.getByTestId('decree-ref').textContent(), /NOMOR : …+\s*TANGGAL : …+/);
  const signature = await page.getByTestId('decree-signature').textContent();
  assert.match(signature, /Ditetapkan di Muara Tebo/);
  assert.match(signature, /BUPATI TEBO,/);
  await page.getByTestId('decree-show').click();

  // Draf → Sosialisasi: the active scenario is frozen as version 1.
  assert.equal(await status(page), 'draf');
  await page.getByTestId('tab-procedure').click();
  await page.getByTestId('procedure-publish').click();
  await until(page, 'sosialisasi');
  const v1 = await page.getByTestId('round-version').getAttribute('data-fingerprint');
  assert.match(v1, /^[0-9a-f]{64}$/);
  // A weight cannot change silently now.
  await page.getByTestId('nav-skenario').click();
  await page.getByTestId('weight-fit').fill('77');
  await page.getByTestId('notice').filter({ hasText: 'versi baru' }).waitFor();
  assert.notEqual(await page.getByTestId('weight-fit').inputValue(), '77');

  // Sosialisasi → Dibahas → Ditetapkan → SK terbit.
  await page.getByTestId('nav-hasil').click();
  await page.getByTestId('tab-procedure').click();
  await page.getByTestId('review-members').fill('Sekretaris Daerah (ketua)\nKepala BKPSDM (sekretaris)\nInspektur');
  await page.getByTestId('review-meeting').fill('2026-12-10');
  await page.getByTestId('procedure-review').click();
  await until(page, 'dibahas');
  // The minutes: two of the three attended; the agenda prints them.
  const attendance = page.getByTestId('review-attendance').locator('input[type=checkbox]');
  await attendance.nth(0).check();
  await attendance.nth(2).check();
  await page.getByTestId('review-minutes').fill('Rancangan disetujui.');
  await page.getByTestId('minutes-save').click();
  await page.getByTestId('agenda-show').click();
  const minutes = page.getByTestId('agenda-minutes');
  await minutes.locator('[data-attended="true"]').nth(1).waitFor();
  assert.equal(await minutes.locator('[data-attended="true"]').count(), 2);
  assert.match(await minutes.textContent(), /Rancangan disetujui\./);
  assert.ok((await page.getByTestId('agenda-agency').count()) > 5);
  await page.getByTestId('agenda-show').click();
  await page.getByTestId('procedure-establish').click();
  await until(page, 'ditetapkan');
  const v2 = await page.getByTestId('round-version').getAttribute('data-fingerprint');
  await page.getByTestId('decree-number').fill('800/123/BKPSDM/2026');
  await page.getByTestId('decree-date').fill('2026-12-20');
  await page.getByTestId('procedure-decree').click();
  await until(page, 'sk_terbit');
  assert.match(await page.getByTestId('decree-issued').textContent(), /800\/123\/BKPSDM\/2026/);
  // The attachment now carries the decree's number and date.
  await page.getByTestId('decree-show').click();
  assert.match(await page.getByTestId('decree-ref').textContent(), /NOMOR : 800\/123\/BKPSDM\/2026\s*TANGGAL : 20\/12\/2026/);
  assert.match(await page.getByTestId('decree-signature').textContent(), /pada tanggal 20\/12\/2026/);
  await page.getByTestId('decree-show').click();
  const rows = page.locator('[data-testid="versions"] tbody tr');
  assert.equal(await rows.count(), 2);
  assert.deepEqual(await rows.evaluateAll((els) => els.map((e) => e.dataset.matches)), ['true', 'true']);

  // Export: the file holds the procedure, its versions, the move records
  // and every step in the audit log.
  await page.getByTestId('nav-data').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan').click()]);
  const file = join(ctx.dir, 'rencana-tebo.json');
  await download.saveAs(file);
  const plan = JSON.parse(await readFile(file, 'utf8'));
  assert.deepEqual(plan.workspace.government, { level: 'regency', regency: 'tebo' });
  const round = plan.workspace.rounds.find((r) => r.procedure);
  assert.equal(round.procedure.status, 'sk_terbit');
  assert.deepEqual(round.procedure.review.attended, ['Sekretaris Daerah (ketua)', 'Inspektur']);
  assert.deepEqual(round.procedure.versions.map((v) => v.fingerprint), [v1, v2]);
  const recorded = plan.workspace.moves.filter((m) => m.round === round.id);
  assert.equal(recorded.length, round.procedure.versions[1].result.moves.length);
  assert.ok(recorded.every((m) => m.effective === round.effective_date));
  const steps = plan.workspace.audit.map((a) => a.action).filter((a) => a.startsWith('round.') || a === 'government');
  console.log(`fingerprints: v1 ${v1}, v2 ${v2}; ${recorded.length} move records; audit: ${steps.join(', ')}`);
  assert.deepEqual(steps, ['government', 'round.publish', 'round.review', 'round.minutes', 'round.establish', 'round.decree']);
  assert.deepEqual(errors, []);
  await context.close();

  // A fresh profile: Verifikasi finds both fingerprints in the file's data.
  const { fresh } = await importAndVerify(ctx, file);
  const versions = fresh.page.locator('[data-testid="verify-version"]');
  await versions.first().waitFor();
  assert.deepEqual(await versions.evaluateAll((els) => els.map((e) => [e.dataset.fingerprint, e.dataset.matches])), [
    [v1, 'true'],
    [v2, 'true'],
  ]);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
});
