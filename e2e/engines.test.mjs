// What a reader meets, in each of the three engines (Chromium, Firefox, WebKit; see
// engines.mjs): the seed demo, a prerendered page before and after the engine, related posts
// opened with a real click and left with back and forward, a failure and its retry, share
// links, a right-to-left and a German page, the strict-CSP publisher page, Readability (as
// Reader View runs it) and axe. Faults, held responses and CSP reports come from the test
// server, so every engine runs every test.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ENGINES, start } from './engines.mjs';
import { paragraphsOf, serve } from './support.mjs';

const DIST = process.env.DIST_DIR ?? 'dist';
const SEED_TITLE = 'Microsoft condemns ICE activity at U.S. border but still faces public and internal criticism';
const HARBOUR = 'Harbour lights return after ‘a long, dark winter’';
/** An image the publisher page's policy refuses (`img-src 'self'`), asked for by a test. */
const PROBE = 'https://refused.invalid/probe.png';
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const readabilitySource = await readFile(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');
/** The seed body's paragraphs (quotes' included) and subheading, whitespace squashed. */
const SEED_PARAGRAPHS = paragraphsOf(JSON.parse(await readFile(join(DIST, 'demo/ms-ice.json'), 'utf8')).article);

// In-page helpers (they run in the page, so each stands alone).
/** The text of the first `part` in `host`'s shadow root, or null. */
const partText = (host, part) => document.querySelector(host)?.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent.trim() ?? null;
/** Whether `host` shows the article titled `title`. */
const titled = (host, title) => document.querySelector(host)?.shadowRoot?.querySelector('[part="title"]')?.textContent.trim() === title;
/** Resources the page loaded from anywhere but its own origin. */
const foreignResources = () => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => !name.startsWith(location.origin));

/** The test server: the release build, in-memory pages, a wasm that can be held back, faults, CSP reports. */
function testServer() {
  const state = { holdWasm: null, wasmServed: 0, flaky: 0, reports: [], onReport: () => {} };
  /** Resolves once a CSP report containing `text` has come in. */
  state.reported = (text) => new Promise((resolve) => {
    state.onReport = () => state.reports.some((report) => report.includes(text)) && resolve();
    state.onReport();
  });
  const pages = {
    '/article_reader_bg.wasm': async (req, res) => {
      await state.holdWasm;
      state.wasmServed += 1;
      res.writeHead(200, { 'content-type': 'application/wasm' });
      res.end(await readFile(join(DIST, 'article_reader_bg.wasm')));
    },
    // Fails once (503), then answers.
    '/state/flaky.json': async (req, res) => {
      state.flaky += 1;
      if (state.flaky === 1) {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(await readFile(join(DIST, 'demo/ms-ice.json')));
    },
    // The publisher page, with its own policy also sent as report-only: whatever the page's
    // policy refuses is reported here.
    '/demo/publisher.html': async (req, res) => {
      const html = await readFile(join(DIST, 'demo/publisher.html'), 'utf8');
      const policy = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)[1];
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy-report-only': `${policy}; report-uri /csp-report`,
      });
      res.end(html);
    },
    '/csp-report': (req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        state.reports.push(body);
        res.writeHead(204).end();
        state.onReport();
      });
    },
    '/flaky.html': widgetPage('<article-reader src="/state/flaky.json"></article-reader>'),
    '/ar.html': widgetPage('<article-reader lang="ar" src="/demo/ms-ice.json" related-src="/demo/recent.json"></article-reader>', 'ar', 'rtl'),
    '/de.html': widgetPage('<article-reader lang="de" src="/demo/ms-ice.json" related-src="/demo/recent.json"></article-reader>', 'de'),
  };
  return { state, pages };
}

