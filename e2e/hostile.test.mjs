// Hostile or odd input, as an attacker or a broken site would serve it: it never hangs the
// page (a main-thread watchdog, not a timed total), never blanks a widget, and every address
// the widget makes passes the URL rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servedBuild, watchedPage } from './support.mjs';

/** The most a single task may block the main thread. */
const WATCHDOG_MS = 1000;

const feed = (item, extra = {}) => JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  items: [{ id: 'x', url: 'https://publisher.example/x', ...item }],
  ...extra,
});
const native = (article) => JSON.stringify({ format: 'article-reader', version: 1, article });
const seedBody = [{ type: 'paragraph', text: 'word '.repeat(500).trim() }];

/** Documents that once blocked the main thread for seconds (sizes as first measured). */
const HANGS = {
  // 110 rows of cells spanning 999,999 rows and columns (9 KB): 6.2 s.
  spans: feed({
    title: 'Spans',
    content_html: `<table>${'<tr><td colspan="999999" rowspan="999999">x</td></tr>'.repeat(110)}</table>`,
  }),
  // One paragraph with 40,000 attributes (430 KB): 8.1 s.
  attributes: feed({
    title: 'Attributes',
    content_html: `<p ${Array.from({ length: 40_000 }, (_, i) => `a${i}="v"`).join(' ')}>words</p>`,
  }),
  // Isolated Thai letters (400 KB): 5.9 s.
  thai: feed({ title: 'Thai', content_text: 'ก '.repeat(100_000) }),
  // Khmer without spaces (900 KB): laid out at once, seconds; the words counted by the
  // segmenter, a quarter of a second.
  khmer: feed({ title: 'Khmer', content_text: 'កា'.repeat(150_000) }),
  // A megabyte of words in short paragraphs (950 KB): laid out at once, half a second.
  words: feed({ title: 'Words', content_html: '<p>word word word word word word word word word word</p>'.repeat(16_000) }),
  // A list of 38,000 items (1 MB): laid out at once, 1.5 s.
  list: feed({ title: 'List', content_html: `<ul>${'<li>an item of a list</li>'.repeat(38_000)}</ul>` }),
  // A quotation around a megabyte of short paragraphs: laid out at once, 0.7 s.
  quote: feed({
    title: 'Quote',
    content_html: `<blockquote>${'<p>word word word word word word word word word word</p>'.repeat(16_000)}</blockquote>`,
  }),
  // 40,000 unclosed divs in the body (200 KB): 4.0 s.
  'deep-body': feed({ title: 'Deep', content_html: `${'<div>'.repeat(40_000)}words` }),
  // The same in the title: 3.2 s.
  'deep-title': feed({ title: `${'<div>'.repeat(40_000)}Title`, content_html: '<p>words</p>' }),
};

/** A related list of 8 posts of 20,000 divs each: 8.2 s when the list loaded. */
const HEAVY_LIST = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  items: Array.from({ length: 8 }, (_, i) => ({
    id: `post-${i}`,
    url: `https://publisher.example/post-${i}`,
    title: `Heavy post ${i}`,
    content_html: `${'<div>'.repeat(20_000)}Words of post ${i}`,
  })),
});

const htmlPage = (body, { lang = 'en', head = '' } = {}) => `<!doctype html><html lang="${lang}"><head>
<meta charset="utf-8"><title>hostile</title>${head}<script type="module" src="/article-reader.js"></script></head>
<body>${body}</body></html>`;

const pages = {
  '/seed.json': native({ title: 'Seed', body: seedBody }),
  '/heavy-list.json': HEAVY_LIST,
  '/huge.json': native({ title: 'Huge', body: [{ type: 'paragraph', text: 'w '.repeat(1_100_000) }] }),
};
for (const [name, document] of Object.entries(HANGS)) {
  pages[`/hang/${name}.json`] = document;
  pages[`/hang/${name}.html`] = htmlPage(`<article-reader src="/hang/${name}.json"></article-reader>`);
}
pages['/heavy-list.html'] = htmlPage('<article-reader src="/seed.json" related-src="/heavy-list.json"></article-reader>');
pages['/huge.html'] = htmlPage('<article-reader src="/huge.json"></article-reader>');

const build = servedBuild(before, after, pages);

/**
 * Records, from the first moment of the page, the longest time the main thread did not get
 * to a timer set every 10 ms (script, style, layout and paint alike), and the longest task
 * the browser reports.
 */
