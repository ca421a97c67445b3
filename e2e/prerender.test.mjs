// The article before the engine: pages whose <article-reader> was prerendered at build time
// (`article-reader render`, a declarative shadow root) are the article without JavaScript,
// paint it styled with the page, and the live widget takes over without a visible change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { servedBuild, watchedPage } from './support.mjs';

const DIST = process.env.DIST_DIR ?? 'dist';
/** The command, built natively in release by the demo's build step. */
const COMMAND = process.env.ARTICLE_READER_BIN ?? 'target/release/article-reader';
const PRERENDERED = '/demo/prerendered.html';
const TITLE = /^Microsoft condemns ICE activity at U\.S\. border/;

/** In-memory pages, filled once the server's address is known. */
const pages = {};
const build = servedBuild(before, after, pages);

/** Holds the engine's wasm back until the returned function is called. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/article_reader_bg.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Resolves after the page has rendered `count` more frames. */
function frames(page, count = 2) {
  return page.evaluate((count) => new Promise((resolve) => {
    const next = (left) => (left ? requestAnimationFrame(() => next(left - 1)) : resolve());
    next(count);
  }), count);
}

/** Records, from before the page parses: each frame until the title shows, and layout shifts. */
function recordFramesAndShifts() {
  window.shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.shifts.push(entry.value);
  }).observe({ type: 'layout-shift', buffered: true });
  window.paintedFrames = [];
  let frame = 0;
  const tick = () => {
    frame += 1;
    const root = document.querySelector('article-reader')?.shadowRoot;
    const title = root?.querySelector('[part="title"]');
    const container = root?.querySelector('.article-reader');
    window.paintedFrames.push({
      frame,
      title: title?.textContent ?? null,
      // The widget's stylesheet gives the container its measure (42rem).
      measure: container ? getComputedStyle(container).maxWidth : null,
      wasm: performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm')),
    });
    if (!title) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const taken = 'article-reader .article-reader:not(.article-reader--prerendered) [part="title"]';

/** The prerendered container's text, relative times aside (the widget refreshes those). */
function shownText(page, selector = 'article-reader') {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector).shadowRoot.querySelector('.article-reader');
    const copy = root.cloneNode(true);
    for (const time of copy.querySelectorAll('[part="related-time"]')) time.remove();
    return copy.textContent.replace(/\s+/g, ' ').trim();
  }, selector);
}

test('without JavaScript the prerendered demo is the article: title, body, author, share links, related links', async () => {
  const { page, context, problems } = await watchedPage(build.browser, { javaScriptEnabled: false });
  await page.goto(`${build.server.url}${PRERENDERED}`);
  const widget = page.locator('article-reader');
  assert.match(await widget.locator('[part="title"]').textContent(), TITLE);
  assert.match(await widget.locator('[part="body"]').textContent(), /Azure Government team explained/);
  assert.equal(await widget.locator('[part="author-name"]').first().textContent(), 'Richard Gall');
  assert.equal(await widget.locator('[part="reading-time"]').textContent(), '3 min read');
  // Share links are plain links; buttons that need the engine are not shown.
  const x = widget.locator('a[part="share-link"][data-network="x"]');
  assert.match(await x.getAttribute('href'), /^https:\/\/x\.com\/intent\/tweet\?/);
  assert.ok(await x.isVisible());
  const copy = widget.locator('button[part="share-link"]');
  assert.ok((await copy.count()) > 0);
  for (const button of await copy.all()) assert.ok(!(await button.isVisible()));
  // Related posts are links to their pages.
  const related = widget.locator('[part="related-item"] a[href]');
  assert.ok((await related.count()) >= 3);
  assert.match(await related.first().getAttribute('href'), /^https:\/\//);
  // No fallback link where something was prerendered.
  assert.equal(await widget.locator('[part="status"]').count(), 0);
  assert.deepEqual(problems.offLoopback, []);
  await context.close();
});

test('the page as fetched (what a crawler reads) holds the title, the body and the JSON-LD', async () => {
  const html = await (await fetch(`${build.server.url}${PRERENDERED}`)).text();
  assert.match(html, /<template shadowrootmode="open">/);
  assert.match(html, /<h1 part="title"[^>]*><bdi>Microsoft condemns ICE activity/);
  assert.match(html, /Azure Government team explained that it was supporting ICE/);
  const jsonLd = html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)[1];
  const posting = JSON.parse(jsonLd);
  assert.equal(posting['@type'], 'BlogPosting');
  assert.match(posting.headline, TITLE);
  assert.equal(posting.timeRequired, 'PT3M');
  assert.equal(posting.author[0].name, 'Richard Gall');
});

