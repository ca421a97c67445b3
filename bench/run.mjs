// Performance figures for the README, in headless Chromium on loopback. Run by hand:
//   scripts/bench            (builds the release first)
// Prints one table: medians of repeated loads, and the JS heap growth over 200 navigations.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readingTime from 'reading-time';
import { launch } from '../e2e/support.mjs';
import { serve } from '../e2e/support.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const DIST = process.env.DIST_DIR ?? 'dist';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `css` with the widget's `:host` rules applied to a `.host` element instead. */
const hostCss = (css) => css.replaceAll(':host(:not([theme="light"]))', '.host-dark').replaceAll(':host', '.host');

/**
 * The page at `url` as the widget leaves it, flattened to plain HTML and CSS without scripts:
 * the same page around it, the widget's own markup (article, share bar, author card, related
 * posts) and its stylesheet. What the widget's demo is measured against.
 */
async function staticTwin(browser, url, css) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('article-reader [part="related-item"]').first().waitFor();
  const body = await page.evaluate(() => {
    const host = document.querySelector('article-reader');
    const twin = document.createElement('div');
    twin.className = 'host';
    twin.innerHTML = host.shadowRoot.innerHTML;
    host.replaceWith(twin);
    for (const script of document.querySelectorAll('script')) script.remove();
    return document.body.innerHTML;
  });
  await context.close();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static</title>
<link rel="stylesheet" href="/demo.css"><style>${hostCss(css)}</style></head><body>${body}</body></html>`;
}

/** An article's title and body with the widget's CSS as a plain page (for the long article). */
async function staticPage(article, css) {
  const body = article.body.map((b) => {
    if (b.type === 'heading') return `<h2>${escape(b.text)}</h2>`;
    if (b.type === 'quote') return `<blockquote>${b.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</blockquote>`;
    return `<p>${escape(b.text)}</p>`;
  }).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static</title>
<link rel="stylesheet" href="/demo.css"><style>${hostCss(css)}</style></head><body><main class="site-main">
<div class="host"><div class="article-reader"><article part="article" class="article">
<header class="article__header"><p class="article__category">${escape(article.category ?? '')}</p>
<h1 part="title" class="article__title">${escape(article.title)}</h1></header>
<div class="body">${body}</div></article></div></div></main></body></html>`;
}

/** A generated article of `words` words as a JSON Feed item whose body is HTML, so the
    widget's figure includes parsing and sanitizing it. */
function bigArticle(words) {
  const paragraphs = [];
  for (let i = 0; i < words / 100; i += 1) {
    const text = Array.from({ length: 100 }, (_, j) => `word${(i + j) % 97}`).join(' ');
    paragraphs.push(i % 10 === 0 ? `<p>${text.replace('word', '<em>word</em>')}</p>` : `<p>${text}</p>`);
  }
  return {
    version: 'https://jsonfeed.org/version/1.1',
    items: [{ id: 'big', title: 'Fifty thousand words', content_html: paragraphs.join('\n') }],
  };
}

/** Milliseconds from navigation start to the first frame painted with the title, measured
    inside the page: the moment of that frame's animation callbacks, after which it paints (work
    the page does after the paint does not count); or, with ?paragraphs=N, to the frame after
    the one that first has the title and N body paragraphs. */
const PAINT_PROBE = `
window.__painted = new Promise((done) => {
  const find = (selector) => {
    const direct = document.querySelector(selector);
    if (direct) return direct;
    for (const el of document.querySelectorAll('article-reader')) {
      const inner = el.shadowRoot?.querySelector(selector);
      if (inner) return inner;
    }
    return null;
  };
  const want = Number(new URL(location.href).searchParams.get('paragraphs') ?? 0);
  const tick = () => {
    const title = find('[part="title"]');
    const body = find('.body');
    if (title && want) {
      if (body && body.querySelectorAll('p').length >= want) requestAnimationFrame(() => done(performance.now()));
      else requestAnimationFrame(tick);
    } else if (title) {
      done(performance.now());
    } else {
      requestAnimationFrame(tick);
    }
  };
  tick();
});`;

