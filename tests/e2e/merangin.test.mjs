// A real government's own files (issue 39), against the built app: a blank
// Kabupaten Merangin workspace takes its OPDs from a positions sheet that
// names them by their short names; then a SIASN-shaped roster (comma
// separated, SIASN's header names) spells them otherwise ("Dinas
// Kominfo", "BKPSDM Kab. Merangin") and names one OPD the workspace lacks,
// which the analyst creates once from the list the preview shows. Regional
// titles get their levels (camat, sekcam, lurah, a kepala puskesmas as a
// JF to check); opening the occupied Sekretaris Camat post says its holder
// must leave; the plan fills the open pelaksana post and never gives the
// sekcam post a second holder (its holder has no equal post to go to: the
// camat is new in post); the Bupati's Lampiran SK is printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, asnCount, checkPrint, planReady } from './harness.mjs';

const ctx = useApp('mutasi-merangin-');

const POSITIONS = `JABATAN;OPD;UNIT KERJA;KEBUTUHAN
Pranata Komputer Ahli Pertama;Diskominfo;Bidang Aplikasi;2
Pengelola Data;Diskominfo;Bidang Statistik;3
Analis Kepegawaian Ahli Muda;BKPSDM;Bidang Mutasi;3
Pengadministrasi Umum;Kecamatan Bangko;Sekretariat;4
`;

const HEADER = 'PNS ID,NIP BARU,NAMA,GELAR DEPAN,GELAR BELAKANG,JENIS KELAMIN,JENIS PEGAWAI NAMA,STATUS CPNS PNS,GOL AKHIR NAMA,TINGKAT PENDIDIKAN NAMA,PENDIDIKAN NAMA,JENIS JABATAN NAMA,ESELON,JABATAN NAMA,TMT JABATAN,SATUAN KERJA INDUK NAMA,UNOR NAMA,LOKASI KERJA NAMA';
const ROWS = [
  'a1,197005151995031001,Ahmad Yani,,S.Sos,M,PNS Daerah Kabupaten,P,IV/a,S-1/Sarjana,S1 ADMINISTRASI NEGARA,Jabatan Struktural,III.a,Camat Bangko,01-03-2026,Kecamatan Bangko,Kecamatan Bangko,Kabupaten Merangin',
  'a2,197807122000121002,Budi Santoso,,S.IP,M,PNS Daerah Kabupaten,P,III/d,S-1/Sarjana,S1 ILMU PEMERINTAHAN,Jabatan Struktural,,Lurah Pasar Bangko,01-06-2020,Kecamatan Bangko,Kelurahan Pasar Bangko,Kabupaten Merangin',
  'a3,197502102001122003,Citra Dewi,,S.E,F,PNS Daerah Kabupaten,P,III/d,S-1/Sarjana,S1 MANAJEMEN,Jabatan Struktural,,Sekretaris Camat Bangko,01-01-2022,Kecamatan Bangko,Kecamatan Bangko,Kabupaten Merangin',
  'a4,196804051994031004,Darmawan,dr.,M.Kes,M,PNS Daerah Kabupaten,P,IV/a,S-2,S2 KESEHATAN MASYARAKAT,Jabatan Fungsional Tertentu,,Kepala Puskesmas Pasar Bangko,01-02-2019,Dinas Kesehatan,Puskesmas Pasar Bangko,Kabupaten Merangin',
  'a5,198203032006041006,Fajar Hidayat,,S.Kom,M,PNS Daerah Kabupaten,P,III/c,S-1/Sarjana,S1 TEKNIK INFORMATIKA,Jabatan Fungsional Tertentu,,Pranata Komputer Ahli Pertama,01-07-2020,Dinas Kominfo,Bidang Aplikasi,Kabupaten Merangin',
  'a6,198505052010012007,Gita Lestari,,S.Si,F,PNS Daerah Kabupaten,P,III/b,S-1/Sarjana,S1 STATISTIKA,Jabatan Fungsional Umum,,Pengelola Data,01-01-2021,Dinas Komunikasi dan Informatika Kabupaten Merangin,Bidang Statistik,Kabupaten Merangin',
  'a7,197901012005011008,Hendra,,S.H,M,PNS Daerah Kabupaten,P,III/d,S-1/Sarjana,S1 HUKUM,Jabatan Fungsional Tertentu,,Analis Kepegawaian Ahli Muda,01-04-2019,BKPSDM Kab. Merangin,Bidang Mutasi,Kabupaten Merangin',
  'a8,197512122003121012,Lukman,,S.E,M,PNS Daerah Kabupaten,P,III/c,S-1/Sarjana,S1 AKUNTANSI,Jabatan Fungsional Umum,,Pengadministrasi Umum,01-01-2018,Kecamatan Bangko,Sekretariat,Kabupaten Merangin',
  'a9,197606062003122013,Maya Sari,,S.E,F,PNS Daerah Kabupaten,P,III/c,S-1/Sarjana,S1 MANAJEMEN,Jabatan Fungsional Umum,,Pengadministrasi Umum,01-01-2018,Kec. Bangko,Sekretariat,Kabupaten Merangin',
  'a10,197707072003121014,Nanda,,S.Sos,M,PNS Daerah Kabupaten,P,III/c,S-1/Sarjana,S1 SOSIOLOGI,Jabatan Fungsional Umum,,Pengadministrasi Umum,01-01-2018,Kecamatan Bangko,Sekretariat,Kabupaten Merangin',
];