test('with the wasm held back, the frame that first has the title has it styled, long before any wasm', async () => {
  const { page, context, problems } = await watchedPage(build.browser);
  const release = await holdWasm(page);
  await page.addInitScript(recordFramesAndShifts);
  await page.goto(`${build.server.url}${PRERENDERED}`);
  await page.waitForFunction(() => window.paintedFrames.some((f) => f.title));
  const painted = await page.evaluate(() => window.paintedFrames);
  const first = painted.find((f) => f.title);
  assert.match(first.title, TITLE);
  assert.equal(first.measure, '672px', `frame ${first.frame}, the first with the title, has it styled`);
  assert.equal(first.wasm, false);
  release();
  await page.locator(taken).waitFor();
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('the takeover changes nothing a reader sees: no layout shift, same text, focus and scroll kept', async () => {
  const { page, context, problems } = await watchedPage(build.browser, { viewport: { width: 900, height: 600 } });
  const release = await holdWasm(page);
  await page.addInitScript(recordFramesAndShifts);
  await page.goto(`${build.server.url}${PRERENDERED}`);
  await page.locator('article-reader [part="title"]').waitFor();
  // Images are in and laid out before the engine arrives.
  await page.waitForFunction(() => [...document.querySelector('article-reader').shadowRoot.querySelectorAll('img')]
    .every((img) => img.complete));
  await page.evaluate(() => {
    window.scrollTo(0, 700);
    document.querySelector('article-reader').shadowRoot
      .querySelector('a[part="share-link"][data-network="linkedin"]').focus({ preventScroll: true });
  });
  await frames(page);
  const before = {
    text: await shownText(page),
    scroll: await page.evaluate(() => window.scrollY),
    shifts: await page.evaluate(() => window.shifts.length),
  };
  assert.equal(before.scroll, 700);

  release();
  await page.locator(taken).waitFor();
  await frames(page, 3);
  assert.equal(await shownText(page), before.text);
  assert.equal(await page.evaluate(() => window.scrollY), before.scroll);
  assert.deepEqual(await page.evaluate((from) => window.shifts.slice(from), before.shifts), []);
  const focused = await page.evaluate(() => {
    const host = document.querySelector('article-reader');
    const inside = host.shadowRoot.activeElement;
    return {
      host: document.activeElement === host,
      network: inside?.dataset.network,
      live: Boolean(inside?.closest('.article-reader:not(.article-reader--prerendered)')),
    };
  });
  assert.deepEqual(focused, { host: true, network: 'linkedin', live: true });

  // From then on it is the live widget: copy works, a related post opens in place.
  await page.locator('article-reader button[part="share-link"][data-network="copy"]').click();
  await page.locator('article-reader .share__confirmation:not(:empty)').waitFor();
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('a takeover that finds the document changed shows the new one', async () => {
  const { page, context } = await watchedPage(build.browser);
  const original = JSON.parse(readFileSync(join(DIST, 'demo/ms-ice.json'), 'utf8'));
  original.article.title = 'Corrected: Microsoft and ICE';
  await page.route('**/demo/ms-ice.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify(original),
  }));
  await page.goto(`${build.server.url}${PRERENDERED}`);
  await page.locator(taken).waitFor();
  assert.equal(await page.locator(taken).textContent(), 'Corrected: Microsoft and ICE');
  assert.equal(await page.locator('article-reader [part="title"]').count(), 1);
  await context.close();
});

test('when the document cannot be fetched the prerendered article stays, and the page is told', async () => {
  const { page, context } = await watchedPage(build.browser);
  await page.route('**/demo/ms-ice.json', (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.addInitScript(() => {
    window.errors = [];
    document.addEventListener('article-reader:error', (event) => window.errors.push(event.detail.kind));
  });
  await page.goto(`${build.server.url}${PRERENDERED}`);
  await page.waitForFunction(() => window.errors.length > 0);
  assert.deepEqual(await page.evaluate(() => window.errors), ['http']);
  assert.match(await page.locator('article-reader [part="title"]').textContent(), TITLE);
  assert.equal(await page.locator('article-reader .article-reader--prerendered').count(), 1);
  assert.equal(await page.locator('article-reader [part="status"]').count(), 0);
  await context.close();
});

test('a trap before the takeover leaves the prerendered article, and tells the page', async () => {
  const { page, context } = await watchedPage(build.browser);
  const release = await holdWasm(page);
  await page.addInitScript(() => {
    window.errors = [];
    document.addEventListener('article-reader:error', (event) => window.errors.push(event.detail.kind));
  });
  await page.goto(`${build.server.url}${PRERENDERED}`);
  await page.locator('article-reader [part="title"]').waitFor();
  await page.evaluate(() => {
    window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') }));
  });
  await page.waitForFunction(() => window.errors.length > 0);
  assert.deepEqual(await page.evaluate(() => window.errors), ['engine']);
  release();
  assert.match(await page.locator('article-reader [part="title"]').textContent(), TITLE);
  assert.equal(await page.locator('article-reader [part="status"]').count(), 0);
  await context.close();
});

/** Records every CSP violation from before the page parses. */
function recordViolations() {
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
}

test('under the strict CSP of the publisher page the prerendered widget is styled and nothing is refused', async () => {
  const { page, context } = await watchedPage(build.browser, { viewport: { width: 1200, height: 900 } });
  const release = await holdWasm(page);
  await page.addInitScript(recordViolations);
  await page.goto(`${build.server.url}/demo/publisher.html`);
  const measure = () => page.evaluate(() => getComputedStyle(
    document.querySelector('#first').shadowRoot.querySelector('.article-reader'),
  ).maxWidth);
  assert.equal(await measure(), '672px');
  release();
  await page.locator('#first .article-reader:not(.article-reader--prerendered) [part="title"]').waitFor();
  await page.locator('#second').scrollIntoViewIfNeeded();
  await page.locator('#second [part="title"]').waitFor();
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await context.close();

  // The hash is what allows it: without it the browser refuses the inline style.
  const { page: bare, context: bareContext } = await watchedPage(build.browser);
  await bare.route('**/demo/publisher.html', async (route) => {
    const html = await (await fetch(`${build.server.url}/demo/publisher.html`)).text();
    route.fulfill({ contentType: 'text/html', body: html.replace(/ 'sha256-[^']+'/, '') });
  });
  await bare.addInitScript(recordViolations);
  await bare.goto(`${build.server.url}/demo/publisher.html`);
  await bare.waitForFunction(() => window.violations.length > 0);
  assert.match((await bare.evaluate(() => window.violations))[0], /^style-src/);
  await bareContext.close();
});

/** The reader's markup as a canonical string: attributes sorted, whitespace collapsed. */
function canonicalMarkup(selector) {
  const canon = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data.replace(/\s+/g, ' ');
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const attributes = [...node.attributes]
      .filter((a) => !(node.localName === 'progress' && a.name === 'value'))
      .map((a) => `${a.name}="${a.value}"`)
      .sort()
      .join(' ');
    return `<${node.localName} ${attributes}>${[...node.childNodes].map(canon).join('')}</${node.localName}>`;
  };
  const copy = document.querySelector(selector).shadowRoot.querySelector('.reader').cloneNode(true);
  for (const time of copy.querySelectorAll('[part="related-time"]')) time.remove();
  return canon(copy);
}

test('the command writes what the widget renders, for the demo and every format fixture', async () => {
  // [name, article, related list]: a feed or a collection is its own related list.
  const fixtures = [['demo', join(DIST, 'demo/ms-ice.json'), join(DIST, 'demo/recent.json')]];
  for (const name of readdirSync('tests/fixtures/formats').filter((f) => f.endsWith('.json')).sort()) {
    const path = join('tests/fixtures/formats', name);
    fixtures.push([name, path, path]);
  }
  const render = (args) => execFileSync(COMMAND, ['render', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  let compared = 0;
  for (const [name, path, list] of fixtures) {
    const src = `/prerendered-fixtures/${name}`;
    const article = ['--src', `${build.server.url}${src}`];
    const related = ['--related', list, '--related-src', `${build.server.url}${src}.list`];
    let fragment;
    try {
      fragment = render([path, ...article, ...related]);
    } catch {
      try {
        // A single post is no list.
        fragment = render([path, ...article]);
      } catch (error) {
        // Not an article (a JSON-LD page): the widget refuses it too.
        assert.match(String(error.stderr), /not a valid article document/, name);
        continue;
      }
    }
    pages[src] = readFileSync(path, 'utf8');
    pages[`${src}.list`] = readFileSync(list, 'utf8');
    pages[`/prerendered-fixtures/${name}.html`] = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/article-reader.js"></script></head><body>${fragment}</body></html>`;

    const { page, context, problems } = await watchedPage(build.browser);
    const release = await holdWasm(page);
    await page.goto(`${build.server.url}/prerendered-fixtures/${name}.html`);
    await page.locator('article-reader .reader').waitFor();
    const prerendered = await page.evaluate(canonicalMarkup, 'article-reader');
    release();
    await page.locator('article-reader .article-reader:not(.article-reader--prerendered) .reader').waitFor();
    const live = await page.evaluate(canonicalMarkup, 'article-reader');
    assert.equal(prerendered, live, name);
    // (Images on the fixtures' own sites are refused by the test's network guard.)
    const errors = problems.consoleErrors.filter((e) => !e.startsWith('Failed to load resource'));
    assert.deepEqual(errors, [], name);
    await context.close();
    compared += 1;
  }
  assert.ok(compared >= 6, `${compared} documents compared`);
});