function watchdog() {
  window.longestTask = 0;
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    window.longestTask = Math.max(window.longestTask, now - last - 10);
    last = now;
  }, 10);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longestTask = Math.max(window.longestTask, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}

/** The page's longest task so far, after the frames just painted have been reported. */
async function longestTask(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  return page.evaluate(() => window.longestTask);
}

for (const name of Object.keys(HANGS)) {
  test(`a document of ${name} is shown without blocking the page for a second`, async () => {
    const { page, context, problems } = await watchedPage(build.browser);
    await page.addInitScript(watchdog);
    await page.goto(`${build.server.url}/hang/${name}.html`);
    await page.locator('article-reader [part="body"]').waitFor();
    assert.ok((await page.locator('article-reader [part="body"]').innerText()).length > 0);
    const longest = await longestTask(page);
    assert.ok(longest < WATCHDOG_MS, `${name}: the main thread was blocked ${longest} ms`);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
}

test('a related list of heavy posts loads, and one opens, without blocking the page', async () => {
  const { page, context, problems } = await watchedPage(build.browser);
  await page.addInitScript(watchdog);
  await page.goto(`${build.server.url}/heavy-list.html`);
  await page.locator('article-reader [part="related-item"]').nth(7).waitFor();
  assert.ok(await longestTask(page) < WATCHDOG_MS, 'loading the list');
  await page.locator('article-reader [part="related-title"]', { hasText: 'Heavy post 3' }).click();
  await page.locator('article-reader [part="title"]', { hasText: 'Heavy post 3' }).waitFor();
  assert.match(await page.locator('article-reader [part="body"]').innerText(), /Words of post 3/);
  const longest = await longestTask(page);
  assert.ok(longest < WATCHDOG_MS, `opening a post blocked the page ${longest} ms`);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('a document over the size limit is refused with a clear message', async () => {
  const { page, context } = await watchedPage(build.browser);
  await page.addInitScript(() => {
    window.errors = [];
    document.addEventListener('article-reader:error', (e) => window.errors.push(e.detail));
  });
  await page.goto(`${build.server.url}/huge.html`);
  const status = page.locator('article-reader [part="status"][role="alert"]');
  await status.waitFor();
  assert.match(await status.innerText(), /too large to show here/);
  assert.match(await status.innerText(), /documents of up to 2000000 bytes are read/);
  const [error] = await page.evaluate(() => window.errors);
  assert.equal(error.kind, 'too-large');
  await context.close();
});

const BAD_TAGS = ['de-x', 'en-a', 'de-1', 'zh-u', 'de-DE-DE'];

for (const tag of BAD_TAGS) {
  for (const place of ['attribute', 'article', 'page']) {
    test(`the language tag "${tag}" in the ${place} neither blanks the widget nor its neighbour`, async () => {
      const { page, context, problems } = await watchedPage(build.browser);
      const bad = `/lang/${place}-${tag}.json`;
      await page.route(`**${bad}`, (route) => route.fulfill({
        contentType: 'application/json',
        body: native({ title: 'Odd language', language: place === 'article' ? tag : undefined, body: seedBody }),
      }));
      await page.route('**/lang/page.html', (route) => route.fulfill({
        contentType: 'text/html',
        body: htmlPage(
          `<article-reader id="odd" src="${bad}"${place === 'attribute' ? ` lang="${tag}"` : ''}></article-reader>
           <article-reader id="other" src="/seed.json" lang="en"></article-reader>`,
          { lang: place === 'page' ? tag : 'en' },
        ),
      }));
      await page.goto(`${build.server.url}/lang/page.html`);
      const odd = page.locator('#odd');
      await odd.locator('[part="title"]').waitFor();
      // The bad tag gives way to the next in line: English words.
      assert.equal(await odd.locator('[part="reading-time"]').textContent(), '3 min read');
      await page.locator('#other [part="title"]').waitFor();
      assert.equal(await page.locator('#other [part="title"]').innerText(), 'Seed');
      assert.deepEqual(problems.consoleErrors, []);
      await context.close();
    });
  }
}

test('a javascript: src never becomes a link, even when the engine cannot start', async () => {
  const { page, context } = await watchedPage(build.browser);
  await page.route('**/no-wasm.html', (route) => route.fulfill({
    contentType: 'text/html',
    headers: { 'Content-Security-Policy': "script-src 'self'" },
    body: htmlPage(`<article-reader id="bad" src="javascript:alert(1)"></article-reader>
      <article-reader id="good" src="/seed.json"></article-reader>`),
  }));
  await page.goto(`${build.server.url}/no-wasm.html`);
  for (const id of ['bad', 'good']) await page.locator(`#${id} [part="status"]`).waitFor();
  assert.equal(await page.locator('#bad [part="status"] a').count(), 0);
  assert.equal(await page.locator('#good [part="status"] a').getAttribute('href'), '/seed.json');
  await context.close();
});

test('share addresses pass the URL rules: no javascript:, no page query, only https Mastodon', async () => {
  const { page, context } = await watchedPage(build.browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: build.server.url });
  const warnings = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.route('**/share.html*', (route) => route.fulfill({
    contentType: 'text/html',
    body: htmlPage(`<article-reader id="a" src="/seed.json" share="mastodon,copy,x"
        share-mastodon="javascript:alert(1)" share-url="javascript:alert(2)"></article-reader>`,
    { head: '<link rel="canonical" href="javascript:alert(3)">' }),
  }));
  await page.goto(`${build.server.url}/share.html?session=secret#token=abc`);
  const widget = page.locator('#a');
  await widget.locator('[part="title"]').waitFor();
  const mastodon = await widget.locator('[data-network="mastodon"]').getAttribute('href');
  assert.ok(mastodon.startsWith('https://share.joinmastodon.org/?text='), mastodon);
  // The shared address is the page's, without its query or fragment.
  const shared = `${build.server.url}/share.html`;
  assert.ok(mastodon.endsWith(encodeURIComponent(` ${shared}`)), mastodon);
  const x = await widget.locator('[data-network="x"]').getAttribute('href');
  assert.equal(new URL(x).searchParams.get('url'), shared);
  await widget.locator('[data-network="copy"]').click();
  await widget.locator('.share__confirmation', { hasText: 'Link copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shared);
  assert.ok(warnings.some((w) => w.includes('share-mastodon')), warnings.join('\n'));
  assert.ok(warnings.some((w) => w.includes('share-url')), warnings.join('\n'));
  await context.close();
});

test('images tell their host only the origin of the page', async () => {
  const { page, context } = await watchedPage(build.browser);
  const item = {
    title: 'Pictures',
    image: `${build.server.url}/featured.png`,
    content_html: `<p><img src="${build.server.url}/inline.png" alt="A"></p>`,
    authors: [{ name: 'Ada', avatar: `${build.server.url}/ada.png` }],
  };
  await page.route('**/pictures.json', (route) => route.fulfill({ contentType: 'application/json', body: feed(item) }));
  await page.route('**/pictures.html', (route) => route.fulfill({
    contentType: 'text/html', body: htmlPage('<article-reader src="/pictures.json"></article-reader>'),
  }));
  await page.goto(`${build.server.url}/pictures.html`);
  await page.locator('article-reader [part="title"]').waitFor();
  const policies = await page.locator('article-reader .article-reader img').evaluateAll(
    (images) => images.map((img) => img.getAttribute('referrerpolicy')),
  );
  assert.equal(policies.length, 3);
  assert.deepEqual([...new Set(policies)], ['strict-origin-when-cross-origin']);
  await context.close();
});

test('a widget known by its position never takes the history key of one with that id', async () => {
  const { page, context } = await watchedPage(build.browser);
  const related = JSON.stringify({
    format: 'article-reader',
    version: 1,
    related: [{ id: 'next', title: 'Next', src: '/seed.json', url: 'https://publisher.example/next' }],
  });
  await page.route('**/keys-related.json', (route) => route.fulfill({ contentType: 'application/json', body: related }));
  await page.route('**/keys.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: htmlPage(`<article-reader src="/hang/spans.json" related-src="/keys-related.json" history="push"></article-reader>
      <article-reader id="1" src="/hang/thai.json" related-src="/keys-related.json" history="push"></article-reader>`),
  }));
  await page.goto(`${build.server.url}/keys.html`);
  const widgets = page.locator('article-reader');
  for (const index of [0, 1]) {
    await widgets.nth(index).locator('[part="related-title"]').click();
    await widgets.nth(index).locator('[part="title"]', { hasText: 'Seed' }).waitFor();
  }
  const params = [...new URL(page.url()).searchParams.keys()].sort();
  assert.deepEqual(params, ['article-reader-1', 'article-reader.1']);
  await context.close();
});
