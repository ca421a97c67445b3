// The demo as a reader meets it: the release build served on loopback, in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { servedBuild, watchedPage } from './support.mjs';

const ARTIFACTS = process.env.ARTIFACTS_DIR ?? 'artifacts';
/** The day the demo is checked against: its recent posts are then "3 years ago". */
const NOW = new Date('2026-11-28T12:00:00Z');

const build = servedBuild(before, after);

test('the demo shows the seed article as the seed page does', async () => {
  const { page, context, problems } = await watchedPage(build.browser, {
    viewport: { width: 1000, height: 900 },
  });
  await page.clock.setFixedTime(NOW);
  const requestsBefore = build.server.requests.length;
  await page.goto(`${build.server.url}/`);
  const part = (name) => page.locator(`article-reader [part="${name}"]`);

  await part('title').waitFor();
  await part('related-item').first().waitFor();
  // Each document is requested once: the page's preload hint, the loader's early fetch and
  // the engine share one request (that the loader asks before the wasm: embed.test.mjs).
  const requested = build.server.requests.slice(requestsBefore);
  for (const document of ['/demo/ms-ice.json', '/demo/recent.json']) {
    assert.equal(requested.filter((path) => path === document).length, 1, document);
  }
  assert.equal(
    await part('title').innerText(),
    'Microsoft condemns ICE activity at U.S. border but still faces public and internal criticism',
  );
  assert.equal(await part('category').textContent(), 'Cloud & Networking');
  assert.equal(await part('reading-time').textContent(), '3 min read');
  assert.equal(await part('published').getAttribute('datetime'), '2018-06-19T10:00:00Z');
  assert.equal(await part('published').textContent(), 'June 19, 2018');

  // The body: its paragraphs, the subheading and the two quoted passages.
  const body = part('body');
  assert.equal(await body.locator('p').count(), 10, 'eight paragraphs plus two in quotes');
  assert.equal(
    await body.locator('h2').textContent(),
    'Microsoft faces criticism from employees over relationship with ICE',
  );
  const quotes = body.locator('blockquote');
  assert.equal(await quotes.count(), 2);
  assert.match(await quotes.nth(0).textContent(), /^Microsoft is not working with U\.S\. Immigration/);
  assert.match(await quotes.nth(1).textContent(), /^ICE’s decision to accelerate IT modernization/);

  // The author card.
  const card = part('author-card');
  assert.match(await card.textContent(), /Published by/);
  assert.equal(await part('author-name').textContent(), 'Richard Gall');
  assert.match(await part('author-bio').textContent(), /^Co-editor of the Packt Hub\./);
  assert.equal(await part('author-avatar').textContent(), 'RG');

  // The share bar: real links with accessible names, and a copy button.
  for (const name of ['Share on X', 'Share on Facebook', 'Share on LinkedIn', 'Share on Email']) {
    const link = page.getByRole('link', { name });
    assert.equal(await link.count(), 1, name);
    assert.match(await link.getAttribute('href'), /^(https:|mailto:)/, name);
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer', name);
  }
  assert.equal(await page.getByRole('button', { name: 'Copy link' }).count(), 1);

  // Recent posts: six, each with title, excerpt cut with "…", and a relative time.
  const items = part('related-item');
  assert.equal(await items.count(), 6);
  assert.match(await part('related').textContent(), /Recent Posts/);
  for (let i = 0; i < 6; i += 1) {
    const item = items.nth(i);
    assert.ok((await item.locator('[part="related-title"]').textContent()).length > 10);
    assert.match(await item.locator('[part="related-excerpt"]').textContent(), /\S…$/);
    assert.equal(await item.locator('[part="related-time"]').textContent(), '3 years ago');
  }
  assert.equal(
    await items.nth(0).locator('[part="related-title"]').textContent(),
    'Top life hacks for prepping for your IT certification exam',
  );

  // It renders in an open shadow root, styled through adoptedStyleSheets.
  const shadow = await page.evaluate(() => {
    const root = document.querySelector('article-reader').shadowRoot;
    return { mode: root.mode, sheets: root.adoptedStyleSheets.length, styleTags: root.querySelectorAll('style').length };
  });
  assert.deepEqual(shadow, { mode: 'open', sheets: 1, styleTags: 0 });

  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/demo.png`, fullPage: true });

  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.offLoopback, []);
  await context.close();
});

test('space is reserved while loading: the page around does not jump', async () => {
  const { page, context } = await watchedPage(build.browser, { viewport: { width: 1000, height: 900 } });
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${build.server.url}/`);
  await page.locator('article-reader [part="related-item"]').first().waitFor();
  // Let the browser report the shifts of the frames just painted.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const total = await page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));
  assert.ok(total < 0.01, `cumulative layout shift ${total}`);
  await context.close();
});

test('a failed load shows a message and a retry that loads again', async () => {
  const { page, context, problems } = await watchedPage(build.browser);
  let articleRequests = 0;
  await page.route('**/demo/ms-ice.json', (route) => {
    articleRequests += 1;
    return articleRequests === 1
      ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'busy' })
      : route.continue();
  });
  await page.addInitScript(() => {
    window.readerEvents = [];
    for (const type of ['article-reader:load', 'article-reader:error']) {
      document.addEventListener(type, (e) => window.readerEvents.push({ type, detail: e.detail }));
    }
  });
  const events = () => page.evaluate(() => window.readerEvents);
  await page.goto(`${build.server.url}/`);

  const status = page.locator('article-reader [part="status"][role="alert"]');
  await status.waitFor();
  assert.match(await status.textContent(), /server had a problem/);
  assert.equal(await page.locator('article-reader [part="title"]').count(), 0);
  const [failure] = await events();
  assert.equal(failure.type, 'article-reader:error');
  assert.equal(failure.detail.kind, 'http');
  assert.equal(failure.detail.status, 503);
  assert.match(failure.detail.src, /demo\/ms-ice\.json$/);

  await page.locator('article-reader [part="retry"]').click();
  await page.locator('article-reader [part="title"]').waitFor();
  assert.equal(articleRequests, 2);
  const loads = (await events()).filter((e) => e.type === 'article-reader:load');
  assert.equal(loads.length, 1);
  assert.equal(loads[0].detail.id, 'ms-ice');
  assert.equal(await page.locator('article-reader [part="status"][role="alert"]').count(), 0);

  // The 503 itself is logged by the browser; nothing else may be.
  assert.deepEqual(
    problems.consoleErrors.filter((e) => !/status of 503/.test(e)),
    [],
  );
  assert.deepEqual(problems.offLoopback, []);
  await context.close();
});