test('Kabupaten Merangin: SIASN roster with variant OPD names and regional titles, reconciled once, planned, printed', async () => {
  const { context, page, errors } = await openApp(ctx.browser, ctx.server.url, { viewport: { width: 1366, height: 768 } });
  page.on('dialog', (d) => d.accept());

  // A blank workspace for Kabupaten Merangin.
  await page.getByTestId('welcome-new').click();
  const merangin = await page.locator('[data-testid="welcome-government"] option', { hasText: 'Kabupaten Merangin' }).getAttribute('value');
  await page.getByTestId('welcome-government').selectOption(merangin);
  await page.getByTestId('welcome-create').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="asn-count"]')?.dataset.count === '0');

  // Its OPDs from a first positions sheet.
  const posFile = join(ctx.dir, 'jabatan-merangin.csv');
  await writeFile(posFile, POSITIONS);
  await page.getByTestId('sheet-kind').selectOption('jabatan');
  await page.getByTestId('sheet-file').setInputFiles(posFile);
  await page.getByTestId('sheet-analysis').waitFor();
  assert.equal(await page.getByTestId('sheet-counts').getAttribute('data-new'), '4');
  await page.getByTestId('sheet-confirm').click();
  await page.getByTestId('sheet-analysis').waitFor({ state: 'detached' });

  // The SIASN roster: every spelling of a known OPD matches ("Kec.
  // Bangko" too); the one the workspace lacks is listed once.
  const rosterFile = join(ctx.dir, 'merangin_siasn.csv');
  await writeFile(rosterFile, [HEADER, ...ROWS].join('\n') + '\n');
  await page.getByTestId('sheet-kind').selectOption('pegawai');
  await page.getByTestId('sheet-file').setInputFiles(rosterFile);
  await page.getByTestId('sheet-analysis').waitFor();
  const unmatched = page.getByTestId('unmatched-agency');
  await unmatched.first().waitFor();
  assert.deepEqual(await unmatched.evaluateAll((els) => els.map((e) => e.dataset.name)), ['Dinas Kesehatan']);
  assert.equal(await page.getByTestId('sheet-counts').getAttribute('data-invalid'), '1');
  // Created once from the list: the rows are read again, all valid.
  await page.getByTestId('unmatched-agency-choice').selectOption('+create');
  await page.waitForFunction(() => document.querySelector('[data-testid="sheet-counts"]')?.dataset.invalid === '0');
  assert.equal(await page.getByTestId('unmatched-agencies').count(), 0);
  assert.equal(await page.getByTestId('sheet-counts').getAttribute('data-new'), String(ROWS.length));
  await page.getByTestId('sheet-confirm').click();
  await page.getByTestId('sheet-analysis').waitFor({ state: 'detached' });
  assert.equal(await asnCount(page), ROWS.length);

  // The kepala puskesmas' post is a JF to check; the camat an administrator.
  await page.getByTestId('nav-jabatan').click();
  await page.getByTestId('position-filter-review').check();
  const toCheck = page.locator('[data-testid="position-table"] tbody tr');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="position-table"] tbody tr [data-testid="position-review-badge"]').length >= 1);
  assert.match(await toCheck.first().innerText(), /Kepala Puskesmas Pasar Bangko[\s\S]*JF Ahli Madya/);
  await page.getByTestId('position-filter-review').uncheck();
  const camat = page.locator('[data-testid="position-table"] tbody tr', { hasText: 'Camat Bangko' }).filter({ hasNotText: 'Sekretaris' });
  assert.match(await camat.first().innerText(), /Administrator/);

  // A round; the occupied Sekretaris Camat post and the Pengelola Data
  // post (need 3, one holder) are opened.
  await page.getByTestId('nav-skenario').click();
  await page.getByTestId('first-round').waitFor();
  await page.getByTestId('round-new-name').fill('Mutasi Merangin April 2027');
  await page.getByTestId('round-new-date').fill('2027-04-01');
  await page.getByTestId('round-new-save').click();
  await page.getByTestId('round-name').filter({ hasText: 'Mutasi Merangin April 2027' }).waitFor();
  for (const name of ['Sekretaris Camat Bangko', 'Pengelola Data']) {
    await page.getByTestId('nav-jabatan').click();
    await page.locator('[data-testid="position-table"] tbody tr', { hasText: name }).first().locator('button').click();
    await page.getByTestId('open-position').waitFor();
    if (name.startsWith('Sekretaris')) {
      assert.match(await page.getByTestId('open-note').innerText(), /Citra Dewi.*pindah/);
    }
    await page.getByTestId('open-slots').fill('1');
    await page.getByTestId('open-confirm').click();
    await page.getByTestId('position-openings').waitFor();
  }

  // The plan: a pelaksana fills Pengelola Data; the sekcam post keeps one
  // holder, its opening listed with the reason.
  await page.getByTestId('nav-skenario').click();
  await page.getByTestId('run-plan').click();
  await planReady(page);
  const summary = page.getByTestId('plan-summary');
  await summary.waitFor();
  const moves = Number(await summary.getAttribute('data-moves'));
  assert.ok(moves >= 1, `a move: ${moves}`);
  await page.getByTestId('nav-hasil').click();
  const vacant = page.getByTestId('vacant-openings');
  await vacant.waitFor();
  assert.match(await vacant.innerText(), /Sekretaris Camat Bangko[\s\S]*satu pemangku per jabatan struktural/);

  // The Bupati's Lampiran SK.
  await page.getByTestId('decree-show').click();
  await page.getByTestId('decree-sheet').waitFor();
  const rows = await page.locator('[data-testid="decree-sheet"] table tbody tr').count();
  assert.equal(rows, moves, 'a row per move');
  assert.doesNotMatch(await page.getByTestId('decree-sheet').innerText(), /Sekretaris Camat Bangko[^\n]*Mutasi/);
  const pages = await checkPrint(page, 'Lampiran SK Merangin', {
    title: 'LAMPIRAN KEPUTUSAN BUPATI MERANGIN',
    rows: '[data-testid="decree-sheet"] table tbody tr',
    round: 'Mutasi Merangin April 2027 · TMT 01/04/2027',
  });
  console.log(`Merangin: ${ROWS.length} ASN, 1 OPD created by choice, ${moves} move(s), Lampiran SK ${pages} page(s)`);
  assert.deepEqual(errors, []);
  await context.close();
});
