// Trunk post_build hook:
// 1. adds a Content-Security-Policy to index.html: only this origin, no
//    inline script except trunk's own loader (allowed by its hash), no
//    plugins, no other origins for scripts, styles, images or connections;
// 2. writes sw.js with the list of built files, so one visit caches the app
//    for offline use. The cache name is a hash of the file names and sizes: a
//    new build gets a new cache and the old one is deleted on activation.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('service-worker.mjs runs as a trunk hook (TRUNK_STAGING_DIR is not set)');
  process.exit(1);
}

async function walk(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.name !== 'sw.js') out.push(path);
  }
  return out;
}

// 1. Content-Security-Policy.
const indexPath = join(staging, 'index.html');
let html = await readFile(indexPath, 'utf8');
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
  await writeFile(indexPath, html);
}

// 2. The service worker.
const files = (await walk(staging)).sort();
const hash = createHash('sha256');
for (const f of files) hash.update(`${relative(staging, f)}:${(await stat(f)).size}\n`);
const version = hash.digest('hex').slice(0, 16);
const urls = ['./', ...files.map((f) => './' + relative(staging, f).split('\\').join('/'))];

const sw = `// Generated at build time by .ci/service-worker.mjs; do not edit.
const CACHE = 'mutasi-planner-${version}';
const FILES = ${JSON.stringify(urls, null, 2)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('mutasi-planner-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Pages: network first (a new build shows at once), the cached page offline.
// Hashed files: cache first.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put('./', copy));
          return response;
        })
        .catch(() => caches.match('./', { ignoreSearch: true })),
    );
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
`;
await writeFile(join(staging, 'sw.js'), sw);
console.log(`CSP with ${hashes.length} inline script hash(es); sw.js: ${urls.length} files, cache mutasi-planner-${version}`);