/** The median time to paint of each page of `urls`, loaded in turn (one of each per round, so
    the machine's drift weighs on all of them alike), over RUNS rounds or the number last given. */
async function timeLoads(browser, ...urls) {
  const runs = typeof urls.at(-1) === 'number' ? urls.pop() : RUNS;
  const times = urls.map(() => []);
  for (let i = 0; i < runs; i += 1) {
    for (const [index, url] of urls.entries()) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(PAINT_PROBE);
      await page.goto(url);
      times[index].push(await page.evaluate(() => window.__painted));
      await context.close();
    }
  }
  return times.map(median);
}

const css = await readFile('styles/widget.css', 'utf8');
const demoArticle = JSON.parse(await readFile('demo/ms-ice.json', 'utf8')).article;
const big = bigArticle(50_000);
const pages = {
  '/static-big.html': (await staticPage({ title: big.items[0].title, body: [] }, css))
    .replace('<div class="body"></div>', `<div class="body">${big.items[0].content_html}</div>`),
  '/big.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>big</title>
<script type="module" src="/article-reader.js"></script></head><body>
<article-reader src="/big.json"></article-reader></body></html>`,
  '/big.json': JSON.stringify(big),
  // The same article opened in place in a running widget, where only the document's own
  // work remains: parse, sanitize, render (back and forward re-open it from the cache).
  '/big-nav.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>big, in place</title>
<script type="module" src="/article-reader.js"></script></head><body>
<article-reader id="reader" src="/demo/ms-ice.json" related-src="/big-related.json" history="push"></article-reader></body></html>`,
  '/big-related.json': JSON.stringify({
    format: 'article-reader', version: 1, related: [{ title: 'Fifty thousand words', src: '/big.json' }],
  }),
};

// The release build and the benchmark's own pages, from one loopback server: the widget and
// the static pages it is compared with are served the same way.
const dist = await serve(DIST, pages);
const origin = dist.url;
const browser = await launch();
pages['/static.html'] = await staticTwin(browser, `${origin}/`, css);
pages['/static-prerendered.html'] = await staticTwin(browser, `${origin}/demo/prerendered.html`, css);

const [demo, staticDemo] = await timeLoads(browser, `${origin}/`, `${origin}/static.html`);
// Apart from the client-rendered pages (whose engine work outlasts their page), twice the runs:
// the difference sought is a few milliseconds.
const [prerendered, staticPrerendered] = await timeLoads(
  browser,
  `${origin}/demo/prerendered.html`,
  `${origin}/static-prerendered.html`,
  2 * RUNS,
);
const [bigWidget, bigStatic] = await timeLoads(
  browser,
  `${origin}/big.html?paragraphs=500`,
  `${origin}/static-big.html?paragraphs=500`,
);

// The light DOM copy (for reader modes and parsers, made on the element's load event) of the
// 50,000-word article: the time between a listener on the window before the element's own
// (capture) and one after it (bubbling), on the load.
const bigCopy = [];
for (let i = 0; i < RUNS; i += 1) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__copied = new Promise((done) => {
      let start;
      addEventListener('article-reader:load', () => { start = performance.now(); }, { capture: true });
      addEventListener('article-reader:load', () => done(performance.now() - start));
    });
  });
  await page.goto(`${origin}/big.html`);
  bigCopy.push(await page.evaluate(() => window.__copied));
  const copied = await page.evaluate(() => document.querySelectorAll('article-reader > [data-article-reader-copy] p').length);
  if (copied < 500) throw new Error(`the light DOM copy has ${copied} paragraphs`);
  await context.close();
}

