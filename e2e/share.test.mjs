// The share bar as readers and publishers meet it: real links, names, the share event, and
// copy link with the clipboard allowed and refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servedBuild, watchedPage } from './support.mjs';

const ARTICLE_URL =
  'https://hub.packtpub.com/microsoft-condemns-ice-activity-at-u-s-border-but-still-faces-public-and-internal-criticism/';
const TITLE =
  'Microsoft condemns ICE activity at U.S. border but still faces public and internal criticism';

const build = servedBuild(before, after);

/** Opens the demo with share links kept from navigating, and share events recorded. */
async function openDemo(options = {}) {
  const watched = await watchedPage(build.browser, options);
  await watched.page.addInitScript(() => {
    window.shareEvents = [];
    document.addEventListener('article-reader:share', (e) => window.shareEvents.push(e.detail));
    // Let the widget see the click, but do not leave for the network.
    document.addEventListener('click', (e) => {
      if (e.composedPath().some((el) => el.dataset?.network && el.tagName === 'A')) e.preventDefault();
    }, true);
  });
  await watched.page.goto(`${build.server.url}/`);
  await watched.page.locator('article-reader [part="title"]').waitFor();
  return watched;
}

test('share links are real links with names, each carrying the article once', async () => {
  const { page, context, problems } = await openDemo();
  const expected = {
    'Share on X': ['https://x.com/intent/tweet', { url: ARTICLE_URL, text: TITLE }],
    'Share on Facebook': ['https://www.facebook.com/sharer/sharer.php', { u: ARTICLE_URL }],
    'Share on LinkedIn': ['https://www.linkedin.com/sharing/share-offsite/', { url: ARTICLE_URL }],
    'Share on Bluesky': ['https://bsky.app/intent/compose', { text: `${TITLE} ${ARTICLE_URL}` }],
    'Share on WhatsApp': ['https://wa.me/', { text: `${TITLE} ${ARTICLE_URL}` }],
  };
  for (const [name, [endpoint, params]] of Object.entries(expected)) {
    const link = page.getByRole('link', { name, exact: true });
    assert.equal(await link.getAttribute('target'), '_blank', name);
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer', name);
    const href = new URL(await link.getAttribute('href'));
    assert.equal(`${href.origin}${href.pathname}`, endpoint, name);
    for (const [key, value] of Object.entries(params)) {
      assert.equal(href.searchParams.get(key), value, `${name} ${key}`);
    }
    assert.equal(await link.locator('svg[aria-hidden="true"]').count(), 1, `${name} icon`);
  }
  const mail = await page.getByRole('link', { name: 'Share on Email' }).getAttribute('href');
  assert.ok(mail.startsWith('mailto:?subject=Microsoft%20condemns'), mail);
  assert.ok(!mail.includes('+'), 'mailto uses %20');
  assert.equal(await page.getByRole('button', { name: 'Copy link' }).count(), 1);

  await page.getByRole('link', { name: 'Share on LinkedIn' }).click();
  const events = await page.evaluate(() => window.shareEvents);
  assert.deepEqual(events, [{ network: 'linkedin', url: ARTICLE_URL }]);
  assert.deepEqual(problems.offLoopback, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('copy link confirms through a polite live region when the clipboard allows it', async () => {
  const { page, context, problems } = await openDemo();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: build.server.url });
  await page.getByRole('button', { name: 'Copy link' }).click();
  const status = page.locator('article-reader .share__confirmation');
  await page.waitForFunction(
    () => document.querySelector('article-reader').shadowRoot
      .querySelector('.share__confirmation').textContent === 'Link copied',
  );
  assert.equal(await status.getAttribute('aria-live'), 'polite');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), ARTICLE_URL);
  assert.deepEqual(await page.evaluate(() => window.shareEvents), [{ network: 'copy', url: ARTICLE_URL }]);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('copy link falls back to a selectable field when the clipboard is refused', async () => {
  const watched = await watchedPage(build.browser);
  await watched.page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) },
    });
  });
  await watched.page.goto(`${build.server.url}/`);
  const { page, context } = watched;
  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.locator('article-reader .share__fallback');
  await field.waitFor();
  assert.equal(await field.inputValue(), ARTICLE_URL);
  assert.notEqual(await field.getAttribute('readonly'), null);
  assert.match(await page.locator('article-reader .share__confirmation').textContent(), /refused/);
  await context.close();
});
