// Trunk post_build hook:
// 1. adds a Content-Security-Policy to index.html and kartu.html: only this
//    origin, no inline script except the page's own (allowed by its hash), no
//    plugins, no other origins for scripts, styles, images or connections;
// 2. writes sw.js with the list of built files, so one visit caches the
//    planner for offline use, and kartu-sw.js with only the card page's
//    files (an ASN's phone never downloads the planner). A cache's name is a
//    hash of its files' contents: a new build gets a new cache and the old
//    one is deleted on activation.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('service-worker.mjs runs as a trunk hook (TRUNK_STAGING_DIR is not set)');
  process.exit(1);
}

const SERVICE_WORKERS = ['sw.js', 'kartu-sw.js'];

async function walk(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (!SERVICE_WORKERS.includes(entry.name)) out.push(path);
  }
  return out;
}

// 1. Content-Security-Policy.
async function addPolicy(name) {
  const path = join(staging, name);
  let html = await readFile(path, 'utf8');
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const hashes = inline.map((code) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`);
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  if (!html.includes('Content-Security-Policy')) {
    html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
    await writeFile(path, html);
  }
  return hashes.length;
}
const hashes = await addPolicy('index.html');
await addPolicy('kartu.html');

// 2. The service workers.
// The card page's own files: its cache holds only these (the page keeps a
// copy of the offer it opened itself), and the planner's cache leaves them
// out.
const CARD_FILES = ['kartu.html', 'kartu.css', 'kartu.js', 'kartu_bg.wasm', 'public/kartu-start.js', 'public/icon.svg'];
const all = (await walk(staging)).map((f) => relative(staging, f).split('\\').join('/')).sort();
const missing = CARD_FILES.filter((f) => !all.includes(f));
if (missing.length) {
  console.error(`service-worker.mjs: the card page's files are missing: ${missing.join(', ')}`);
  process.exit(1);
}

async function version(files) {
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f}\n`).update(await readFile(join(staging, f)));
  return hash.digest('hex').slice(0, 16);
}

// `prefix`: the cache names of this worker; `page`: the page navigations
// fall back to offline; `skip`: a navigation this worker leaves alone.
// Installing revalidates each file with the host ('no-cache'): what the page
// has just downloaded comes back as a 304, not a second copy.
function serviceWorker({ prefix, version, files, page, skip }) {
  return `// Generated at build time by .ci/service-worker.mjs; do not edit.
const CACHE = '${prefix}${version}';
const PAGE = '${page}';
const FILES = ${JSON.stringify(files, null, 2)};

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((url) => new Request(url, { cache: 'no-cache' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('${prefix}') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function networkFirst(request, key) {
  return fetch(request)
    .then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(key, copy));
      }
      return response;
    })
    .catch(() => caches.match(key, { ignoreSearch: true }).then((hit) => hit || Response.error()));
}

// Pages: network first (a new build shows at once), the cached page offline.
// Built files: cache first.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    ${skip ? `if (url.pathname.endsWith('/${skip}')) return;` : ''}
    event.respondWith(networkFirst(request, PAGE));
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
`;
}

const plannerFiles = all.filter((f) => !CARD_FILES.includes(f) || f === 'public/icon.svg');
const plannerVersion = await version(plannerFiles);
await writeFile(
  join(staging, 'sw.js'),
  serviceWorker({
    prefix: 'mutasi-planner-',
    version: plannerVersion,
    files: ['./', ...plannerFiles.map((f) => './' + f)],
    page: './',
    skip: 'kartu.html',
  }),
);
const cardVersion = await version(CARD_FILES);
await writeFile(
  join(staging, 'kartu-sw.js'),
  serviceWorker({
    prefix: 'mutasi-kartu-',
    version: cardVersion,
    files: CARD_FILES.map((f) => './' + f),
    page: './kartu.html',
    skip: null,
  }),
);
console.log(`CSP with ${hashes} inline script hash(es); sw.js: ${plannerFiles.length + 1} files, cache mutasi-planner-${plannerVersion}; kartu-sw.js: ${CARD_FILES.length} files, cache mutasi-kartu-${cardVersion}`);
