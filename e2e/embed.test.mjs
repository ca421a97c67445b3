// Embedding on a publisher's page: two widgets under a strict CSP and hostile global CSS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servedBuild, watchedPage } from './support.mjs';

const PAGE = '/demo/publisher.html';

const build = servedBuild(before, after);

/** Records load events, and the window's live intervals and listeners, from the start. */
function instrument() {
  window.loads = [];
  document.addEventListener('article-reader:load', (e) => {
    window.loads.push({ element: e.target.id, detail: e.detail });
  });
  const live = { intervals: new Set(), listeners: [] };
  window.live = live;
  const setInterval = window.setInterval.bind(window);
  const clearInterval = window.clearInterval.bind(window);
  window.setInterval = (...args) => {
    const id = setInterval(...args);
    live.intervals.add(id);
    return id;
  };
  window.clearInterval = (id) => {
    live.intervals.delete(id);
    return clearInterval(id);
  };
  const add = window.addEventListener.bind(window);
  const remove = window.removeEventListener.bind(window);
  // Only the widget's own (its script is on the stack), not the test driver's.
  const fromWidget = () => new Error().stack.includes('article_reader');
  window.addEventListener = (type, listener, options) => {
    if (fromWidget()) live.listeners.push([type, listener]);
    return add(type, listener, options);
  };
  window.removeEventListener = (type, listener, options) => {
    const at = live.listeners.findIndex(([t, l]) => t === type && l === listener);
    if (at >= 0) live.listeners.splice(at, 1);
    return remove(type, listener, options);
  };
  // The host's own elements as they are before any widget runs.
  document.addEventListener('DOMContentLoaded', () => {
    window.hostStylesBefore = snapshotHost();
  });
  window.snapshotHost = snapshotHost;
  function snapshotHost() {
    const out = {};
    for (const id of ['masthead', 'host-intro', 'host-link', 'host-middle', 'host-outro']) {
      const s = getComputedStyle(document.getElementById(id));
      out[id] = [s.color, s.fontFamily, s.fontSize, s.margin, s.display, s.letterSpacing, s.textTransform].join('|');
    }
    return out;
  }
}

const live = (page) => page.evaluate(() => ({
  intervals: window.live.intervals.size,
  listeners: window.live.listeners.length,
}));

