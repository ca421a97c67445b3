// The load lifecycle as a page meets it: each document fetched once however many ask for it
// (hover, focus and click; two elements; src equal to related-src; URLs written oddly), and
// every attribute taking effect when it changes after the first render.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { servedBuild, watchedPage } from './support.mjs';

const words = (n, word) => Array.from({ length: n }, () => word).join(' ');
const article = (id, title, wordCount = 600) => JSON.stringify({
  format: 'article-reader',
  version: 1,
  article: {
    id,
    title,
    url: `https://publisher.example/${id}`,
    body: [{ type: 'paragraph', text: words(wordCount, 'word') }],
  },
});
const list = (...posts) => JSON.stringify({
  format: 'article-reader',
  version: 1,
  related: posts.map(([id, title]) => ({ id, title, src: `/life/${id}.json`, url: `https://publisher.example/${id}` })),
});
const FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  items: [
    { id: 'f1', title: 'Feed first', url: 'https://publisher.example/f1', content_html: '<p>One.</p>' },
    { id: 'f2', title: 'Feed second', url: 'https://publisher.example/f2', content_html: '<p>Two.</p>' },
  ],
});
const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>lifecycle</title>
<script type="module" src="/article-reader.js"></script></head><body>${body}</body></html>`;

const PAGES = {
  '/life/first.json': article('first', 'First article'),
  '/life/second.json': article('second', 'Second article'),
  '/life/third.json': article('third', 'Third article'),
  '/life/list.json': list(['second', 'Second article'], ['third', 'Third article'], ['first', 'First article']),
  '/life/other-list.json': list(['third', 'Third article from the other list']),
  '/life/feed.json': FEED,
  '/life/a b.json': article('space', 'A space in its name'),
  '/life/ünï.json': article('unicode', 'Letters beyond ASCII'),
  '/life/upper.json': article('upper', 'An upper-case host'),
  '/life/back.json': article('back', 'Backslashes'),
  '/life/hover.html': page('<article-reader id="r" src="/life/first.json" related-src="/life/list.json"></article-reader>'),
  '/life/shared.html': page(`<article-reader id="a" src="/life/feed.json" related-src="/life/feed.json"></article-reader>
