// Accessibility: axe (WCAG 2.1 A and AA) in both themes, keyboard use with visible focus,
// narrow and zoomed layouts, and reduced motion.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { servedBuild, watchedPage } from './support.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const build = servedBuild(before, after);

async function violations(page) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark']) {
  test(`the demo has no WCAG 2.1 A/AA violations (${colorScheme})`, async () => {
    const { page, context } = await watchedPage(build.browser, { colorScheme });
    await page.goto(`${build.server.url}/`);
    await page.locator('article-reader [part="related-item"]').first().waitFor();
    assert.deepEqual(await violations(page), []);
    await context.close();
  });

  test(`the publisher page has no WCAG 2.1 A/AA violations, before and after navigating (${colorScheme})`, async () => {
    const { page, context } = await watchedPage(build.browser, { colorScheme, viewport: { width: 1200, height: 900 } });
    await page.goto(`${build.server.url}/demo/publisher.html`);
    await page.locator('#first [part="title"]').waitFor();
    const second = page.locator('#second');
    await second.scrollIntoViewIfNeeded();
    await second.locator('[part="related-title"]').first().waitFor();
    assert.deepEqual(await violations(page), []);
    await second.locator('[part="related-title"]', { hasText: 'ferry' }).click();
    await second.locator('[part="title"]', { hasText: 'ferry' }).waitFor();
    assert.deepEqual(await violations(page), []);
    await context.close();
  });
}

/** The focused element, looking through shadow roots, described for assertions. */
const focused = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el) return null;
  const style = getComputedStyle(el);
  return {
    part: el.getAttribute('part'),
    network: el.dataset.network ?? null,
    text: el.textContent.trim().slice(0, 40),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
  };
});

test('keyboard: Tab reaches every share control and related post with a visible focus ring', async () => {
  const { page, context } = await watchedPage(build.browser);
  await page.goto(`${build.server.url}/`);
  await page.locator('article-reader [part="related-item"]').first().waitFor();
  // Tab through the page once: until focus comes back to where it started in the widget.
  const seen = [];
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (!now || now.part === null) continue;
    if (seen.length > 0 && JSON.stringify(now) === JSON.stringify(seen[0])) break;
    seen.push(now);
  }
  const shares = seen.filter((f) => f.part === 'share-link').map((f) => f.network);
  assert.deepEqual(shares, ['x', 'facebook', 'linkedin', 'bluesky', 'whatsapp', 'email', 'copy']);
  const related = seen.filter((f) => f.part === 'related-title');
  assert.equal(related.length, 6);
  assert.ok(seen.every((f) => f.outline), `focus ring missing on ${JSON.stringify(seen.find((f) => !f.outline))}`);
  // Share controls come before the related posts, in reading order.
  assert.ok(seen.findIndex((f) => f.part === 'share-link') < seen.findIndex((f) => f.part === 'related-title'));
  await context.close();
});

test('keyboard: Enter on a related post opens it in place and focuses its title', async () => {
  const { page, context } = await watchedPage(build.browser, { viewport: { width: 1200, height: 900 } });
  await page.goto(`${build.server.url}/demo/publisher.html`);
  const second = page.locator('#second');
  await second.scrollIntoViewIfNeeded();
  await second.locator('[part="related-title"]').first().waitFor();
  await second.locator('[part="related-title"]', { hasText: 'ferry' }).focus();
  await page.keyboard.press('Enter');
  await second.locator('[part="title"]', { hasText: 'ferry' }).waitFor();
  const now = await focused(page);
  assert.equal(now.part, 'title');
  assert.match(now.text, /ferry timetable/);
  await context.close();
});

test('keyboard: the retry button is reachable and works with Enter', async () => {
  const { page, context } = await watchedPage(build.browser);
  let calls = 0;
  await page.route('**/demo/ms-ice.json', (route) => {
    calls += 1;
    return calls === 1 ? route.fulfill({ status: 500, body: 'x' }) : route.continue();
  });
  await page.goto(`${build.server.url}/`);
  await page.locator('article-reader [part="retry"]').waitFor();
  for (let i = 0; i < 10; i += 1) {
    await page.keyboard.press('Tab');
    if ((await focused(page))?.part === 'retry') break;
  }
  const now = await focused(page);
  assert.equal(now.part, 'retry');
  assert.ok(now.outline, 'visible focus ring on retry');
  await page.keyboard.press('Enter');
  await page.locator('article-reader [part="title"]').waitFor();
  assert.equal(calls, 2);
  await context.close();
});

for (const width of [320, 640]) {
  test(`no horizontal scrolling at ${width} CSS px (320 px phones, 200% zoom)`, async () => {
    const { page, context } = await watchedPage(build.browser, { viewport: { width, height: 800 } });
    await page.goto(`${build.server.url}/`);
    await page.locator('article-reader [part="related-item"]').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    await context.close();
  });
}

test('prefers-reduced-motion turns the loading animation off', async () => {
  const animations = async (reducedMotion) => {
    const { page, context } = await watchedPage(build.browser, { reducedMotion });
    await page.route('**/demo/ms-ice.json', () => new Promise(() => {}));
    await page.goto(`${build.server.url}/`);
    const skeleton = page.locator('article-reader .skeleton').first();
    await skeleton.waitFor({ state: 'attached' });
    const names = await skeleton.evaluate((el) => getComputedStyle(el).animationName);
    await context.close();
    return names;
  };
  assert.match(await animations('no-preference'), /article-reader-pulse/);
  assert.doesNotMatch(await animations('reduce'), /pulse/);
});