// The 50,000-word article re-opened in place (history forward) from the fetch cache: parse,
// sanitize and render, until a frame is painted with all its paragraphs.
const bigInPlace = [];
{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/big-nav.html`);
  const reader = page.locator('#reader');
  await reader.locator('[part="related-title"]').click();
  const paragraphs = reader.locator('[part="body"] p');
  await page.waitForFunction(() => document.getElementById('reader').shadowRoot
    .querySelectorAll('[part="body"] p').length >= 500);
  for (let i = 0; i < RUNS; i += 1) {
    await page.goBack();
    await reader.locator('[part="title"]', { hasText: 'Microsoft' }).waitFor();
    bigInPlace.push(await page.evaluate(async () => {
      const root = document.getElementById('reader').shadowRoot;
      const start = performance.now();
      history.forward();
      await new Promise((done) => {
        const tick = () => (root.querySelectorAll('[part="body"] p').length >= 500
          ? requestAnimationFrame(() => done())
          : requestAnimationFrame(tick));
        tick();
      });
      return performance.now() - start;
    }));
    await paragraphs.nth(499).waitFor({ state: 'attached' });
  }
  await context.close();
}

// In-place navigation to an article the related list carried (no request), and heap growth.
const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
const page = await context.newPage();
await page.goto(`${origin}/demo/publisher.html`);
const second = page.locator('#second');
await second.scrollIntoViewIfNeeded();
await second.locator('[part="related-title"]').first().waitFor();
const navigate = (title) => page.evaluate(async (wanted) => {
  const root = document.getElementById('second').shadowRoot;
  const link = [...root.querySelectorAll('[part="related-title"]')].find((a) => a.textContent.includes(wanted));
  const start = performance.now();
  link.click();
  await new Promise((done) => {
    const tick = () => (root.querySelector('[part="title"]')?.textContent.includes(wanted)
      ? requestAnimationFrame(() => done())
      : requestAnimationFrame(tick));
    tick();
  });
  return performance.now() - start;
}, title);
const navTimes = [];
for (let i = 0; i < RUNS; i += 1) {
  navTimes.push(await navigate('ferry'));
  navTimes.push(await navigate('Library'));
}
const cdp = await context.newCDPSession(page);
const heap = async () => {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
};
await cdp.send('Performance.enable');
const heapBefore = await heap();
for (let i = 0; i < 100; i += 1) {
  await navigate('ferry');
  await navigate('Library');
}
const heapAfter = await heap();

// Prerendering a static site: `render --each` over a feed of 500 posts (the demo article's
// body each), every post with six of the others as its related posts.
const feed = {
  version: 'https://jsonfeed.org/version/1.1',
  items: Array.from({ length: 500 }, (_, i) => ({
    id: `post-${i}`,
    url: `https://blog.example/posts/${i}/`,
    title: `${demoArticle.title} (${i})`,
    date_published: '2018-06-19T10:00:00Z',
    authors: [{ name: 'Richard Gall' }],
    content_html: demoArticle.body.map((b) => (b.type === 'quote'
      ? `<blockquote>${b.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</blockquote>`
      : `<p>${escape(b.text)}</p>`)).join('\n'),
  })),
};
const siteDir = await mkdtemp(join(tmpdir(), 'each-'));
await writeFile(join(siteDir, 'feed.json'), JSON.stringify(feed));
const eachRuns = [];
for (let i = 0; i < 3; i += 1) {
  const start = performance.now();
  execFileSync(process.env.ARTICLE_READER_BIN ?? 'target/release/article-reader', ['render', '--each',
    join(siteDir, 'feed.json'), '--out', join(siteDir, 'out'), '--related-limit', '6', '--now', '2026-12-01T00:00:00Z'],
  { stdio: 'ignore' });
  eachRuns.push(performance.now() - start);
}
const eachPerSecond = feed.items.length / (median(eachRuns) / 1000);

