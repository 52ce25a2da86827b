// Every printable view printed as Chromium prints it (page.pdf, A4) and read
// back page by page with pdf.js: the decree attachment (Lampiran SK), an
// agency's and a person's socialisation sheet, the evaluation report and
// the review meeting's agenda. On every page: its text, "Halaman i / n" and
// the round's name with its TMT; on the first: the document's title; no
// page without content; no table row split over two pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, checkPrint } from './harness.mjs';

const ctx = useApp();

test('every printable view prints with a title, page numbers, the round on each page and no split rows', async () => {
  const { context, page, errors } = await openApp(ctx.browser, ctx.server.url, { viewport: { width: 1366, height: 768 } });
  page.on('dialog', (d) => d.accept());
  await page.getByTestId('nav-skenario').click();
  const roundName = (await page.getByTestId('round-name').textContent()).trim();
  await page.getByTestId('nav-kebutuhan').click();
  const line = await page.locator('main p', { has: page.locator('strong', { hasText: roundName }) }).first().textContent();
  const tmt = line.match(/\d\d\/\d\d\/\d{4}/)?.[0];
  assert.ok(tmt, 'the round shows its TMT');
  await page.getByTestId('nav-hasil').click();
  const round = `${roundName} · TMT ${tmt}`;
  const figures = {};

  // The decree attachment: landscape, every move a row.
  await page.getByTestId('decree-show').click();
  await page.getByTestId('decree-sheet').waitFor();
  figures.decree = await checkPrint(page, 'Lampiran SK', {
    title: 'LAMPIRAN KEPUTUSAN GUBERNUR JAMBI',
    rows: '[data-testid="decree-sheet"] table tbody tr',
    round,
  });
  await page.getByTestId('decree-show').click();

  // An agency's socialisation sheet and a person's, with a deadline set.
  await page.getByTestId('tab-social').click();
  await page.getByTestId('comment-deadline').fill('2026-12-15');
  await page.getByTestId('comment-deadline').dispatchEvent('change');
  await page.getByTestId('social-agency').selectOption({ index: 1 });
  await page.getByTestId('social-agency-sheet').waitFor();
  figures.agency = await checkPrint(page, 'sosialisasi OPD', {
    title: 'Sosialisasi rancangan mutasi',
    rows: '[data-testid="social-agency-sheet"] tbody tr',
    round,
  });
  await page.getByTestId('social-agency').selectOption('');
  await page.getByTestId('social-person').selectOption({ index: 1 });
  await page.getByTestId('social-person-sheet').waitFor();
  assert.equal(await page.getByTestId('social-agency-sheet').count(), 0);
  figures.person = await checkPrint(page, 'sosialisasi perorangan', { title: 'Usulan mutasi untuk', round });

  // The review meeting's agenda.
  await page.getByTestId('tab-procedure').click();
  await page.getByTestId('procedure-publish').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="round-status"]')?.dataset.status === 'sosialisasi');
  await page.getByTestId('review-members').fill('Sekretaris Daerah (ketua)\nKepala BKPSDM (sekretaris)');
  await page.getByTestId('review-meeting').fill('2026-12-10');
  await page.getByTestId('procedure-review').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="round-status"]')?.dataset.status === 'dibahas');
  await page.getByTestId('agenda-show').click();
  await page.getByTestId('agenda-sheet').waitFor();
  figures.agenda = await checkPrint(page, 'agenda rapat', {
    title: 'Agenda Rapat Tim Penilai Kinerja PNS',
    rows: '[data-testid="agenda-sheet"] tbody tr',
    round,
  });

  // The evaluation report.
  await page.getByTestId('nav-evaluasi').click();
  await page.getByTestId('distribution-chart').waitFor();
  figures.evaluation = await checkPrint(page, 'laporan evaluasi', {
    title: 'Laporan Pemantauan Kinerja Pasca-Mutasi',
    rows: '[data-testid="flagged-table"] tbody tr',
    round,
  });

  console.log(`pages printed: ${JSON.stringify(figures)}`);
  assert.deepEqual(errors, []);
  await context.close();
});
