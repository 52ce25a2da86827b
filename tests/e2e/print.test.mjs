// Every printable view printed as Chromium prints it (page.pdf, A4) and read
// back page by page with pdf.js: the decree attachment (Lampiran SK), an
// agency's and a person's socialisation sheet, the evaluation report and
// the review meeting's agenda. On every page: its text, "Halaman i / n" and
// the round's name with its TMT; on the first: the document's title; no
// page without content; no table row split over two pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp } from './harness.mjs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const ctx = useApp();

/** The text of each page of a PDF, whitespace removed (pdf.js splits lines and words freely). */
async function pdfPages(buffer) {
  const doc = await getDocument({ data: new Uint8Array(buffer), isEvalSupported: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => item.str ?? '').join('').replace(/\s+/g, ''));
  }
  await doc.destroy();
  return pages;
}

const squeeze = (s) => s.replace(/\s+/g, '');

/**
 * Prints the page and checks what every printed document must have.
 * `title`: text of the first page; `rows`: a selector of table rows, each
 * of which must be wholly on one page (its first and last cell together).
 */
async function checkPrint(page, what, { title, rows, round }) {
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
