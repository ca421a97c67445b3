// The crate used by another Yew app: examples/yew-app (its own crate, depending on
// article_reader with `csr` only) built with Trunk and run in Chromium, showing the demo
// article through the Reader component with the props and fetcher it gives it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { launch, serve, watchedPage } from './support.mjs';

const root = new URL('..', import.meta.url).pathname;
const app = `${root}examples/yew-app`;

let server;
let browser;

before(async () => {
  // Debug, in its own target folder: it is another workspace, and sharing the widget's would
  // mix two builds of this crate against two builds of Yew.
  execFileSync('bash', ['-c', `source ${root}scripts/env.sh && trunk build --offline`], {
    cwd: app,
    env: { ...process.env, CARGO_TARGET_DIR: `${app}/target` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  server = await serve(`${app}/dist`);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a Yew app mounts the Reader with its props, gets its events and opens a related post', async () => {
  const { page, problems } = await watchedPage(browser);
  await page.goto(`${server.url}/index.html`);
  const article = JSON.parse(await readFile(`${root}demo/ms-ice.json`, 'utf8')).article;
  await page.locator('.reader-host h1').filter({ hasText: article.title }).waitFor();
  // The app's own log of the reader's events.
  const log = () => page.locator('.app-log li').allInnerTexts();
  await page.locator('.app-log li').first().waitFor();
  assert.deepEqual(await log(), [`Reading: ${article.title}`]);
  // The share bar the app asked for, and the widget's stylesheet inside the app's shadow root.
  const share = page.locator('.reader-host [part~="share"] a[part~="share-link"]');
  assert.deepEqual(await share.evaluateAll((links) => links.map((a) => new URL(a.href).hostname || new URL(a.href).protocol)), ['x.com', 'www.linkedin.com', 'mailto:']);
  assert.equal(await page.locator('.reader-host').evaluate((host) => host.shadowRoot.adoptedStyleSheets.length), 1);
  // A related post (the feed carries it whole) opens in place, and the app hears of it.
  const related = page.locator('.reader-host [part~="related-title"]').first();
  const name = (await related.innerText()).trim();
  await related.click();
  await page.locator('.reader-host h1').filter({ hasText: name }).waitFor();
  await page.locator('.app-log li').nth(2).waitFor();
  assert.deepEqual(await log(), [`Reading: ${article.title}`, `Opened: ${name}`, `Reading: ${name}`]);
  assert.deepEqual(problems, { consoleErrors: [], offLoopback: [] });
});