// Word counting of 1 MB texts: natively (Rust), in wasm (the widget's own export), and with
// npm's reading-time in Node, in the same run.
const fill = (unit) => unit.repeat(Math.ceil(1_000_000 / Buffer.byteLength(unit)));
const seedBody = demoArticle.body.map((b) => b.text ?? b.paragraphs.join(' ')).join('\n');
const texts = {
  english: fill(`${seedBody}\n`),
  cjk: fill('你会说English吗？这是一个测试句子，包含中文和English words。日本語の文章もあります。한국어 문장도 있습니다. '),
};
const dir = await mkdtemp(join(tmpdir(), 'words-'));
const native = {};
for (const [name, text] of Object.entries(texts)) {
  await writeFile(join(dir, `${name}.txt`), text);
}
const nativeOut = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'count_words', '--',
  join(dir, 'english.txt'), join(dir, 'cjk.txt')], { encoding: 'utf8' });
for (const line of nativeOut.trim().split('\n')) {
  const row = JSON.parse(line);
  native[row.file.endsWith('english.txt') ? 'english' : 'cjk'] = row;
}
const wasm = {};
for (const [name, text] of Object.entries(texts)) {
  wasm[name] = await page.evaluate(async (t) => {
    const glue = await import('/article_reader.js');
    const runs = [];
    let counts;
    for (let i = 0; i < 5; i += 1) {
      const start = performance.now();
      counts = glue.countWords(t);
      runs.push(performance.now() - start);
    }
    runs.sort((a, b) => a - b);
    return { ms: runs[2], words: counts[0], cjk: counts[1] };
  }, text);
}
const npm = {};
for (const [name, text] of Object.entries(texts)) {
  const runs = [];
  let stats;
  for (let i = 0; i < 5; i += 1) {
    const start = performance.now();
    stats = readingTime(text);
    runs.push(performance.now() - start);
  }
  npm[name] = { ms: median(runs), words: stats.words };
}
await browser.close();
await dist.close();

const ms = (v) => `${v.toFixed(1)} ms`;
const rows = [
  ['title painted, demo (widget)', ms(demo), ''],
  ['title painted, same article as static HTML', ms(staticDemo), ''],
  ['ratio widget / static', `${(demo / staticDemo).toFixed(2)}×`, '≤ 2×'],
  ['title painted, demo prerendered (`article-reader render`)', ms(prerendered), ''],
  ['title painted, same prerendered page as static HTML', ms(staticPrerendered), ''],
  ['ratio prerendered / static', `${(prerendered / staticPrerendered).toFixed(2)}×`, '≤ 1.05×'],
  ['`render --each`, 500 posts each the demo article (6 related each), native', `${Math.round(eachPerSecond)} posts/s`, ''],
  ['50,000-word HTML article parsed, sanitized, painted (widget)', ms(bigWidget), ''],
  ['50,000-word article painted (static HTML)', ms(bigStatic), ''],
  ['ratio widget / static, 50,000 words', `${(bigWidget / bigStatic).toFixed(2)}×`, '≤ 2×'],
  ['50,000-word article re-opened in place: parse, sanitize, render, painted', ms(median(bigInPlace)), '≤ 150 ms'],
  ['50,000-word article copied to the light DOM (on its load event)', ms(median(bigCopy)), ''],
  ['in-place navigation to a carried article', ms(median(navTimes)), ''],
  ['JS heap after 200 navigations − before', `${((heapAfter - heapBefore) / 1e6).toFixed(2)} MB`, '≤ 5 MB'],
];
for (const name of ['english', 'cjk']) {
  const label = name === 'english' ? '1 MB English' : '1 MB mixed CJK';
  rows.push([`word count, ${label}, native (${native[name].words} words, ${native[name].cjk} CJK chars)`, ms(native[name].ms), '']);
  rows.push([`word count, ${label}, wasm in Chromium`, ms(wasm[name].ms), '']);
  rows.push([`word count, ${label}, npm reading-time in Node (${npm[name].words} words)`, ms(npm[name].ms), '']);
  rows.push([`ratio wasm / reading-time, ${label}`, `${(wasm[name].ms / npm[name].ms).toFixed(2)}×`, '']);
}
console.log(`| measure (median of ${RUNS} loads; word counts median of 5) | value | budget |\n|---|---|---|`);
for (const [what, value, budget] of rows) console.log(`| ${what} | ${value} | ${budget} |`);
