// ASN participation end to end: an objection on a proposed move is
// recorded, a second is rejected only with a reason, the first is accepted
// and the person stays; socialisation sheets per agency and per person; the
// pseudonymous export hides names and NIPs and verifies identical.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, importAndVerify, planReady } from './harness.mjs';

const ctx = useApp('mutasi-participation-');

const moves = async (page) => {
  await planReady(page);
  return Number(await page.getByTestId('plan-summary').getAttribute('data-moves'));
};

test('objections, socialisation sheets and a pseudonymous export', async () => {
  const { context, page, errors } = await openApp(ctx.browser, ctx.server.url);
  await page.getByTestId('nav-hasil').click();
  const before = await moves(page);
  const row = page.locator('[data-testid="moves-result-table"] tbody tr').first();
  const nip = await row.getAttribute('data-nip');
  const name = (await row.locator('button').first().textContent()).trim();
  await row.locator('button').first().click();
  await page.getByTestId('explain-panel').waitFor();

  // An empty comment is refused; two comments are recorded.
  await page.getByTestId('comment-save').click();
  await page.locator('[data-testid="comments"] [role="alert"]').waitFor();
  await page.getByTestId('comment-from').fill(name);
  await page.getByTestId('comment-text').fill('Orang tua sakit, mohon tetap di unit sekarang');
  await page.getByTestId('comment-save').click();
  await page.getByTestId('comment-1').waitFor();
  await page.getByTestId('comment-author').selectOption('agency');
  await page.getByTestId('comment-from').fill('Sekretaris OPD');
  await page.getByTestId('comment-text').fill('Formasi tujuan lebih cocok untuk orang lain');
  await page.getByTestId('comment-save').click();
  await page.getByTestId('comment-2').waitFor();
  assert.equal(await page.getByTestId('comment-1').getAttribute('data-status'), 'open');

  // Rejecting needs a reason.
  await page.getByTestId('comment-reject-2').click();
  await page.locator('[data-testid="comment-2"] [role="alert"]').waitFor();
  await page.getByTestId('comment-response-2').fill('Kebutuhan formasi sudah dinilai');
  await page.getByTestId('comment-reject-2').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="comment-2"]')?.dataset.status === 'rejected');
  assert.equal(await moves(page), before, 'a rejection changes nothing');

  // Accepting turns the request (stay) into a manual decision.
  await page.getByTestId('comment-accept-1').click();
  await page.waitForFunction((n) => ![...document.querySelectorAll('[data-testid="moves-result-table"] tbody tr')].some((r) => r.dataset.nip === n), nip);
  assert.equal(await page.getByTestId('comment-1').getAttribute('data-status'), 'accepted');
  await page.getByTestId('tab-decisions').click();
  assert.match(await page.locator('[role="tabpanel"]').textContent(), /Keberatan #1 diterima/);

  // Socialisation: the comment deadline and contact, a sheet per agency and per person.
  await page.getByTestId('tab-social').click();
  await page.getByTestId('comment-deadline').fill('2026-12-15');
  await page.getByTestId('comment-deadline').dispatchEvent('change');
  await page.getByTestId('comment-contact').fill('mutasi@bkd.jambiprov.go.id');
  await page.getByTestId('comment-contact').dispatchEvent('change');
  await page.getByTestId('social-agency').selectOption({ index: 1 });
  const sheet = page.getByTestId('social-agency-sheet');
  await sheet.waitFor();
  const leaving = await page.locator('[data-testid="social-leaving"] tbody tr').count();
  const arriving = await page.locator('[data-testid="social-arriving"] tbody tr').count();
  assert.ok(leaving + arriving > 0, 'the first agency has moves');
  assert.equal(await page.locator('[data-testid="social-weights"] li').count(), 6);
  assert.match(await page.getByTestId('social-how').textContent(), /15\/12\/2026.*mutasi@bkd\.jambiprov\.go\.id/);
  await page.getByTestId('social-person').selectOption(nip);
  const person = page.getByTestId('social-person-sheet');
  await person.waitFor();
  assert.match(await page.getByTestId('social-outcome').textContent(), /Tetap di tempat/);
  assert.equal(await page.locator('[data-testid="social-terms"] tbody tr').count(), 6);

  // The pseudonymous export: no name or NIP of the roster, same plans.
  await page.getByTestId('nav-data').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pseudonymous').click()]);
  assert.match(download.suggestedFilename(), /-pseudonim\.json$/);
  const file = join(ctx.dir, 'pseudonim.json');
  await download.saveAs(file);
  const text = await readFile(file, 'utf8');
  assert.ok(!text.includes(nip), 'the NIP is gone');
  assert.ok(!text.includes(name), 'the name is gone');
  assert.match(text, /ASN-0001/);
  assert.match(text, /"comment":1/, 'comments and decisions travel with the plan');
  assert.match(text, /Orang tua sakit/);
  await context.close();
  assert.deepEqual(errors, []);

  const { fresh, verdicts } = await importAndVerify(ctx, file);
  assert.ok(verdicts.length >= 2);
  assert.ok(verdicts.every((v) => v === 'identical'), verdicts.join(','));
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
});
