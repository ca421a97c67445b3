// article-reader loader: registers <article-reader>, reserves each element's space at once,
// and starts the WebAssembly (once per page) only when the first element comes near the
// viewport. Self-host this file beside article_reader.js and article_reader_bg.wasm: it finds
// them relative to its own URL. Each of those files is named by a literal relative URL
// (`import('./…')`, `new URL('./…', import.meta.url)`), so that a bundler (Vite, webpack,
// Parcel) copies it with the bundle and rewrites the URL.

/** Where the UI words of `lang` are (`labels/<lang>.json` beside this file, or the bundler's copy). */
const labelUrl = (lang) => new URL(`./labels/${lang}.json`, import.meta.url).href;
/** How far outside the viewport an element starts loading. */
const NEAR_PX = 400;
const NEAR = `${NEAR_PX}px`;
/** Every attribute the element reads: the same list as `ATTRIBUTES` in src/embed/config.rs
    (a test compares them). The engine reads a config object keyed by these names. */
const ATTRIBUTES = [
  'src',
  'related-src',
  'format',
  'lang',
  'wpm',
  'theme',
  'history',
  'timeout',
  'related-limit',
  'share',
  'share-url',
  'share-via',
  'share-hashtags',
  'share-utm',
  'share-mastodon',
];

/** Languages with UI words of their own besides English (`labels/<lang>.json` beside this
    file): the same list as `TABLES` in src/i18n/tables.rs (a test compares them). */
const LABEL_TABLES = ['de', 'fr', 'es', 'ja', 'ar', 'he'];

let engine;
let engineReady = false;

/** Loads and instantiates the wasm once, however many elements there are. */
function loadEngine() {
  engine ??= import('./article_reader.js').then(async (glue) => {
    await glue.default({ module_or_path: new URL('./article_reader_bg.wasm', import.meta.url) });
    engineReady = true;
    return glue;
  });
  return engine;
}

/** Documents kept for reuse (back and forward, a prefetched post opened), most recent last. */
const kept = new Map();
const KEPT_DOCUMENTS = 32;
/** Requests in flight, by URL: shared by everyone who asks for the same document meanwhile. */
const inFlight = new Map();

function keep(url, text) {
  kept.delete(url);
  kept.set(url, text);
  if (kept.size > KEPT_DOCUMENTS) kept.delete(kept.keys().next().value);
}

/**
 * The document at `url` (absolute) as `{status, text}`: the page's one place that fetches
 * documents, for the loader's early requests and for the engine. A kept answer serves unless
 * `refresh` ("try again"); a request in flight is shared (hover, focus and click on a post;
 * `src` equal to `related-src`; two elements with one `src`). This asker gives up at its own
 * timeout (rejecting with 'timeout') or when `signal` aborts; the request is aborted when no
 * one waits for it any more.
 */
function ask(url, refresh, timeoutMs, signal) {
  if (!refresh && kept.has(url)) {
    const text = kept.get(url);
    keep(url, text);
    return Promise.resolve({ status: 200, text });
  }
  let entry = inFlight.get(url);
  if (!entry) {
    const controller = new AbortController();
    entry = { controller, waiting: 0 };
    const current = entry;
    entry.answer = fetch(url, { headers: { Accept: 'application/json' }, signal: controller.signal })
      .then(async (response) => ({ status: response.status, text: response.ok ? await response.text() : '' }))
      .then((answer) => {
        if (answer.status >= 200 && answer.status < 300) keep(url, answer.text);
        return answer;
      })
      .finally(() => {
        if (inFlight.get(url) === current) inFlight.delete(url);
      });
    entry.answer.catch(() => {});
    inFlight.set(url, entry);
  }
  const shared = entry;
  shared.waiting += 1;
  return new Promise((resolve, reject) => {
    let timer;
    const release = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      shared.waiting -= 1;
      if (shared.waiting === 0 && inFlight.get(url) === shared) {
        inFlight.delete(url);
        shared.controller.abort();
      }
    };
    const onAbort = () => {
      release();
      reject('aborted');
    };
    timer = setTimeout(() => {
      release();
      reject('timeout');
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort);
    shared.answer.then(
      (answer) => { release(); resolve(answer); },
      (error) => { release(); reject(error); },
    );
  });
}

