// Shared end-to-end helpers: a static server for the release build on loopback, a headless
// Chromium that is not allowed to talk to anything but that server, and the text of an
// article's body as tools that read it must find it.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

/** `text` with its runs of whitespace as single spaces, trimmed: text compared across parsers. */
export const squash = (text) => text.replace(/\s+/g, ' ').trim();

/** The paragraphs (quotes' included) and subheadings of a native-schema `article`'s body, squashed. */
export const paragraphsOf = (article) => article.body.flatMap((block) => block.paragraphs ?? [block.text]).map(squash);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root` on 127.0.0.1 at a free port, and `pages` from memory: path → text, or path →
 * `(req, res)` that answers itself (a fault, a held response). Resolves to { url, close,
 * requests }.
 */
export async function serve(root, pages = {}) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (typeof pages[path] === 'function') {
      await pages[path](req, res);
      return;
    }
    if (Object.hasOwn(pages, path)) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html; charset=utf-8' });
      res.end(pages[path]);
      return;
    }
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium with the flags that keep it off the network. */
export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A page that records console errors, page errors and every request that would leave
 * loopback (those are aborted, so a test fails instead of reaching the internet).
 */
export async function watchedPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = { consoleErrors: [], offLoopback: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.consoleErrors.push(String(err)));
  await context.route('**/*', (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    const local = hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
    if (local || protocol === 'data:' || protocol === 'blob:') return route.continue();
    problems.offLoopback.push(route.request().url());
    return route.abort();
  });
  return { page, context, problems };
}

/**
 * The usual test file's setup: the release build served on loopback, with `pages` (path →
 * text, read at each request, so a test may add to it) from memory, and one browser, started
 * before the tests and closed after. Returns getters, valid once the tests run.
 */
export function servedBuild(before, after, pages = {}) {
  const shared = {};
  before(async () => {
    shared.server = await serve(process.env.DIST_DIR ?? 'dist', pages);
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}
