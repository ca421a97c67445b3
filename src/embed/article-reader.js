// article-reader loader: registers <article-reader> and starts the WebAssembly once per page,
// when the first element is connected. Self-host this file beside article_reader.js and
// article_reader_bg.wasm; it finds them relative to its own URL.

const here = new URL('.', import.meta.url);
let engine;

/** Loads and instantiates the wasm once, however many elements there are. */
function loadEngine() {
  engine ??= import(new URL('article_reader.js', here).href).then(async (glue) => {
    await glue.default({ module_or_path: new URL('article_reader_bg.wasm', here) });
    return glue;
  });
  return engine;
}

/** The element's attributes as the config object `mount` takes. */
function configFrom(element) {
  return {
    src: element.getAttribute('src'),
    relatedSrc: element.getAttribute('related-src'),
    format: element.getAttribute('format'),
    lang: element.getAttribute('lang'),
    wpm: element.getAttribute('wpm'),
    share: element.getAttribute('share'),
    shareUrl: element.getAttribute('share-url'),
    shareVia: element.getAttribute('share-via'),
    shareHashtags: element.getAttribute('share-hashtags'),
    shareUtm: element.getAttribute('share-utm'),
    shareMastodon: element.getAttribute('share-mastodon'),
  };
}

/** Without WebAssembly (old browser, a CSP without 'wasm-unsafe-eval') readers still get a link. */
function showFallback(element, error) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const status = document.createElement('p');
  status.setAttribute('part', 'status');
  status.textContent = 'This article could not be displayed here. ';
  const src = element.getAttribute('src');
  if (src) {
    const link = document.createElement('a');
    link.href = src;
    link.textContent = 'Open the article';
    status.append(link);
  }
  root.replaceChildren(status);
  element.dispatchEvent(new CustomEvent('article-reader:error', {
    bubbles: true,
    composed: true,
    detail: { src, kind: 'engine', status: null, message: String(error) },
  }));
}

class ArticleReaderElement extends HTMLElement {
  static observedAttributes = [
    'src', 'related-src', 'format', 'lang', 'wpm',
    'share', 'share-url', 'share-via', 'share-hashtags', 'share-utm', 'share-mastodon',
  ];
  #handle = null;
  #rendering = null;

  connectedCallback() {
    this.#render();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#render();
  }

  disconnectedCallback() {
    this.#handle?.destroy();
    this.#handle = null;
    this.shadowRoot?.replaceChildren();
  }

  async #render() {
    const rendering = (this.#rendering = loadEngine());
    let glue;
    try {
      glue = await rendering;
    } catch (error) {
      showFallback(this, error);
      return;
    }
    // Only the latest call renders, and only while the element is on the page.
    if (rendering !== this.#rendering || !this.isConnected) return;
    if (this.#handle) {
      this.#handle.update(configFrom(this));
    } else {
      this.#handle = glue.mount(this, configFrom(this));
    }
  }
}

/** Mounts a reader into any element, for pages that build the config in code. */
export async function mount(element, config) {
  const glue = await loadEngine();
  return glue.mount(element, config);
}

if (!customElements.get('article-reader')) {
  customElements.define('article-reader', ArticleReaderElement);
}