/** How long the loader's early requests wait: the element's `timeout`, like the engine's. */
function timeoutOf(element) {
  const seconds = Number(element.getAttribute('timeout'));
  return seconds > 0 && seconds <= 600 ? seconds * 1000 : 10_000;
}

/** The loader's early answers, by URL: each is the answer to the engine's first request. */
const early = new Map();

/**
 * Starts fetching the element's documents (`src`, `related-src`) at once, so they arrive while
 * the engine loads rather than after it. Returns what stops them if the element leaves first.
 */
function prefetch(element) {
  const controller = new AbortController();
  const urls = [...documentUrls(element), ...labelUrls(element)];
  for (const url of urls) {
    const answer = ask(url, false, timeoutOf(element), controller.signal);
    answer.catch(() => {});
    early.set(url, answer);
  }
  controller.signal.addEventListener('abort', () => {
    for (const url of urls) early.delete(url);
  });
  return controller;
}

/** The engine's requests: the loader's early answer first (whatever it says), then `ask`.
    The engine asks for UI words as `labels/<lang>.json` (its assets' base is ''); they are
    wherever `labelUrl` says. */
function askEngine(url, refresh, timeoutMs, signal) {
  const label = /^labels\/(\w+)\.json$/.exec(url);
  if (label) url = labelUrl(label[1]);
  const answer = early.get(url);
  if (answer && !refresh) {
    early.delete(url);
    return answer;
  }
  return ask(url, refresh, timeoutMs, signal);
}

/** The UI words the element will need, if its language is known now (its `lang`, or the
    page's) and has a table; the article may still name another, fetched by the engine. */
function labelUrls(element) {
  const lang = element.getAttribute('lang') || document.documentElement.lang || '';
  const primary = lang.trim().split('-')[0].toLowerCase();
  return LABEL_TABLES.includes(primary) ? [labelUrl(primary)] : [];
}

/** `value` as a URL against the page, as the engine resolves it; `null` if it is none. */
function absolute(value) {
  try {
    return value ? new URL(value, document.baseURI) : null;
  } catch {
    return null;
  }
}

/** The absolute URLs of the element's documents, each once, resolved as the engine does. */
function documentUrls(element) {
  const urls = new Set();
  for (const attribute of ['src', 'related-src']) {
    const url = absolute(element.getAttribute(attribute)?.trim());
    if (url) urls.add(url.href);
  }
  return [...urls];
}

/** The element's attributes as the config object the engine reads. */
function configFrom(element) {
  const config = {};
  for (const attribute of ATTRIBUTES) config[attribute] = element.getAttribute(attribute);
  return config;
}

/** A config written in code (`relatedSrc`, `shareUrl`…) as the engine reads it (`related-src`). */
function configFromCode(config) {
  const out = {};
  for (const [key, value] of Object.entries(config ?? {})) {
    out[key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)] = value == null ? null : String(value);
  }
  return out;
}

/** Space kept for the article while it loads, so the page around it does not jump. */
let placeholderSheet;
function reserveSpace(root) {
  if (!placeholderSheet) {
    placeholderSheet = new CSSStyleSheet();
    placeholderSheet.replaceSync(':host{display:block;min-height:100vh}');
  }
  if (root.adoptedStyleSheets.length === 0) root.adoptedStyleSheets = [placeholderSheet];
}

/** Without WebAssembly (old browser, a CSP without 'wasm-unsafe-eval') readers still get a link. */
function showFallback(element, error, keepContent = false) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const src = element.getAttribute('src')?.trim() || null;
  const url = absolute(src)?.href ?? src;
  element.dispatchEvent(new CustomEvent('article-reader:error', {
    bubbles: true,
    composed: true,
    detail: { src: url, url, kind: 'engine', status: null, message: String(error) },
  }));
  // A prerendered article is the page without the engine: it stays.
  if (keepContent) return;
  const status = document.createElement('p');
  status.setAttribute('part', 'status');
  status.textContent = 'This article could not be displayed here. ';
  // Only an http(s) address becomes a link, as with every URL the widget writes.
  if (src && /^https?:$/.test(absolute(src)?.protocol ?? '')) {
    const link = document.createElement('a');
    link.href = src;
    link.textContent = 'Open the article';
    status.append(link);
  }
  root.adoptedStyleSheets = [];
  root.replaceChildren(status);
}