test('two widgets render their own articles on a strict, hostile page', async () => {
  const { page, context, problems } = await watchedPage(build.browser, { viewport: { width: 1200, height: 900 } });
  await page.addInitScript(instrument);
  const baselineRequests = build.server.requests.length;
  await page.goto(`${build.server.url}${PAGE}`);

  const first = page.locator('#first');
  const second = page.locator('#second');
  await first.locator('[part="title"]').waitFor();
  assert.match(await first.locator('[part="title"]').textContent(), /^Microsoft condemns ICE/);

  // The second element is far below the fold: nothing of it loads until the reader gets near.
  const requested = () => build.server.requests.slice(baselineRequests);
  assert.ok(!requested().includes('/demo/feed.json'), 'feed.json fetched before it was near');
  assert.equal(await second.locator('[part="title"]').count(), 0);
  await second.scrollIntoViewIfNeeded();
  await second.locator('[part="title"]').waitFor();
  assert.equal(
    await second.locator('[part="title"]').textContent(),
    'Harbour lights return after ‘a long, dark winter’',
  );
  assert.equal(await second.locator('[part="category"]').textContent(), 'Local news');
  // The engine was fetched once for both.
  assert.equal(requested().filter((p) => p.endsWith('.wasm')).length, 1);
  // The first element's documents were asked for while the engine loaded (before the wasm),
  // once each: the engine took those requests over rather than sending its own.
  const log = requested();
  for (const path of ['/demo/ms-ice.json', '/demo/recent.json']) {
    assert.equal(log.filter((p) => p === path).length, 1, path);
    assert.ok(log.indexOf(path) < log.findIndex((p) => p.endsWith('.wasm')), `${path} before the wasm`);
  }
  assert.equal(requested().filter((p) => p === '/article_reader.js').length, 1);

  // Each element announced its load once, with the documented detail.
  await page.waitForFunction(() => window.loads.length >= 2);
  const loads = await page.evaluate(() => window.loads);
  assert.deepEqual(loads.map((l) => l.element).sort(), ['first', 'second']);
  const firstLoad = loads.find((l) => l.element === 'first').detail;
  assert.equal(firstLoad.id, 'ms-ice');
  assert.equal(firstLoad.src, `${build.server.url}/demo/ms-ice.json`);
  assert.equal(firstLoad.title.slice(0, 21), 'Microsoft condemns IC');
  assert.equal(firstLoad.url.slice(0, 23), 'https://hub.packtpub.co');

  // The strict policy still lets the widget style itself (constructed stylesheets).
  const accent = await first.locator('[part="category"]').evaluate((el) => getComputedStyle(el).textTransform);
  assert.equal(accent, 'uppercase');
  // Dark theme asked for by attribute.
  const dark = await second.locator('.article-reader').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(dark, 'rgb(23, 23, 26)');

  // Host elements look exactly as they did before any widget ran.
  const [before, afterLoad] = await page.evaluate(() => [window.hostStylesBefore, window.snapshotHost()]);
  assert.deepEqual(afterLoad, before);
  // Nothing of the widget in the light DOM but the article's copy for other readers (which no
  // slot shows).
  assert.equal(await page.evaluate(() => document.querySelectorAll('article-reader > :not([data-article-reader-copy])').length), 0);

  assert.deepEqual(problems.offLoopback, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test("the host's hostile CSS does not change the widget's layout", async () => {
  const measure = async (hostile) => {
    const { page, context } = await watchedPage(build.browser, { viewport: { width: 1200, height: 900 } });
    if (!hostile) await page.route('**/publisher.css', (route) => route.fulfill({ contentType: 'text/css', body: '' }));
    await page.goto(`${build.server.url}${PAGE}`);
    const first = page.locator('#first');
    await first.locator('[part="related-item"]').first().waitFor();
    const result = await first.evaluate((host) => {
      const root = host.shadowRoot;
      const pick = (selector) => {
        const el = root.querySelector(selector);
        const s = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {
          width: Math.round(box.width),
          height: Math.round(box.height),
          style: [s.display, s.boxSizing, s.marginTop, s.color, s.letterSpacing, s.textTransform, s.lineHeight].join('|'),
        };
      };
      return Object.fromEntries(
        ['.article-reader', '[part="title"]', '[part="body"]', '[part="body"] p', '[part="share-link"]',
          '[part="author-card"]', '[part="related-title"]', '.share__list'].map((s) => [s, pick(s)]),
      );
    });
    await context.close();
    return result;
  };
  const clean = await measure(false);
  const hostile = await measure(true);
  assert.deepEqual(hostile, clean);
});

test('changing src re-renders that element only; removing elements leaves nothing running', async () => {
  const { page, context, problems } = await watchedPage(build.browser, { viewport: { width: 1200, height: 900 } });
  await page.addInitScript(instrument);
  await page.goto(`${build.server.url}${PAGE}`);
  const before = await live(page);
  const first = page.locator('#first');
  await first.locator('[part="title"]').waitFor();
  const second = page.locator('#second');
  await second.scrollIntoViewIfNeeded();
  await second.locator('[part="title"]').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));

  await page.evaluate(() => document.getElementById('first').setAttribute('src', 'feed.json'));
  await page.waitForFunction(() => document.getElementById('first').shadowRoot
    .querySelector('[part="title"]')?.textContent.startsWith('Harbour lights'));
  assert.match(await second.locator('[part="title"]').textContent(), /^Harbour lights/);
  assert.match(await first.locator('[part="related-title"]').first().textContent(), /^Top life hacks/,
    'the related list stays when only src changes');

  const running = await live(page);
  assert.ok(running.intervals > before.intervals, 'widgets refresh relative times');
  assert.ok(running.listeners > before.listeners, 'widgets follow scrolling');

  await page.evaluate(() => document.getElementById('first').remove());
  await page.evaluate(() => document.getElementById('second').remove());
  assert.deepEqual(await live(page), before, 'no intervals or window listeners left behind');
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('without wasm-unsafe-eval in the CSP the element links to the article instead (a prerendered one keeps its article)', async () => {
  const { page, context } = await watchedPage(build.browser, { viewport: { width: 1200, height: 900 } });
  await page.route('**/demo/no-wasm.html', async (route) => {
    const original = await (await fetch(`${build.server.url}${PAGE}`)).text();
    route.fulfill({
      contentType: 'text/html',
      body: original.replace(" 'wasm-unsafe-eval'", ''),
    });
  });
  await page.addInitScript(() => {
    window.engineErrors = [];
    document.addEventListener('article-reader:error', (event) => {
      if (event.detail.kind === 'engine') window.engineErrors.push(event.target.id);
    });
  });
  await page.goto(`${build.server.url}/demo/no-wasm.html`);
  await page.locator('#second').scrollIntoViewIfNeeded();
  const status = page.locator('#second [part="status"]');
  await status.waitFor();
  assert.match(await status.textContent(), /could not be displayed/);
  assert.equal(await status.locator('a').getAttribute('href'), 'feed.json');
  // Both are told; the page's own copy of the first article stays, with no fallback link.
  await page.waitForFunction(() => window.engineErrors.length === 2);
  assert.deepEqual(await page.evaluate(() => window.engineErrors.sort()), ['first', 'second']);
  assert.match(await page.locator('#first [part="title"]').textContent(), /Microsoft condemns ICE/);
  assert.equal(await page.locator('#first [part="status"]').count(), 0);
  await context.close();
});

test('if the WebAssembly traps, every element shows its fallback link, not a blank box', async () => {
  const { page, context } = await watchedPage(build.browser, { viewport: { width: 1200, height: 900 } });
  await page.goto(`${build.server.url}${PAGE}`);
  // Once the live widget has taken the prerendered article's place.
  await page.locator('#first .article-reader:not(.article-reader--prerendered) [part="title"]').waitFor();
  // What a trap looks like from the page: a WebAssembly.RuntimeError reaching the window.
  await page.evaluate(() => {
    window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') }));
  });
  for (const id of ['first', 'second']) {
    const status = page.locator(`#${id} [part="status"]`);
    await status.waitFor();
    assert.match(await status.textContent(), /could not be displayed/);
  }
  assert.equal(await page.locator('#first [part="status"] a').getAttribute('href'), 'ms-ice.json');
  assert.equal(await page.locator('#first [part="title"]').count(), 0);
  await context.close();
});

test('an error in one element leaves the others working', async () => {
  const { page, context } = await watchedPage(build.browser, { viewport: { width: 1200, height: 900 } });
  await page.route('**/demo/feed.json', (route) => route.fulfill({ status: 500, body: 'down' }));
  await page.goto(`${build.server.url}${PAGE}`);
  // The first (prerendered) is taken over by the live widget, which works.
  await page.locator('#first .article-reader:not(.article-reader--prerendered) [part="title"]').waitFor();
  await page.locator('#first [part="share-link"][data-network="copy"]').click();
  await page.locator('#first .share__confirmation:not(:empty)').waitFor();
  const second = page.locator('#second');
  await second.scrollIntoViewIfNeeded();
  await second.locator('[part="retry"]').waitFor();
  assert.match(await second.locator('[part="status"]').textContent(), /server had a problem/);
  await context.close();
});
