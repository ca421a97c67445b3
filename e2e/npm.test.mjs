// The npm package as a publisher meets it: `npm pack`, then `npm install --offline` of the
// tarball into an empty folder, and from there the widget on a page, `npx article-reader`
// with no Rust on PATH (the same output, messages and status as the native command), the
// `article-reader/render` API, the static-site example built from it, and a Vite app (its
// production build and its dev server) importing it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { build, createServer } from 'vite';
import { crateVersion } from '../scripts/package.mjs';
import { launch, serve, watchedPage } from './support.mjs';

const root = new URL('..', import.meta.url).pathname;
const NOW = '2026-12-01T00:00:00Z';
/** Node and the system's tools, without cargo, rustc or anything under ~/.cargo. */
const NO_RUST_PATH = [dirname(process.execPath), '/usr/bin', '/bin'].join(':');

let folder;
let site;
let browser;

/** `npm install --offline` of the packed tarball into the project at `dir`. */
function installPackage(dir) {
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(folder, `article-reader-${crateVersion()}.tgz`)], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'article-reader-npm-'));
  execFileSync('npm', ['pack', '--loglevel=warn', '--pack-destination', folder], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  site = join(folder, 'site');
  await mkdir(site);
  await writeFile(join(site, 'package.json'), JSON.stringify({ name: 'site', private: true, type: 'module' }));
  installPackage(site);
  execFileSync('cargo', ['build', '--release', '--locked', '--offline', '--bin', 'article-reader'], { cwd: root, stdio: 'inherit' });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Every file under `dir`, relative to it. */
async function files(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath ?? e.path, e.name))).sort();
}

test('the installed package holds what a site and a build need, and no source, test or fixture', async () => {
  const installed = join(site, 'node_modules', 'article-reader');
  const labels = (await readdir(join(root, 'dist', 'labels'))).map((name) => `labels/${name}`);
  assert.deepEqual(await files(installed), [
    'CHANGELOG.md',
    'README.md',
    'article-reader.css',
    'article-reader.d.ts',
    'article-reader.js',
    'article_reader.js',
    'article_reader_bg.wasm',
    'custom-elements.json',
    ...labels,
    'package.json',
    'page.css',
    'render/cli.js',
    'render/index.d.ts',
    'render/index.js',
    'render/prerender.wasm',
    'render/wasi.js',
  ].sort());
  // The stylesheet `--style link` links is the widget's own.
  assert.equal(await readFile(join(installed, 'article-reader.css'), 'utf8'), execFileSync(join(root, 'target/release/article-reader'), ['css'], { encoding: 'utf8' }));
});

/** `article-reader ARGS` run natively and from the package (npx, no Rust on PATH), in `cwd`. */
function both(args, cwd = root) {
  const run = (command, commandArgs, env) => {
    const { status, stdout, stderr } = spawnSync(command, commandArgs, { cwd, env, encoding: 'utf8' });
    return { status, stdout, stderr };
  };
  const native = run(join(root, 'target/release/article-reader'), args, process.env);
  const npx = run('npx', ['--offline', '--prefix', site, 'article-reader', ...args], { PATH: NO_RUST_PATH, HOME: folder });
  return { native, npx };
}

test('npx article-reader, with no Rust on PATH, prints what the native command prints', () => {
  assert.notEqual(spawnSync('cargo', ['--version'], { env: { PATH: NO_RUST_PATH } }).status, 0, 'cargo is out of reach');
  const formats = join(root, '..', 'shared', 'fixtures', 'formats');
  const fixtures = spawnSync('ls', [formats], { encoding: 'utf8' }).stdout.split('\n').filter((name) => name.endsWith('.json'));
  assert.ok(fixtures.length >= 6, `${fixtures.length} format fixtures`);
  const cases = [
    ['render', 'demo/ms-ice.json', '--related', 'demo/recent.json', '--src', '/posts/ms-ice.json', '--lang', 'en', '--share', 'x,linkedin,email,copy', '--now', NOW],
    ['render', 'demo/ms-ice.json', '--style', 'link', '--assets', 'https://cdn.example/npm/article-reader@0.1/', '--theme', 'dark', '--now', NOW],
    ['render', 'demo/ms-ice.json', '--lang', 'de', '--share-url', 'javascript:alert(1)', '--now', NOW],
    ...fixtures.map((name) => ['render', join(formats, name), '--now', NOW]),
    ...fixtures.map((name) => ['render', 'demo/ms-ice.json', '--related', join(formats, name), '--now', NOW]),
    ['--help'],
    ['css'],
    ['render', 'demo/missing.json'],
    ['render', 'demo/ms-ice.json', '--nope', '1'],
    ['render', 'demo/ms-ice.json', '--now', 'soon'],
    ['render'],
    ['frobnicate'],
  ];
  let failures = 0;
  for (const args of cases) {
    const { native, npx } = both(args);
    assert.deepEqual(npx, native, `article-reader ${args.join(' ')}`);
    if (native.status !== 0) failures += 1;
  }
  assert.ok(failures >= 5, `${failures} failing cases compared`);
});