<article-reader id="b" src="/life/feed.json"></article-reader>`),
  '/life/attributes.html': page(`<article-reader id="r" src="/life/first.json" related-src="/life/list.json"
  share="x,mastodon,email"></article-reader>`),
};

const build = servedBuild(before, after, PAGES);

const requestsFor = (path) => build.server.requests.filter((p) => p === path).length;

test('hovering, focusing and then opening a related post fetches it once', async () => {
  const { page: tab, context } = await watchedPage(build.browser);
  await tab.goto(`${build.server.url}/life/hover.html`);
  const widget = tab.locator('#r');
  await widget.locator('[part="title"]', { hasText: 'First article' }).waitFor();
  const link = widget.locator('[part="related-title"]', { hasText: 'Second article' });
  await link.hover();
  await link.focus();
  await link.click();
  await widget.locator('[part="title"]', { hasText: 'Second article' }).waitFor();
  assert.equal(requestsFor('/life/second.json'), 1);
  assert.equal(requestsFor('/life/first.json'), 1);
  assert.equal(requestsFor('/life/list.json'), 1);
  await context.close();
});

test('two elements with one src, and a src that is also the related list, fetch it once', async () => {
  const before = requestsFor('/life/feed.json');
  const { page: tab, context } = await watchedPage(build.browser);
  await tab.goto(`${build.server.url}/life/shared.html`);
  await tab.locator('#a [part="title"]', { hasText: 'Feed first' }).waitFor();
  await tab.locator('#a [part="related-title"]').first().waitFor();
  await tab.locator('#b [part="title"]', { hasText: 'Feed first' }).waitFor();
  assert.equal(requestsFor('/life/feed.json') - before, 1);
  await context.close();
});

test('a src written with a space, non-ASCII letters, an upper-case host or backslashes is fetched once', async () => {
  // Served from "localhost" so that "LOCALHOST" is the same origin, written differently.
  const origin = build.server.url.replace('127.0.0.1', 'localhost');
  const upper = build.server.url.replace('http://127.0.0.1', 'HTTP://LOCALHOST');
  const cases = [
    ['/life/a b.json', '/life/a b.json', 'A space in its name'],
    ['/life/ünï.json', '/life/ünï.json', 'Letters beyond ASCII'],
    [`${upper}/life/upper.json`, '/life/upper.json', 'An upper-case host'],
    ['\\life\\back.json', '/life/back.json', 'Backslashes'],
  ];
  for (const [index, [src, path, title]] of cases.entries()) {
    PAGES[`/life/odd-${index}.html`] = page(`<article-reader src="${src}"></article-reader>`);
    const { page: tab, context } = await watchedPage(build.browser);
    await tab.goto(`${origin}/life/odd-${index}.html`);
    await tab.locator('article-reader [part="title"]', { hasText: title }).waitFor();
    assert.equal(requestsFor(path), 1, src);
    await context.close();
  }
});

/** The attributes the loader observes, as it lists them. */
const ATTRIBUTES = JSON.parse(
  readFileSync('src/embed/article-reader.js', 'utf8')
    .match(/const ATTRIBUTES = (\[[^\]]*\])/)[1]
    .replace(/'/g, '"')
    .replace(/,\s*\]/, ']'),
);

test('every attribute takes effect when it changes after the first render', async () => {
  const { page: tab, context, problems } = await watchedPage(build.browser);
  // A document that never answers, for the timeout.
  await tab.route('**/life/never.json', () => {});
  await tab.goto(`${build.server.url}/life/attributes.html`);
  const widget = tab.locator('#r');
  await widget.locator('[part="title"]', { hasText: 'First article' }).waitFor();
  await widget.locator('[part="related-item"]').nth(1).waitFor();
  const set = (name, value) => tab.evaluate(([n, v]) => document.getElementById('r').setAttribute(n, v), [name, value]);
  const until = (check) => tab.waitForFunction(check, null, { timeout: 5000 });
  const root = 'document.getElementById("r").shadowRoot';

  // In order; each changes one attribute of the rendered element and waits for its effect.
  const cases = [
    ['wpm', '50', () => widget.locator('[part="reading-time"]', { hasText: '12 min read' }).waitFor()],
    ['related-limit', '1', () => until(`${root}.querySelectorAll('[part="related-item"]').length === 1`)],
    ['related-src', '/life/other-list.json', () => widget.locator('[part="related-title"]', { hasText: 'from the other list' }).waitFor()],
    ['share-via', 'gazette', async () => {
      await until(`${root}.querySelector('[data-network="x"]')?.href.includes('via=gazette')`);
    }],
    ['share-hashtags', 'news,tech', async () => {
      await until(`${root}.querySelector('[data-network="x"]')?.href.includes('hashtags=news%2Ctech')`);
    }],
    ['share-url', 'https://publisher.example/shared', async () => {
      await until(`${root}.querySelector('[data-network="email"]')?.href.includes(encodeURIComponent('https://publisher.example/shared'))`);
    }],
    ['share-utm', 'launch', async () => {
      await until(`${root}.querySelector('[data-network="x"]')?.href.includes(encodeURIComponent('utm_source=x'))`);
    }],
    ['share-mastodon', 'https://mastodon.example/share', async () => {
      await until(`${root}.querySelector('[data-network="mastodon"]')?.href.startsWith('https://mastodon.example/share?')`);
    }],
    ['share', 'email', () => until(`${root}.querySelectorAll('[part="share-link"]').length === 1`)],
    ['theme', 'dark', () => until(`getComputedStyle(${root}.querySelector('.article-reader')).backgroundColor === 'rgb(23, 23, 26)'`)],
    ['history', 'push', async () => {
      await widget.locator('[part="related-title"]').first().click();
      await widget.locator('[part="title"]', { hasText: 'Third article' }).waitFor();
      assert.match(tab.url(), /[?&]article-reader-r=/);
    }],
    ['lang', 'de', () => widget.locator('[part="reading-time"]', { hasText: '12 Min. Lesezeit' }).waitFor()],
    ['src', '/life/second.json', () => widget.locator('[part="title"]', { hasText: 'Second article' }).waitFor()],
    ['format', 'jsonfeed', () => widget.locator('[part="status"]', { hasText: 'JSON Feed' }).waitFor()],
    ['timeout', '1', async () => {
      // The next load gives up after one second, not the ten it had.
      await set('format', 'auto');
      await set('src', '/life/never.json');
      await widget.locator('[part="retry"]').waitFor({ timeout: 5000 });
    }],
  ];
  assert.deepEqual(cases.map(([name]) => name).sort(), [...ATTRIBUTES].sort(), 'a case for every attribute');
  for (const [name, value, effect] of cases) {
    await set(name, value);
    await effect().catch((error) => {
      throw new Error(`${name}="${value}" had no effect: ${error.message}`);
    });
  }
  assert.deepEqual(problems.consoleErrors.filter((e) => !e.includes('Failed to load resource')), []);
  await context.close();
});
