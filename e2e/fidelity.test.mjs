// Real-world bodies as readers meet them: the words a publisher shows (spaces between inline
// elements inside divs), none it hides (a honeypot, a contact form), untitled micro posts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servedBuild, watchedPage } from './support.mjs';

/** A WordPress-style body: inline spacing inside divs, an Akismet honeypot, a contact form. */
const BODY = `<div class="notice"><strong>Update:</strong> <a href="/changelog">see the changelog</a></div>
<div><em>Spaces</em> <em>between</em>
<em>inline</em> <span>elements</span> <a name="x">stay.</a></div>
<p>Write to us:</p>
<div class="wpcf7"><form action="/contact" method="post">
  <p><label>Your name<br><input type="text" name="your-name"></label></p>
  <p><label>Your message<br><textarea name="your-message"></textarea></label></p>
  <p style="display: none !important;" class="akismet-fields-container"><label>&#916;<textarea name="ak_hp_textarea"></textarea></label><input type="hidden" name="ak_js" value="1"></p>
  <input type="submit" value="Send">
</form></div>
<p hidden>Only for editors.</p>
<p>Thanks for reading.</p>`;

const FEED = {
  version: 'https://jsonfeed.org/version/1.1',
  items: [
    { id: 'p1', url: 'https://publisher.example/p1', title: 'A post with a form', content_html: BODY },
    { id: 'n1', url: 'https://publisher.example/n1', content_html: '<p>Just a note, no title.</p>', date_published: '2026-11-30T10:00:00Z' },
  ],
};

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fidelity</title>
<script type="module" src="/article-reader.js"></script></head><body>
<article-reader src="/feed.json" related-src="/feed.json"></article-reader></body></html>`;

const build = servedBuild(before, after, {
    '/fidelity.html': PAGE,
    '/feed.json': JSON.stringify(FEED),
  });

test('a body keeps its inline spaces and shows neither its honeypot nor its form', async () => {
  const { page, context, problems } = await watchedPage(build.browser);
  await page.goto(`${build.server.url}/fidelity.html`);
  const body = page.locator('article-reader [part="body"]');
  await body.waitFor();
  const text = (await body.innerText()).replace(/\s+/g, ' ').trim();
  assert.equal(
    text,
    'Update: see the changelog Spaces between inline elements stay. Write to us: Thanks for reading.',
  );
  for (const hidden of ['Δ', 'Your name', 'Your message', 'Send', 'Only for editors']) {
    assert.ok(!text.includes(hidden), `${hidden} is shown`);
  }
  assert.equal(await body.locator('form, input, textarea, label').count(), 0);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.offLoopback, []);
  await context.close();
});

test('an untitled post is listed by its words and opens body first', async () => {
  const { page, context, problems } = await watchedPage(build.browser);
  await page.goto(`${build.server.url}/fidelity.html`);
  const note = page.locator('article-reader [part="related-title"]', { hasText: 'Just a note, no title.' });
  await note.click();
  const article = page.locator('article-reader [part="article"][aria-label="Just a note, no title."]');
  await article.waitFor();
  assert.equal(await page.locator('article-reader [part="title"]').count(), 0);
  assert.equal((await page.locator('article-reader [part="body"]').innerText()).trim(), 'Just a note, no title.');
  // Focus is on the article, named for assistive technology, instead of a title.
  const focused = await page.evaluate(() => document.querySelector('article-reader').shadowRoot.activeElement?.getAttribute('aria-label'));
  assert.equal(focused, 'Just a note, no title.');
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});
