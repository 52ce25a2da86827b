// A SIASN "Export Data ASN" CSV, end to end against the built app (issue
// 15): 120 rows in SIASN's own shape (../shared/DOMAIN.md, "What BKD staff
// export") — 60 people the demo already has and 60 new ones, titles apart,
// golongan in GOL AKHIR NAMA, level and programme in TINGKAT PENDIDIKAN
// NAMA and PENDIDIKAN NAMA, M/F, C/P, no domicile column — import with no
// click on the mapping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, asnCount } from './harness.mjs';

const ctx = useApp('mutasi-siasn-');

const HEADER =
  'PNS ID,NIP BARU,NIP LAMA,NAMA,GELAR DEPAN,GELAR BELAKANG,TEMPAT LAHIR NAMA,TANGGAL LAHIR,JENIS KELAMIN,AGAMA NAMA,JENIS KAWIN NAMA,JENIS PEGAWAI NAMA,KEDUDUKAN HUKUM NAMA,STATUS CPNS PNS,TMT CPNS,TMT PNS,GOL AWAL NAMA,GOL AKHIR NAMA,TMT GOLONGAN,MK TAHUN,MK BULAN,JENIS JABATAN NAMA,JABATAN NAMA,TMT JABATAN,TINGKAT PENDIDIKAN NAMA,PENDIDIKAN NAMA,TAHUN LULUS,LOKASI KERJA NAMA,UNOR NAMA,INSTANSI INDUK NAMA,INSTANSI KERJA NAMA,SATUAN KERJA INDUK NAMA,SATUAN KERJA KERJA NAMA';

// SIASN's spelling of each level, and the short form PENDIDIKAN NAMA uses.
const LEVELS = {
  SD: ['SD', 'SD'],
  SMP: ['SLTP', 'SLTP'],
  SMA: ['SLTA', 'SLTA'],
  D1: ['Diploma I', 'D-I'],
  D2: ['Diploma II', 'D-II'],
  D3: ['Diploma III', 'D-III'],
  D4: ['D-IV/Sarjana Terapan', 'D-IV'],
  S1: ['S-1/Sarjana', 'S1'],
  S2: ['S-2', 'S2'],
  S3: ['S-3/Doktor', 'S3'],
};
const dmy = (iso) => iso.split('-').reverse().join('-');
const csvCell = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

// The demo's data (exported from the page), and a writer of SIASN rows
// for its people and positions.
async function siasnWriter(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan').click()]);
  const planFile = join(ctx.dir, 'demo.json');
  await download.saveAs(planFile);
  const ws = JSON.parse(await readFile(planFile, 'utf8')).workspace;
  const agencies = new Map(ws.agencies.map((a) => [a.id, a]));
  const unitName = (p) => agencies.get(p.agency).units.find((u) => u.id === p.unit).name;
  // Positions that their name and unit identify.
  const count = new Map();
  for (const p of ws.positions) count.set(`${p.unit}|${p.name}`, (count.get(`${p.unit}|${p.name}`) ?? 0) + 1);
  const unique = ws.positions.filter((p) => count.get(`${p.unit}|${p.name}`) === 1);
  const byId = new Map(ws.positions.map((p) => [p.id, p]));
  const row = (person, position, since, place) => {
    const [name, ...titles] = person.name.split(', ');
    const [level, short] = LEVELS[person.education.level];
    const agency = agencies.get(position.agency);
    return [
      `8ae48${person.nip.slice(-6)}`,
      person.nip,
      '',
      name.toUpperCase(),
      '',
      titles.join(', '),
      'JAMBI',
      dmy(person.birth_date),
      person.gender === 'female' ? 'F' : 'M',
      'Islam',
      'Menikah',
      'PNS Daerah Provinsi',
      'Aktif',
      person.status === 'cpns' ? 'C' : 'P',
      '',
      '',
      person.golongan,
      person.golongan,
      '',
      '10',
      '0',
      'Jabatan Fungsional Umum',
      position.name,
      dmy(since),
      level,
      `${short} ${person.education.field.toUpperCase()}`.trim(),
      '2010',
      place,
      unitName(position),
      'Pemerintah Provinsi Jambi',
      'Pemerintah Provinsi Jambi',
      agency.name.toUpperCase(),
      agency.name.toUpperCase(),
    ]
      .map(csvCell)
      .join(',');
  };
  return { ws, row, unique, byId };
}

