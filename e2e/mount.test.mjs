// The loader's code API, `mount(element, config)`, as a page that builds its configuration in
// code uses it: the reader renders into the element, takes camelCase keys, follows `update`,
// leaves nothing behind on `destroy`, and carries the article in the element's light DOM for
// reader modes and parsers, as the custom element does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servedBuild, watchedPage } from './support.mjs';

const pages = {
  '/code.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>mounted in code</title></head>
<body><main><div id="reader"></div></main>
<script type="module">
import { mount } from '/article-reader.js';
const element = document.getElementById('reader');
window.loads = [];
element.addEventListener('article-reader:load', (event) => window.loads.push(event.detail.title));
window.handle = await mount(element, { src: '/demo/ms-ice.json', relatedSrc: '/demo/recent.json', relatedLimit: 2 });
</script></body></html>`,
};

const build = servedBuild(before, after, pages);

/** What the page shows and carries: the rendered title, related titles and the light DOM copy's title. */
const seen = (page) => page.evaluate(() => {
  const element = document.getElementById('reader');
  const root = element.shadowRoot;
  return {
    title: root?.querySelector('[part="title"]')?.textContent.trim() ?? null,
    related: [...(root?.querySelectorAll('[part="related-title"]') ?? [])].map((e) => e.textContent.trim()),
    copies: [...element.querySelectorAll(':scope > [data-article-reader-copy]')].map((e) => e.querySelector('h1')?.textContent.trim()),
    copyParts: element.querySelectorAll(':scope > [data-article-reader-copy] [part], :scope > [data-article-reader-copy] button').length,
  };
});

test('mount() renders, follows update, and destroy takes away the reader and its light DOM copy (which carries the article)', async () => {
  const { page, context, problems } = await watchedPage(build.browser);
  await page.goto(`${build.server.url}/code.html`);
  await page.waitForFunction(() => window.handle && window.loads.length === 1);
  // The related posts are a document of their own: they may come after the article.
  await page.waitForFunction(() => document.getElementById('reader').shadowRoot.querySelector('[part="related-title"]'));
  let now = await seen(page);
  assert.match(now.title, /^Microsoft/);
  assert.equal(now.related.length, 2, 'relatedLimit, given in camelCase as a number');
  assert.deepEqual(now.copies, [now.title], 'one light DOM copy, of the article shown');
  assert.equal(now.copyParts, 0, 'the copy has no part names and no controls');

  await page.evaluate(() => window.handle.update({ src: '/demo/feed.json', relatedSrc: '/demo/recent.json' }));
  await page.waitForFunction(() => window.loads.length === 2);
  now = await seen(page);
  assert.match(now.title, /^Harbour lights/);
  assert.deepEqual(now.copies, [now.title], 'the copy follows the article shown');

  await page.evaluate(() => window.handle.destroy());
  now = await seen(page);
  assert.equal(now.title, null, 'the reader is gone');
  assert.deepEqual(now.copies, [], 'and so is its copy');
  assert.deepEqual(problems, { consoleErrors: [], offLoopback: [] });
  await context.close();
});