/** Where `node` is under `root`: the index of each element on the way down. */
function pathTo(node, root) {
  const path = [];
  for (; node && node !== root; node = node.parentElement) {
    if (!node.parentElement) return null;
    path.unshift([...node.parentElement.children].indexOf(node));
  }
  return node ? path : null;
}

/**
 * Calls `then` once the reader rendering into `markup` (off the page) shows an article with
 * everything asked with it: it drops `aria-busy` when nothing is on its way. A failed load
 * never calls it (the prerendered article beats an error message).
 */
function whenWhole(markup, then) {
  const whole = () => markup.querySelector(':scope > .reader:not([aria-busy]) > [part=article]');
  const watch = new MutationObserver(() => {
    if (!whole()) return;
    watch.disconnect();
    then();
  });
  watch.observe(markup, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
}

/**
 * Puts the widget's own `markup` in place of the article the page prerendered, in one step
 * before the next paint (the two are the same markup, so nothing moves), keeping focus where
 * the reader had it.
 */
function takeOver(root, markup) {
  const prerendered = root.querySelector('.article-reader');
  const path = pathTo(root.activeElement, prerendered);
  root.replaceChildren(markup);
  let target = markup;
  for (const index of path ?? []) target = target?.children[index];
  if (path?.length) target?.focus({ preventScroll: true });
}

/** Marks the article's copy in the light DOM (the prerenderer writes it the same way). */
const COPY = 'data-article-reader-copy';
const lightCopy = (element) => element.querySelector(`:scope > [${COPY}]`);

/**
 * Copies the article shown in `from` into the element's light DOM, in place of the last copy,
 * as the prerenderer writes it (without the reader's controls and `part` names).
 * Assigned to no slot, the copy is neither rendered nor in the accessibility tree; reader
 * modes, read-later services and scrapers, which never enter a shadow root, read it instead.
 */
function copyArticle(element, from) {
  const article = from?.querySelector('article');
  if (!article) return;
  const copy = article.cloneNode(true);
  // Not the reader's controls (reading progress, share bar); not the `part` names, which name
  // the rendered article's pieces for the page's styles.
  for (const control of copy.querySelectorAll('[part=progress],[part=share]')) control.remove();
  for (const named of [copy, ...copy.querySelectorAll('[part]')]) named.removeAttribute('part');
  copy.setAttribute(COPY, '');
  const last = lightCopy(element);
  if (last) last.replaceWith(copy);
  else element.append(copy);
}

/** Every element on the page, for when the engine itself fails. */
const elements = new Set();
let engineBroken = null;

/**
 * A trap in the WebAssembly (a bug: a panic aborts) leaves the engine unusable for every
 * element. Rather than blank boxes, each element then shows its fallback link.
 */
function onEngineFailure(error) {
  if (!(error instanceof WebAssembly.RuntimeError) || engineBroken) return;
  engineBroken = error;
  for (const element of elements) element.fail(error);
}
window.addEventListener('error', (event) => onEngineFailure(event.error));
window.addEventListener('unhandledrejection', (event) => onEngineFailure(event.reason));

/** Whether an element is already within NEAR of the viewport (no need to wait a frame). */
function isNearViewport(element) {
  const box = element.getBoundingClientRect();
  return box.top < window.innerHeight + NEAR_PX && box.bottom > -NEAR_PX;
}

/** Starts elements when they come within NEAR of the viewport. */
const nearViewport = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (entry.isIntersecting) {
      nearViewport.unobserve(entry.target);
      entry.target.start();
    }
  }
}, { rootMargin: NEAR });