test('npx article-reader render --each writes the same files as the native command', async () => {
  const outputs = {};
  for (const [name, command] of [['native', join(root, 'target/release/article-reader')], ['npx', 'npx']]) {
    const out = join(folder, `each-${name}`);
    const args = ['render', '--each', join(root, 'demo/feed.json'), '--out', out, '--now', NOW];
    const run = name === 'native'
      ? spawnSync(command, args, { encoding: 'utf8' })
      : spawnSync('npx', ['--offline', '--prefix', site, 'article-reader', ...args], { encoding: 'utf8', env: { PATH: NO_RUST_PATH, HOME: folder } });
    assert.equal(run.status, 0, run.stderr);
    const written = {};
    for (const file of await files(out)) written[file] = await readFile(join(out, file), 'utf8');
    outputs[name] = { written, stderr: run.stderr.replaceAll(out, 'OUT') };
  }
  assert.ok(Object.keys(outputs.native.written).length >= 3);
  assert.deepEqual(outputs.npx, outputs.native);
});

test('article-reader/render takes document text and gives what the command prints', async () => {
  const script = `
    import { readFile } from 'node:fs/promises';
    import { render, renderEach, css, styleHash } from 'article-reader/render';
    const text = (path) => readFile(path, 'utf8');
    const warnings = [];
    const results = {
      one: await render(await text(${JSON.stringify(join(root, 'demo/ms-ice.json'))}), {
        related: await text(${JSON.stringify(join(root, 'demo/recent.json'))}),
        attributes: { src: '/posts/ms-ice.json', share: 'x,email', 'share-url': 'javascript:alert(1)' },
        now: new Date(${JSON.stringify(NOW)}),
        onWarning: (message) => warnings.push(message),
      }),
      each: await renderEach(await text(${JSON.stringify(join(root, 'demo/feed.json'))}), { now: ${JSON.stringify(NOW)} }),
      css: await css(),
      hash: await styleHash(),
      error: await render('{"format": "article-reader", "version": 1,,}').catch((e) => e.message),
      flag: await render('{}', { attributes: { nope: 1 } }).catch((e) => e.message),
      warnings,
    };
    process.stdout.write(JSON.stringify(results));
  `;
  await writeFile(join(site, 'api.mjs'), script);
  const run = spawnSync('node', ['api.mjs'], { cwd: site, encoding: 'utf8', env: { PATH: NO_RUST_PATH } });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '', 'no warning from Node about WASI');
  const results = JSON.parse(run.stdout);
  const native = (...args) => execFileSync(join(root, 'target/release/article-reader'), args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

  assert.equal(results.one, native('render', 'demo/ms-ice.json', '--related', 'demo/recent.json', '--src', '/posts/ms-ice.json', '--share', 'x,email', '--share-url', 'javascript:alert(1)', '--now', NOW));
  assert.equal(results.warnings.length, 1);
  assert.match(results.warnings[0], /share-url/);

  const out = join(folder, 'each-api');
  native('render', '--each', 'demo/feed.json', '--out', out, '--now', NOW);
  const expected = [];
  for (const name of (await readdir(out)).sort()) expected.push({ name, html: await readFile(join(out, name), 'utf8') });
  assert.deepEqual(results.each.fragments, expected);
  assert.deepEqual(results.each.skipped, []);

  assert.equal(results.css, native('css'));
  assert.equal(results.hash, native('--help').match(/style-src ('sha256-[^']+')/)[1]);
  assert.match(results.error, /^article\.json: not JSON: .*line 1 column/);
  assert.match(results.flag, /unknown flag `--nope`/);
});

test('a page importing the package from node_modules renders the demo article, with its labels from there', async () => {
  const posts = {
    '/posts/ms-ice.json': await readFile(join(root, 'demo/ms-ice.json'), 'utf8'),
    '/posts/recent.json': await readFile(join(root, 'demo/recent.json'), 'utf8'),
    '/index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Site</title>
      <link rel="stylesheet" href="/node_modules/article-reader/page.css">
      <script type="module">import '/node_modules/article-reader/article-reader.js';</script></head>
      <body><article-reader lang="de" src="/posts/ms-ice.json" related-src="/posts/recent.json"></article-reader></body></html>`,
  };
  const server = await serve(site, posts);
  try {
    const { page, context, problems } = await watchedPage(browser);
    await page.goto(`${server.url}/index.html`);
    const title = JSON.parse(posts['/posts/ms-ice.json']).article.title;
    await page.locator('article-reader .article-reader h1').filter({ hasText: title }).waitFor();
    await page.locator('article-reader [part~="related-item"]').first().waitFor();
    await page.locator('article-reader [part~="reading-time"]').filter({ hasText: 'Lesezeit' }).waitFor();
    assert.ok(server.requests.includes('/node_modules/article-reader/article_reader_bg.wasm'));
    assert.ok(server.requests.includes('/node_modules/article-reader/labels/de.json'));
    assert.deepEqual(problems, { consoleErrors: [], offLoopback: [] });
    await context.close();
  } finally {
    await server.close();
  }
});

/** A page importing the package as a bundled app does, in a folder of its own with the package installed. */
async function viteApp() {
  const app = join(folder, 'vite-app');
  await mkdir(join(app, 'public', 'posts'), { recursive: true });
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'vite-app', private: true, type: 'module' }));
  installPackage(app);
  for (const name of ['ms-ice.json', 'recent.json']) await cp(join(root, 'demo', name), join(app, 'public', 'posts', name));
  await writeFile(join(app, 'main.js'), "import 'article-reader';\n");
  await writeFile(join(app, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title>
    <script type="module" src="/main.js"></script></head>
    <body><article-reader lang="de" src="/posts/ms-ice.json" related-src="/posts/recent.json"></article-reader></body></html>`);
  return app;
}

/** Waits for the demo article with its related posts and its German words on the page at `url`. */
async function readsInGerman(url) {
  const { page, context, problems } = await watchedPage(browser);
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(url);
  const title = JSON.parse(await readFile(join(root, 'demo/ms-ice.json'), 'utf8')).article.title;
  await page.locator('article-reader .article-reader h1').filter({ hasText: title }).waitFor();
  await page.locator('article-reader [part~="related-item"]').first().waitFor();
  await page.locator('article-reader [part~="reading-time"]').filter({ hasText: 'Lesezeit' }).waitFor();
  await context.close();
  return { problems, requests };
}

test('a Vite build of a page importing the package bundles the engine and the UI words, and reads in German', async () => {
  const app = await viteApp();
  await build({ root: app, configFile: false, logLevel: 'silent' });
  const built = await files(join(app, 'dist'));
  assert.ok(built.some((name) => /^assets\/article_reader_bg-[\w-]+\.wasm$/.test(name)), built.join(' '));
  const server = await serve(join(app, 'dist'));
  try {
    const { problems, requests } = await readsInGerman(`${server.url}/index.html`);
    assert.ok(requests.some((path) => /^\/assets\/article_reader_bg-[\w-]+\.wasm$/.test(path)), requests.join(' '));
    assert.deepEqual(requests.filter((path) => path.includes('node_modules')), []);
    assert.deepEqual(problems, { consoleErrors: [], offLoopback: [] });
  } finally {
    await server.close();
  }
  // Vite's dev server, with the package left out of its dependency pre-bundling (README).
  const dev = await createServer({
    root: app,
    configFile: false,
    logLevel: 'silent',
    optimizeDeps: { exclude: ['article-reader'] },
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await dev.listen();
  try {
    const { problems, requests } = await readsInGerman(`${dev.resolvedUrls.local[0]}`);
    assert.ok(requests.includes('/node_modules/article-reader/article_reader_bg.wasm'), requests.join(' '));
    assert.ok(requests.includes('/node_modules/article-reader/labels/de.json'), requests.join(' '));
    assert.deepEqual(problems, { consoleErrors: [], offLoopback: [] });
  } finally {
    await dev.close();
  }
});

test('the static-site example, built from the package, gives pages that read without JavaScript', async () => {
  const example = join(folder, 'static-site');
  await cp(join(root, 'examples/static-site'), example, { recursive: true });
  installPackage(example);
  const build = spawnSync('node', ['build.mjs', join(root, 'demo/feed.json'), '_site'], { cwd: example, encoding: 'utf8', env: { PATH: NO_RUST_PATH } });
  assert.equal(build.status, 0, build.stderr);
  const feed = JSON.parse(await readFile(join(root, 'demo/feed.json'), 'utf8'));
  const server = await serve(join(example, '_site'));
  try {
    const { page, context, problems } = await watchedPage(browser, { javaScriptEnabled: false });
    await page.goto(`${server.url}/index.html`);
    assert.equal(await page.locator('main li a').count(), feed.items.length);
    // The first post, read with no script: its title and its words on the page.
    const [item] = feed.items;
    await page.goto(`${server.url}/${item.url.split('/').pop()}.html`);
    const text = await page.locator('article-reader .article-reader article').innerText();
    assert.ok(await page.locator('article-reader .article-reader h1').isVisible());
    const words = item.content_html.replace(/<[^>]+>/g, ' ').split(/\s+/).filter((w) => /^[A-Za-z]{6,}$/.test(w));
    assert.ok(words.length > 5);
    for (const word of words.slice(0, 10)) assert.ok(text.includes(word), `"${word}" is on the page`);
    assert.equal(await page.evaluate(() => document.title), await page.locator('article-reader .article-reader h1').innerText());
    assert.deepEqual(problems, { consoleErrors: [], offLoopback: [] });
    await context.close();
  } finally {
    await server.close();
  }
});
