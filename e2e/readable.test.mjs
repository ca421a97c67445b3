// Readable by every tool: reader modes, read-later services and scrapers never enter a shadow
// root, so the element also carries the article in its light DOM, assigned to no slot (a
// browser with shadow DOM does not render it). Mozilla's Readability, the engine of Firefox's
// Reader View, must find the whole article on a prerendered page read by an HTML parser
// without declarative shadow DOM (jsdom), and on the live page as Reader View reads it; readers
// and the accessibility tree must still get the article once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { paragraphsOf, servedBuild, squash, watchedPage } from './support.mjs';

const DIST = process.env.DIST_DIR ?? 'dist';
const readabilitySource = await readFile(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');
const seed = JSON.parse(await readFile(join(DIST, 'demo/ms-ice.json'), 'utf8')).article;

/** The seed body's paragraphs (quotes' included) and subheading, as text. */
const PARAGRAPHS = paragraphsOf(seed);

const build = servedBuild(before, after);

/** Which of `paragraphs` the text lacks. */
const missing = (text, paragraphs = PARAGRAPHS) => paragraphs.filter((p) => !squash(text).includes(p));

test('Readability finds the title and the whole body of a prerendered page parsed without declarative shadow DOM', async () => {
  assert.ok(PARAGRAPHS.length >= 10, `${PARAGRAPHS.length} paragraphs`);
  for (const page of ['demo/prerendered.html', 'demo/publisher.html']) {
    const html = await readFile(join(DIST, page), 'utf8');
    const dom = new JSDOM(html, { url: `https://publisher.example/${page}` });
    const read = new Readability(dom.window.document).parse();
    assert.ok(read, `${page}: Readability found an article`);
    // The prerendered demo's page is titled after the article; the publisher's after itself.
    if (page === 'demo/prerendered.html') assert.equal(read.title, seed.title);
    assert.deepEqual(missing(read.textContent), [], `${page}: every paragraph`);
  }
});

test('what an HTML parser sees of the light DOM copy is sanitized like the shadow article', async () => {
  const html = await readFile(join(DIST, 'demo/prerendered.html'), 'utf8');
  const { document } = new JSDOM(html).window;
  const copy = document.querySelector('article-reader > article[data-article-reader-copy]');
  assert.ok(copy, 'the light DOM copy');
  const shadow = document.querySelector('article-reader > template').content.querySelector('article');
  // The shadow article's title, byline, body and author card, the body's markup unchanged but
  // for part names; not its controls.
  for (const selector of ['h1', 'time', '.body', '.author-card']) {
    const unnamed = (element) => element.outerHTML.replace(/ part="[^"]*"/g, '');
    assert.equal(unnamed(copy.querySelector(selector)), unnamed(shadow.querySelector(selector)), selector);
  }
  assert.equal(document.querySelectorAll('article-reader > article').length, 1);
  assert.equal(copy.querySelector('[part], button, progress, [role="status"], script, style, iframe, [onclick], [onerror]'), null);
});

/** Opens `path` and waits for the widget's article (live, not prerendered) with its related posts. */
async function openLive(path) {
  const watched = await watchedPage(build.browser);
  await watched.page.goto(`${build.server.url}${path}`);
  await watched.page.locator('article-reader .article-reader:not(.article-reader--prerendered) [part="title"]').first().waitFor();
  await watched.page.locator('article-reader [part="related-item"]').first().waitFor();
  return watched;
}

for (const path of ['/', '/demo/prerendered.html']) {
  test(`Readability run as Reader View runs it (on document.cloneNode) finds the article on ${path}`, async () => {
    const { page, context, problems } = await openLive(path);
    await page.addScriptTag({ content: readabilitySource });
    const read = await page.evaluate(() => {
      const result = new window.Readability(document.cloneNode(true)).parse();
      return result && { text: result.textContent };
    });
    assert.ok(read);
    // (Its title is the page's <title>, which the page, not the widget, writes.)
    assert.deepEqual(missing(read.text), []);
    assert.deepEqual(problems, { consoleErrors: [], offLoopback: [] });
    await context.close();
  });

  test(`on ${path} each paragraph is shown once, and the accessibility tree holds the article once`, async () => {
    const { page, context } = await openLive(path);
    const shown = await page.evaluate((paragraphs) => {
      const all = [];
      const collect = (root) => {
        for (const element of root.querySelectorAll('*')) {
          all.push(element);
          if (element.shadowRoot) collect(element.shadowRoot);
        }
      };
      collect(document);
      const squash = (text) => text.replace(/\s+/g, ' ').trim();
      const rendered = all.filter((e) => /^(P|H2)$/.test(e.tagName) && e.getClientRects().length > 0);
      const carried = all.filter((e) => /^(P|H2)$/.test(e.tagName));
      return paragraphs.map((p) => [
        rendered.filter((e) => squash(e.textContent) === p).length,
        carried.filter((e) => squash(e.textContent) === p).length,
      ]);
    }, PARAGRAPHS);
    for (const [index, [rendered, carried]] of shown.entries()) {
      assert.equal(rendered, 1, `shown once: ${PARAGRAPHS[index]}`);
      assert.equal(carried, 2, `in the shadow root and the light DOM copy: ${PARAGRAPHS[index]}`);
    }
    const tree = await page.locator('body').ariaSnapshot();
    const count = (text) => tree.split(text).length - 1;
    assert.equal(count(`heading "${seed.title}" [level=1]`), 1, tree.slice(0, 400));
    assert.equal(count(PARAGRAPHS[0].slice(0, 60)), 1);
    await context.close();
  });
}

test('after a related post opens in place, Reader View reads that post', async () => {
  const watched = await watchedPage(build.browser);
  const { page, context } = watched;
  await page.goto(`${build.server.url}/demo/publisher.html`);
  const second = page.locator('#second');
  await second.scrollIntoViewIfNeeded();
  await second.locator('[part="title"]').waitFor();
  const related = second.locator('[part="related-title"]').first();
  const title = (await related.innerText()).trim();
  await related.click();
  await second.locator('[part="title"]', { hasText: title }).waitFor();
  const copyTitle = await page.evaluate(() => document.querySelector('#second > article[data-article-reader-copy] h1')?.textContent.trim());
  assert.equal(copyTitle, title);
  await context.close();
});