// A new PNS (NIP, name and birth date from `i`) in SIASN's fields.
function newPerson(i) {
  const month = String((i % 12) + 1).padStart(2, '0');
  return {
    nip: `1990${month}15201503${(i % 2) + 1}${String(100 + (i % 900)).padStart(3, '0')}`,
    name: `Pegawai Baru ${i + 1}, S.E.`,
    birth_date: `1990-${month}-15`,
    gender: i % 2 ? 'female' : 'male',
    status: 'pns',
    golongan: 'III/a',
    education: { level: 'S1', field: 'Akuntansi' },
  };
}

test('a 120-row SIASN export imports every row with the guessed mapping', async () => {
  const { context, page, errors } = await openApp(ctx.browser, ctx.server.url);
  const before = await asnCount(page);
  await page.getByTestId('nav-data').click();
  const { ws, row, unique, byId } = await siasnWriter(page);
  // 60 PNS of the demo, as they are (their titles apart, names in capitals).
  const known = ws.asn
    .filter((a) => a.status === 'pns' && a.golongan && a.position && unique.includes(byId.get(a.position.position)))
    .slice(0, 60);
  assert.equal(known.length, 60);
  const lines = known.map((a) => row(a, byId.get(a.position.position), a.position.since, ''));
  // 60 new people in those positions, working in Kota Jambi.
  for (let i = 0; i < 60; i++) lines.push(row(newPerson(i), unique[i], '2020-01-01', 'KOTA JAMBI'));
  const csv = `${HEADER}\r\n${lines.join('\r\n')}\r\n`;

  await page.getByTestId('sheet-file').setInputFiles({ name: 'Export Data ASN.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('sheet-analysis').waitFor();
  assert.equal(await page.getByTestId('sheet-source-kind').getAttribute('data-source'), 'siasn');
  assert.equal(await page.getByTestId('sheet-blocking').count(), 0);
  const counts = page.getByTestId('sheet-counts');
  const report = await page.locator('[data-testid="sheet-problems"] tbody tr').allTextContents();
  assert.deepEqual(
    [await counts.getAttribute('data-update'), await counts.getAttribute('data-new'), await counts.getAttribute('data-invalid')],
    ['60', '60', '0'],
    report.slice(0, 5).join('\n'),
  );
  // The only report lines are the notes on the new people's domicile.
  assert.equal(report.length, 60);
  assert.ok(report.every((r) => /domisili tidak ada di file; diisi dari lokasi kerja \(Kota Jambi\)/.test(r)), report[0]);
  await page.getByTestId('sheet-confirm').click();
  await page.getByTestId('sheet-analysis').waitFor({ state: 'detached' });
  assert.equal(await asnCount(page), before + 60);
  console.log(`SIASN CSV: 120 rows in, 60 updated, 60 new, 0 rejected, ${report.length} notes`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 3,000-row export shows how far the worker has analysed it', async () => {
  const { context, page, errors } = await openApp(ctx.browser, ctx.server.url);
  await page.getByTestId('nav-data').click();
  const { row, unique } = await siasnWriter(page);
  // NIPs repeat every 900 people: the repeats are reported, never dropped.
  const lines = [];
  for (let i = 0; i < 3000; i++) lines.push(row(newPerson(i), unique[i % unique.length], '2020-01-01', 'KOTA JAMBI'));
  const csv = `${HEADER}\r\n${lines.join('\r\n')}\r\n`;
  // Every status line shown while the file is read and analysed.
  await page.evaluate(() => {
    window.__status = [];
    new MutationObserver(() => {
      const t = document.querySelector('[data-testid="sheet-busy"]')?.textContent;
      if (t && !window.__status.includes(t)) window.__status.push(t);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await page.getByTestId('sheet-file').setInputFiles({ name: 'Export Data ASN 3000.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => {
    const b = document.querySelector('[data-testid="sheet-confirm"]');
    return b && !b.disabled;
  });
  const status = await page.evaluate(() => window.__status);
  assert.ok(status.some((t) => t.startsWith('Membaca dan memeriksa Export Data ASN 3000.csv')), status.join(' | '));
  assert.ok(status.includes('Menganalisis baris 1.000 / 3.000 …'), status.join(' | '));
  assert.ok(status.includes('Menganalisis baris 2.000 / 3.000 …'), status.join(' | '));
  const counts = page.getByTestId('sheet-counts');
  assert.deepEqual(
    [await counts.getAttribute('data-new'), await counts.getAttribute('data-invalid')],
    ['900', '2100'],
    'the first of each NIP is new, its repeats are reported',
  );
  assert.equal(await page.getByTestId('sheet-busy').count(), 0, 'no status once it is ready');
  assert.deepEqual(errors, []);
  await context.close();
});
