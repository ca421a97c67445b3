// Readers browsing posts in place: history, deep links, races, and every failure state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servedBuild, watchedPage } from './support.mjs';

const PAGE = '/demo/publisher.html';
const TITLES = {
  harbour: 'Harbour lights return after ‘a long, dark winter’',
  ferry: 'New ferry timetable from April',
  library: 'Library opens on Sundays this spring',
  tides: 'Why this year’s spring tides will be higher',
};

const build = servedBuild(before, after);

async function openSecond(query = '') {
  const watched = await watchedPage(build.browser, { viewport: { width: 1200, height: 800 } });
  await watched.page.goto(`${build.server.url}${PAGE}${query}`);
  const widget = watched.page.locator('#second');
  await widget.scrollIntoViewIfNeeded();
  await widget.locator('[part="title"]').waitFor();
  return { ...watched, widget };
}

const titleOf = (widget) => widget.locator('[part="title"]').textContent();
const waitTitle = (page, title) => page.waitForFunction(
  (t) => document.getElementById('second').shadowRoot.querySelector('[part="title"]')?.textContent.trim() === t,
  title,
);
const scrollY = (page) => page.evaluate(() => Math.round(window.scrollY));

test('related posts open in place, with history: back, forward and scroll positions', async () => {
  const { page, context, widget, problems } = await openSecond();
  assert.equal((await titleOf(widget)).trim(), TITLES.harbour);
  const startUrl = page.url();

  const open = async (title) => {
    await widget.locator('[part="related-title"]', { hasText: title }).click();
    await waitTitle(page, title);
    // Focus moves to the new title, which is scrolled into view.
    assert.equal(await page.evaluate(() => document.getElementById('second').shadowRoot.activeElement?.getAttribute('part')), 'title');
    return scrollY(page);
  };
  await open(TITLES.ferry);
  const afterFerry = new URL(page.url());
  assert.equal(afterFerry.searchParams.get('article-reader-second'), 'https://gazette.example/2024/03/ferry-timetable');
  assert.equal(afterFerry.searchParams.get('article-reader-first'), null, 'the other widget is untouched');
  // Scroll down within the ferry article before moving on, to check it comes back.
  await page.evaluate(() => window.scrollBy(0, 150));
  const ferryScroll = await scrollY(page);
  await open(TITLES.library);
  await open(TITLES.tides);

  await page.goBack();
  await waitTitle(page, TITLES.library);
  await page.goBack();
  await waitTitle(page, TITLES.ferry);
  await page.waitForFunction((y) => Math.round(window.scrollY) === y, ferryScroll);
  await page.goForward();
  await waitTitle(page, TITLES.library);

  await page.goBack();
  await page.goBack();
  await waitTitle(page, TITLES.harbour);
  assert.equal(page.url(), startUrl);
  // Related posts that open in place came with the feed: no extra requests.
  assert.deepEqual(problems.offLoopback, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('a deep link opens the named article directly; unknown names are ignored', async () => {
  const id = encodeURIComponent('https://gazette.example/2024/02/tide-tables');
  const { widget, context } = await openSecond(`?article-reader-second=${id}`);
  await widget.page().waitForFunction(
    (t) => document.getElementById('second').shadowRoot.querySelector('[part="title"]')?.textContent.trim() === t,
    TITLES.tides,
  );
  await context.close();

  const crafted = encodeURIComponent('https://attacker.example/evil.json');
  const other = await openSecond(`?article-reader-second=${crafted}`);
  assert.equal((await titleOf(other.widget)).trim(), TITLES.harbour);
  assert.deepEqual(other.problems.offLoopback, [], 'nothing outside the related list is fetched');
  await other.context.close();
});

/** A page whose widget loads /state/<name>.json, failing in its own way the first time. */
async function faultyPage(name, fault) {
  const watched = await watchedPage(build.browser);
  const { page } = watched;
  const good = await (await fetch(`${build.server.url}/demo/ms-ice.json`)).text();
  let calls = 0;
  await page.route('**/state/*.json', async (route) => {
    calls += 1;
    if (calls === 1) return fault(route);
    return route.fulfill({ contentType: 'application/json', body: good });
  });
  await page.route('**/state.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><body>
      <script type="module" src="/article-reader.js"></script>
      <article-reader src="/state/${name}.json" timeout="1"></article-reader></body></html>`,
  }));
  await page.addInitScript(() => {
    window.errors = [];
    document.addEventListener('article-reader:error', (e) => window.errors.push(e.detail));
  });
  await page.goto(`${build.server.url}/state.html`);
  return { ...watched, calls: () => calls };
}

const FAULTS = {
  'not-found': [(route) => route.fulfill({ status: 404, body: 'gone' }), /could not be found/, 'http', 404],
  'server-error': [(route) => route.fulfill({ status: 500, body: 'oops' }), /server had a problem/, 'http', 500],
  // Never answered: the widget gives up after its one-second timeout.
  slow: [() => new Promise(() => {}), /took too long/, 'timeout', null],
  'html-page': [(route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><h1>Sign in</h1>' }), /not valid JSON/, 'not-json', null],
  truncated: [(route) => route.fulfill({ contentType: 'application/json', body: '{"format":"article-reader","version":1,"article":{"title":"Cut' }), /not valid JSON/, 'not-json', null],
  'unknown-shape': [(route) => route.fulfill({ contentType: 'application/json', body: '{"data":[1,2,3]}' }), /not in a format/, 'format', null],
  offline: [(route) => route.abort('internetdisconnected'), /Check your connection/, 'network', null],
};

for (const [name, [fault, message, kind, status]] of Object.entries(FAULTS)) {
  test(`failure state "${name}" shows its message, reports it, and retry recovers`, async () => {
    const { page, context, calls } = await faultyPage(name, fault);
    const alert = page.locator('article-reader [part="status"][role="alert"]');
    await alert.waitFor();
    assert.match(await alert.textContent(), message);
    const [error] = await page.evaluate(() => window.errors);
    assert.equal(error.kind, kind);
    assert.equal(error.status, status);
    assert.match(error.url, new RegExp(`/state/${name}\\.json$`));
    await page.locator('article-reader [part="retry"]').click();
    await page.locator('article-reader [part="title"]').waitFor();
    assert.equal(calls(), 2);
    await context.close();
  });
}

test('a very large article renders', async () => {
  const { page, context } = await faultyPage('large', (route) => {
    const paragraph = { type: 'paragraph', text: 'word '.repeat(250).trim() };
    const body = JSON.stringify({
      format: 'article-reader',
      version: 1,
      article: { title: 'Large', body: Array.from({ length: 200 }, () => paragraph) },
    });
    return route.fulfill({ contentType: 'application/json', body });
  });
  await page.locator('article-reader [part="title"]').waitFor();
  assert.equal((await page.locator('article-reader [part="title"]').textContent()).trim(), 'Large');
  assert.equal(await page.locator('article-reader [part="reading-time"]').textContent(), '250 min read');
  assert.equal(await page.locator('article-reader [part="body"] p').count(), 200);
  await context.close();
});