class ArticleReaderElement extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #handle = null;
  #started = false;
  #rendering = null;
  #prefetched = null;
  /** Whether the page carried this element's markup (a declarative shadow root), until the
      widget takes its place. */
  #prerendered = null;
  /** Where the widget renders meanwhile, off the page. */
  #apart = null;

  constructor() {
    super();
    // Each article shown (the first, and each opened in place) is copied for other readers.
    this.addEventListener('article-reader:load', () => copyArticle(this, this.#apart ?? this.shadowRoot));
  }

  connectedCallback() {
    elements.add(this);
    this.#prerendered ??= (this.shadowRoot?.childElementCount ?? 0) > 0;
    if (engineBroken) {
      showFallback(this, engineBroken, this.#prerendered);
      return;
    }
    if (!this.#prerendered) {
      reserveSpace(this.shadowRoot ?? this.attachShadow({ mode: 'open' }));
      this.#begin();
    } else if (this.getAttribute('src')?.trim()) {
      // The article is on screen already: the engine waits until the page has painted it.
      // (Without a document to follow, the prerendered article is all there is.)
      requestAnimationFrame(() => setTimeout(() => this.isConnected && this.#begin()));
    }
  }

  #begin() {
    if (this.#started) this.#render();
    else if (isNearViewport(this)) this.start();
    else nearViewport.observe(this);
  }

  attributeChangedCallback() {
    if (this.isConnected && this.#started) this.#render();
  }

  disconnectedCallback() {
    elements.delete(this);
    nearViewport.unobserve(this);
    this.#prefetched?.abort();
    this.#prefetched = null;
    this.#handle?.destroy();
    this.#handle = null;
    this.#rendering = null;
    this.#apart = null;
    // A prerendered article stays with its element, wherever the page moves it.
    if (!this.#prerendered) this.shadowRoot?.replaceChildren();
  }

  /** The engine failed: drop the instance and show the fallback link (or keep what the page
      prerendered). */
  fail(error) {
    this.#handle = null;
    this.#rendering = null;
    showFallback(this, error, this.#prerendered);
  }

  /** Called when the element is near the viewport. */
  start() {
    this.#started = true;
    if (!engineReady) this.#prefetched = prefetch(this);
    this.#render();
  }

  async #render() {
    const rendering = (this.#rendering = loadEngine());
    let glue;
    try {
      glue = await rendering;
    } catch (error) {
      showFallback(this, error, this.#prerendered);
      return;
    }
    // Only the latest call renders, and only while the element is on the page.
    if (rendering !== this.#rendering || !this.isConnected) return;
    try {
      if (this.#handle) {
        this.#handle.update(configFrom(this));
      } else if (this.#prerendered) {
        const apart = (this.#apart = document.createElement('div'));
        apart.className = 'article-reader';
        this.#handle = glue.mount(this, configFrom(this), askEngine, '', apart);
        whenWhole(apart, () => {
          if (apart !== this.#apart) return;
          this.#prerendered = false;
          this.#apart = null;
          takeOver(this.shadowRoot, apart);
        });
      } else {
        this.#handle = glue.mount(this, configFrom(this), askEngine, '');
      }
    } catch (error) {
      showFallback(this, error, this.#prerendered);
    }
  }
}

/** Mounts a reader into any element, for pages that build the config in code. */
export async function mount(element, config) {
  const glue = await loadEngine();
  const copy = () => copyArticle(element, element.shadowRoot);
  element.addEventListener('article-reader:load', copy);
  const handle = glue.mount(element, configFromCode(config), askEngine, '');
  return {
    update: (next) => handle.update(configFromCode(next)),
    destroy: () => {
      element.removeEventListener('article-reader:load', copy);
      handle.destroy();
      lightCopy(element)?.remove();
    },
  };
}

/** Words and CJK characters of `text`, counted as the reading time counts them. */
export async function countWords(text) {
  const [words, cjkCharacters] = (await loadEngine()).countWords(text);
  return { words, cjkCharacters };
}

// Each attribute is a property too (`relatedSrc` for `related-src`), as on built-in elements;
// `lang` is HTMLElement's own.
for (const name of ATTRIBUTES) {
  if (name === 'lang') continue;
  Object.defineProperty(ArticleReaderElement.prototype, name.replace(/-(\w)/g, (_, c) => c.toUpperCase()), {
    get() { return this.getAttribute(name); },
    set(value) { if (value == null) this.removeAttribute(name); else this.setAttribute(name, value); },
  });
}

export { ArticleReaderElement };

if (!customElements.get('article-reader')) {
  customElements.define('article-reader', ArticleReaderElement);
}
