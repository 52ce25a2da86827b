// An analyst's own round from a blank page, against the built app: the
// welcome starts an empty workspace for Kabupaten Bungo; the positions
// (bringing the OPDs) and the roster come in from the app's own CSV
// templates, filled in as an analyst would; a round is created, two positions are opened, a second
// scenario is made, the plan is run, and the Lampiran SK — the Bupati's —
// is printed to PDF and read back page by page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, asnCount, checkPrint, planReady } from './harness.mjs';

const ctx = useApp('mutasi-blank-');

/** Downloads the CSV template of an import kind and returns its header row. */
async function templateHeader(page, kind) {
  await page.getByTestId('sheet-kind').selectOption(kind);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-csv').click()]);
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  return text.split(/\r?\n/)[0].split(';');
}

/** A CSV in the template's columns: each row an object keyed by header. */
function csv(header, rows) {
  const line = (cells) => cells.map((c) => (/[;"\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(';');
  return [line(header), ...rows.map((r) => line(header.map((h) => r[h] ?? '')))].join('\n') + '\n';
}

/** Imports a CSV file through Data → Impor dari spreadsheet. */
async function importSheet(page, file, kind) {
  await page.getByTestId('sheet-kind').selectOption(kind);
  await page.getByTestId('sheet-file').setInputFiles(file);
  await page.getByTestId('sheet-analysis').waitFor();
  const counts = page.getByTestId('sheet-counts');
  const agencies = page.getByTestId('sheet-new-agencies');
  const result = {
    new: Number(await counts.getAttribute('data-new')),
    invalid: Number(await counts.getAttribute('data-invalid')),
    agencies: (await agencies.count()) ? (await agencies.textContent()).replace(/^.*: /, '') : '',
  };
  if (await page.getByTestId('sheet-confirm').isDisabled()) {
    assert.fail(`${kind}: nothing to import: ${await page.getByTestId('sheet-analysis').innerText()}`);
  }
  await page.getByTestId('sheet-confirm').click();
  await page.getByTestId('sheet-analysis').waitFor({ state: 'detached' });
  return result;
}

const POSITIONS = [
  // [OPD, unit, position, type, gol min, education, majors, need]
  ['BKPSDM', 'Bidang Mutasi dan Promosi', 'Analis Kepegawaian Ahli Pertama', 'JF Ahli Pertama', 'III/a', 'S1', 'Manajemen SDM; Hukum; Administrasi Negara', '4'],
  ['BKPSDM', 'Sekretariat', 'Pengadministrasi Perkantoran', 'Pelaksana', 'II/a', 'SMA', '', '3'],
  ['Dinas Pendidikan', 'Sekretariat', 'Analis Kepegawaian Ahli Pertama', 'JF Ahli Pertama', 'III/a', 'S1', 'Manajemen SDM; Hukum; Administrasi Negara', '2'],
  ['Dinas Pendidikan', 'Bidang Pembinaan SD', 'Pengadministrasi Perkantoran', 'Pelaksana', 'II/a', 'SMA', '', '4'],
  ['Dinas Kesehatan', 'Sekretariat', 'Pengadministrasi Perkantoran', 'Pelaksana', 'II/a', 'SMA', '', '2'],
];

// [position index, golongan, education, major, domicile]
const PEOPLE = [
  [2, 'III/b', 'S1', 'Hukum', 'Muara Bungo'],
  [2, 'III/a', 'S1', 'Manajemen SDM', 'Muara Bungo'],
  [2, 'III/b', 'S1', 'Administrasi Negara', 'Muara Bungo'],
  [2, 'III/a', 'S1', 'Hukum', 'Muara Bungo'],
  [0, 'III/c', 'S1', 'Hukum', 'Muara Bungo'],
  [4, 'II/c', 'SMA', '', 'Muara Bungo'],
  [4, 'II/b', 'SMA', '', 'Muara Bungo'],
  [4, 'II/d', 'SMA', '', 'Muara Bungo'],
  [4, 'II/c', 'SMA', '', 'Muara Bungo'],
  [4, 'II/a', 'SMA', '', 'Muara Bungo'],
  [1, 'II/c', 'SMA', '', 'Muara Bungo'],
  [3, 'II/b', 'SMA', '', 'Muara Bungo'],
];
const NAMES = ['Rina Marlina', 'Dedi Saputra', 'Yuli Andriani', 'Hendra Gunawan', 'Sri Wahyuni', 'Agus Salim',
  'Fitri Handayani', 'Joko Susilo', 'Nurul Hidayah', 'Bambang Irawan', 'Lestari Putri', 'Rudi Hartono'];

test('Kabupaten Bungo from a blank page: templates, round, openings, scenario, plan and the printed Lampiran SK', async () => {
  const { context, page, errors } = await openApp(ctx.browser, ctx.server.url, { viewport: { width: 1366, height: 768 } });
  page.on('dialog', (d) => d.accept());

  // 1. The welcome: a workspace for Kabupaten Bungo, empty.
  await page.getByTestId('welcome-new').click();
  const bungo = await page.locator('[data-testid="welcome-government"] option', { hasText: 'Kabupaten Bungo' }).getAttribute('value');
  await page.getByTestId('welcome-government').selectOption(bungo);
  await page.getByTestId('welcome-create').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="asn-count"]')?.dataset.count === '0');
  await page.getByTestId('welcome').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('next-step').getAttribute('data-page'), 'data');

  // 2. Positions from the app's template.
  const posHeader = await templateHeader(page, 'jabatan');
  for (const h of ['JABATAN', 'JENIS JABATAN', 'OPD', 'UNIT KERJA', 'KEBUTUHAN']) assert.ok(posHeader.includes(h), h);
  const positions = POSITIONS.map(([opd, unit, name, type, gol, edu, majors, need]) => ({
    JABATAN: name, 'JENIS JABATAN': type, OPD: opd, 'UNIT KERJA': unit, 'GOL MIN': gol,
    'PENDIDIKAN MIN': edu, 'JURUSAN DITERIMA': majors, KEBUTUHAN: need,
  }));
  const posFile = join(ctx.dir, 'jabatan-bungo.csv');
  await writeFile(posFile, csv(posHeader, positions));
  const posResult = await importSheet(page, posFile, 'jabatan');
  // The first file of the new workspace brings its OPDs, said before importing.
  assert.deepEqual(posResult, { new: POSITIONS.length, invalid: 0, agencies: 'BKPSDM, Dinas Pendidikan, Dinas Kesehatan' });

  // 3. The roster from the app's template.
  const asnHeader = await templateHeader(page, 'pegawai');
  const roster = PEOPLE.map(([p, gol, edu, major, home], i) => {
    const [opd, unit, name, type] = POSITIONS[p];
    const month = String(1 + (i % 12)).padStart(2, '0');
    const sex = i % 2 === 0 ? '1' : '2';
    return {
      NIP: `${1980 + i}${month}10200803${sex}${String(i + 1).padStart(3, '0')}`,
      NAMA: NAMES[i], 'JENIS KELAMIN': sex === '1' ? 'L' : 'P', 'TGL LAHIR': `10/${month}/${1980 + i}`,
      STATUS: 'PNS', 'GOL RUANG': gol, PENDIDIKAN: edu, JURUSAN: major, OPD: opd, 'UNIT KERJA': unit,
      JABATAN: name, 'TMT JABATAN': '01/03/2018', DOMISILI: home, 'JENIS JABATAN': type,
    };
  });
  const asnFile = join(ctx.dir, 'pegawai-bungo.csv');
  await writeFile(asnFile, csv(asnHeader, roster));
  const asnResult = await importSheet(page, asnFile, 'pegawai');
  assert.deepEqual(asnResult, { new: PEOPLE.length, invalid: 0, agencies: '' });
  assert.equal(await asnCount(page), PEOPLE.length);

  // 4. A round of our own.
  await page.getByTestId('nav-skenario').click();
  await page.getByTestId('first-round').waitFor();
  await page.getByTestId('round-new-name').fill('Mutasi Bungo April 2027');
  await page.getByTestId('round-new-date').fill('2027-04-01');
  await page.getByTestId('round-new-save').click();
  await page.getByTestId('round-name').filter({ hasText: 'Mutasi Bungo April 2027' }).waitFor();
  assert.equal(await page.getByTestId('round-tmt').textContent(), '01/04/2027');

  // 5. Two positions opened where BKPSDM and the SD division are short.
  for (const [opd, unit] of [['BKPSDM', 'Bidang Mutasi'], ['Dinas Pendidikan', 'Bidang Pembinaan SD']]) {
    await page.getByTestId('nav-jabatan').click();
    const row = page.locator('[data-testid="position-table"] tbody tr', { hasText: opd }).filter({ hasText: unit });
    await row.first().locator('button').click();
    await page.getByTestId('open-position').waitFor();
    await page.getByTestId('open-slots').fill('2');
    await page.getByTestId('open-priority').selectOption('Mendesak');
    await page.getByTestId('open-reason').fill('Kekurangan pegawai');
    await page.getByTestId('open-confirm').click();
    await page.getByTestId('position-openings').waitFor();
  }
  await page.getByTestId('nav-kebutuhan').click();
  assert.equal(await page.getByTestId('openings-count').textContent(), '2');

  // 6. A second scenario from the standard settings, then the plan.
  await page.getByTestId('nav-skenario').click();
  await page.getByTestId('scenario-new').click();
  await page.locator('[data-testid="scenario-s2"][aria-pressed="true"]').waitFor();
  await page.getByTestId('run-plan').click();
  await planReady(page);
  const summary = page.getByTestId('plan-summary');
  await summary.waitFor();
  const moves = Number(await summary.getAttribute('data-moves'));
  assert.ok(moves >= 2, `the plan fills the openings: ${moves} moves`);

  // 7. The Lampiran SK, the Bupati's, printed and read back.
  await page.getByTestId('nav-hasil').click();
  await page.getByTestId('decree-show').click();
  await page.getByTestId('decree-sheet').waitFor();
  const rows = await page.locator('[data-testid="decree-sheet"] table tbody tr').count();
  assert.equal(rows, moves, 'a row per move');
  const pages = await checkPrint(page, 'Lampiran SK Bungo', {
    title: 'LAMPIRAN KEPUTUSAN BUPATI BUNGO',
    rows: '[data-testid="decree-sheet"] table tbody tr',
    round: 'Mutasi Bungo April 2027 · TMT 01/04/2027',
  });
  console.log(`Bungo: ${PEOPLE.length} ASN, ${POSITIONS.length} positions, ${moves} moves, Lampiran SK ${pages} page(s)`);
  assert.deepEqual(errors, []);
  await context.close();
});