function widgetPage(body, lang = 'en', dir = 'ltr') {
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>Widget</title>
    <script type="module" src="/article-reader.js"></script></head><body>${body}</body></html>`;
}

for (const engine of ENGINES) {
  describe(engine, () => {
    let browser;
    let server;
    let state;

    before(async () => {
      const made = testServer();
      state = made.state;
      server = await serve(DIST, made.pages);
      browser = await start(engine);
      console.log(`# ${engine}: ${browser.version}`);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /**
     * A fresh page at `path`, checked for off-origin requests when `use` is done (but for
     * `probes`, which the test itself asks for).
     */
    async function visit(path, use, probes = []) {
      const page = await browser.newPage();
      try {
        await page.goto(`${server.url}${path}`);
        await use(page);
        const foreign = (await page.evaluate(foreignResources)).filter((name) => !probes.includes(name));
        assert.deepEqual(foreign, [], 'nothing loaded from elsewhere');
      } finally {
        await page.close();
      }
    }

    test(`${engine}: the seed demo shows the article, its byline, body, author and related posts`, () => visit('/', async (page) => {
      await page.waitFor((t) => document.querySelector('article-reader')?.shadowRoot?.querySelector('[part~="related-item"]') && t, [true], { what: 'the related list' });
      await page.waitFor(titled, ['article-reader', SEED_TITLE], { what: 'the title' });
      const shown = await page.evaluate(() => {
        const root = document.querySelector('article-reader').shadowRoot;
        const part = (name) => root.querySelector(`[part~="${name}"]`);
        const body = part('body');
        return {
          category: part('category').textContent.trim(),
          readingTime: part('reading-time').textContent.trim(),
          datetime: part('published').getAttribute('datetime'),
          published: part('published').textContent.trim(),
          paragraphs: body.querySelectorAll('p').length,
          quotes: body.querySelectorAll('blockquote').length,
          author: part('author-name').textContent.trim(),
          authorHeading: part('author-name').tagName === 'H2',
          related: root.querySelectorAll('[part~="related-item"]').length,
          relatedTimes: [...root.querySelectorAll('[part~="related-time"]')].map((t) => [Boolean(t.getAttribute('datetime')), t.textContent.trim()]),
        };
      });
      const { related, relatedTimes, ...article } = shown;
      assert.deepEqual(article, {
        category: 'Cloud & Networking',
        readingTime: '3 min read',
        datetime: '2018-06-19T10:00:00Z',
        published: 'June 19, 2018',
        paragraphs: 10,
        quotes: 2,
        author: 'Richard Gall',
        authorHeading: true,
      });
      assert.ok(related >= 3, `${related} related posts`);
      assert.equal(relatedTimes.length, related);
      for (const [dated, text] of relatedTimes) {
        assert.ok(dated, 'each related time has a datetime');
        assert.match(text, /\bago$/);
      }
    }));

    test(`${engine}: share links are real links carrying the article's address once`, () => visit('/', async (page) => {
      await page.waitFor(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('a[part~="share-link"]'), [], { what: 'share links' });
      const links = await page.evaluate(() => [...document.querySelector('article-reader').shadowRoot.querySelectorAll('a[part~="share-link"]')]
        .map((a) => ({ name: a.getAttribute('aria-label') ?? a.textContent.trim(), href: a.href, rel: a.rel })));
      const article = JSON.parse(await readFile(join(DIST, 'demo/ms-ice.json'), 'utf8')).article;
      assert.ok(links.length >= 4, `${links.length} links`);
      for (const link of links) {
        assert.match(link.name, /^Share on /);
        const carried = link.href.split(encodeURIComponent(article.url)).length - 1;
        assert.equal(carried, 1, `${link.name}: ${link.href}`);
        if (!link.href.startsWith('mailto:')) assert.match(link.rel, /noopener/);
      }
    }));

    test(`${engine}: a prerendered page shows the article before the engine, and the widget takes over in place`, async () => {
      let release;
      state.holdWasm = new Promise((resolve) => {
        release = resolve;
      });
      const servedBefore = state.wasmServed;
      try {
        await visit('/demo/prerendered.html', async (page) => {
          const prerendered = await page.waitFor(() => {
            const container = document.querySelector('article-reader')?.shadowRoot?.querySelector('.article-reader--prerendered');
            const title = container?.querySelector('[part="title"]')?.textContent.trim();
            return title && { title, measure: getComputedStyle(container).maxWidth };
          }, [], { what: 'the prerendered article' });
          assert.equal(state.wasmServed, servedBefore, 'shown with the engine held back');
          assert.equal(prerendered.title, SEED_TITLE);
          assert.notEqual(prerendered.measure, 'none', 'styled by the inline stylesheet');
          release();
          const taken = await page.waitFor(() => {
            const root = document.querySelector('article-reader').shadowRoot;
            const live = root.querySelector('.article-reader:not(.article-reader--prerendered) [part="title"]');
            return live && { title: live.textContent.trim(), containers: root.querySelectorAll('.article-reader').length };
          }, [], { what: 'the takeover' });
          assert.deepEqual(taken, { title: SEED_TITLE, containers: 1 });
        });
      } finally {
        release();
        state.holdWasm = null;
      }
    });

    test(`${engine}: a related post opens in place with a real click; back and forward return`, () => visit('/demo/publisher.html', async (page) => {
      // Far down the page: it starts as a reader scrolls to it.
      await page.evaluate(() => document.getElementById('second').scrollIntoView());
      await page.waitFor(titled, ['#second', HARBOUR], { what: 'the second widget' });
      const next = await page.evaluate(() => document.getElementById('second').shadowRoot.querySelector('[part~="related-title"]').textContent.trim());
      await page.click('#second', '[part~="related-title"]');
      await page.waitFor(titled, ['#second', next], { what: `"${next}"` });
      assert.match(await page.evaluate(() => location.search), /article-reader-second=/);
      await page.back();
      await page.waitFor(titled, ['#second', HARBOUR], { what: 'back' });
      assert.equal(await page.evaluate(() => location.search), '');
      await page.forward();
      await page.waitFor(titled, ['#second', next], { what: 'forward' });
    }));

    test(`${engine}: a failed load says why and its retry, clicked, loads the article`, () => {
      state.flaky = 0;
      return visit('/flaky.html', async (page) => {
      await page.waitFor(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('[part~="retry"]'), [], { what: 'the retry button' });
      assert.match(await page.evaluate(partText, 'article-reader', 'status'), /server had a problem/);
      await page.click('article-reader', '[part~="retry"]');
      await page.waitFor(titled, ['article-reader', SEED_TITLE], { what: 'the article after retry' });
      assert.equal(state.flaky, 2);
      });
    });

    test(`${engine}: a right-to-left page and a German page are laid out and worded for their language`, async () => {
      await visit('/ar.html', async (page) => {
        const shown = await page.waitFor(() => {
          const root = document.querySelector('article-reader')?.shadowRoot;
          const container = root?.querySelector('.article-reader');
          const time = root?.querySelector('[part~="reading-time"]')?.textContent.trim();
          return time && root.querySelector('[part~="related-time"]') && {
            dir: container.getAttribute('dir') ?? container.closest('[dir]')?.getAttribute('dir'),
            direction: getComputedStyle(root.querySelector('[part="title"]')).direction,
            time,
          };
        }, [], { what: 'the Arabic page' });
        assert.equal(shown.direction, 'rtl');
        assert.match(shown.time, /للقراءة/);
      });
      await visit('/de.html', async (page) => {
        const shown = await page.waitFor(() => {
          const root = document.querySelector('article-reader')?.shadowRoot;
          const related = root?.querySelector('[part~="related-time"]')?.textContent.trim();
          return related && {
            time: root.querySelector('[part~="reading-time"]').textContent.trim(),
            published: root.querySelector('[part~="published"]').textContent.trim(),
            related,
          };
        }, [], { what: 'the German page' });
        assert.equal(shown.time, '3 Min. Lesezeit');
        assert.equal(shown.published, '19. Juni 2018');
        assert.match(shown.related, /^vor \d+ (Jahren|Jahr|Monaten)/);
      });
    });

    // (A timeout: the probe's report is awaited, and a report that never comes must fail.)
    test(`${engine}: the strict-CSP publisher page renders both widgets and its policy refuses nothing`, { timeout: 60000 }, () => visit('/demo/publisher.html', async (page) => {
      state.reports = [];
      // The first widget starts where it is, at the top; the second once a reader scrolls to it.
      await page.waitFor(() => document.getElementById('first')?.shadowRoot?.querySelector('.article-reader:not(.article-reader--prerendered) [part="title"]'), [], { what: 'the first widget live' });
      await page.evaluate(() => document.getElementById('second').scrollIntoView());
      await page.waitFor(() => document.getElementById('second')?.shadowRoot?.querySelector('[part="title"]'), [], { what: 'the second widget' });
      const styled = await page.evaluate(() => ['first', 'second'].map((id) => getComputedStyle(document.getElementById(id).shadowRoot.querySelector('.article-reader')).maxWidth));
      assert.ok(styled.every((measure) => measure !== 'none'), `styled: ${styled}`);
      // A refusal of our own, last: once its report is in, any earlier one would be too.
      await page.evaluate((src) => {
        const probe = document.createElement('img');
        probe.src = src;
        document.body.append(probe);
      }, PROBE);
      await state.reported('refused.invalid');
      assert.deepEqual(state.reports.filter((report) => !report.includes('refused.invalid')), []);
    }, [PROBE]));

    // Firefox's Reader View is Readability run on a clone of the document; the article is in
    // the element's light DOM copy, since no such tool enters a shadow root.
    for (const path of ['/', '/demo/prerendered.html']) {
      test(`${engine}: Readability, run as Reader View runs it, finds every paragraph on ${path}`, () => visit(path, async (page) => {
        await page.waitFor(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('.article-reader:not(.article-reader--prerendered) [part~="related-item"]'), [], { what: 'the live widget' });
        const text = await page.evaluate((source) => {
          (0, eval)(source);
          return new window.Readability(document.cloneNode(true)).parse()?.textContent.replace(/\s+/g, ' ') ?? '';
        }, readabilitySource);
        assert.deepEqual(SEED_PARAGRAPHS.filter((p) => !text.includes(p)), [], 'paragraphs Readability missed');
      }));
    }

    test(`${engine}: axe finds no WCAG 2.1 A or AA violation on the demo`, () => visit('/', async (page) => {
      await page.waitFor(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('[part~="related-item"]'), [], { what: 'the demo' });
      const violations = await page.evaluate(async (source) => {
        (0, eval)(source);
        const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }, axeSource);
      assert.deepEqual(violations, []);
    }));
  });
}
