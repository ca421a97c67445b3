// Writes custom-elements.json (the Custom Elements Manifest, schema 2.1.0) for editors,
// linters and documentation tools. The attributes come from the list the loader declares (the
// one src/embed/config.rs is tested against), the custom properties and their defaults from
// styles/widget.css; what each means is written here once. `node scripts/manifest.mjs` writes
// the file; `--check` fails when the committed one differs (the tests run that).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');

/** What each attribute holds: its type (TypeScript notation), default, meaning. */
const ATTRIBUTE_DOCS = {
  src: ['string', '', "URL of the article's JSON. Changing it loads the new article."],
  'related-src': ['string', '', 'URL of a JSON list of related posts.'],
  format: ["'auto' | 'native' | 'jsonfeed' | 'wordpress' | 'ghost'", "'auto'", "The document's format; auto detects it."],
  lang: ['string', '', "UI language (a BCP 47 tag): the article's, else the page's, else en."],
  wpm: ['number', '200', 'Reading speed in words per minute.'],
  theme: ["'auto' | 'light' | 'dark'", "'auto'", 'Colour scheme; auto follows prefers-color-scheme.'],
  history: ["'none' | 'push'", "'none'", 'push: opening a related post adds a history entry.'],
  timeout: ['number', '10', 'Seconds a document may take before the reader says so.'],
  'related-limit': ['number', '', 'Show at most this many related posts (default: all).'],
  share: ['string', "'x,facebook,linkedin,bluesky,whatsapp,email,copy,native'", 'Share controls, comma-separated, in order.'],
  'share-url': ['string', '', "The address shared (default: the article's URL, else the page's canonical URL)."],
  'share-via': ['string', '', 'X: the account credited.'],
  'share-hashtags': ['string', '', 'X: comma-separated hashtags.'],
  'share-utm': ['string', '', 'true, or a campaign name: adds UTM parameters to the shared URL.'],
  'share-mastodon': ['string', "'https://share.joinmastodon.org/'", "Your Mastodon server's share page (https)."],
};

const EVENTS = [
  ['article-reader:load', 'ArticleReaderLoadDetail', 'An article is shown.'],
  ['article-reader:navigate', 'ArticleReaderNavigateDetail', 'A reader opened a related post in place.'],
  ['article-reader:error', 'ArticleReaderErrorDetail', 'The article or the related list could not be loaded.'],
  ['article-reader:share', 'ArticleReaderShareDetail', 'A share control was used.'],
];

/** Every `part` the widget renders (a test compares them with a prerendered page's). */
export const PARTS = [
  'article', 'category', 'title', 'byline', 'reading-time', 'published', 'progress', 'body',
  'author-card', 'author-avatar', 'author-name', 'author-bio', 'share', 'share-link', 'related',
  'related-item', 'related-title', 'related-excerpt', 'related-time', 'status', 'retry',
];

/** The names in the loader's `const NAME = [ … ];`. */
export function loaderList(name) {
  const source = read('src/embed/article-reader.js');
  const body = source.match(new RegExp(`const ${name} = \\[([^\\]]*)\\]`))?.[1];
  if (body === undefined) throw new Error(`the loader declares no ${name}`);
  return [...body.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/** `--article-reader-*` properties with their light defaults, in the stylesheet's order. */
function cssProperties() {
  const found = new Map();
  for (const [, name, fallback] of read('styles/widget.css').matchAll(/var\((--article-reader-[\w-]+),\s*([^)]+)\)/g)) {
    if (!found.has(name)) found.set(name, fallback.trim());
  }
  return [...found].map(([name, fallback]) => ({ name, default: fallback }));
}

const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());

export function manifest() {
  const attributes = loaderList('ATTRIBUTES');
  const undocumented = attributes.filter((a) => !ATTRIBUTE_DOCS[a]);
  const unknown = Object.keys(ATTRIBUTE_DOCS).filter((a) => !attributes.includes(a));
  if (undocumented.length || unknown.length) {
    throw new Error(`attributes without a description: ${undocumented}; described but not read: ${unknown}`);
  }
  const version = JSON.parse(read('package.json')).version;
  const doc = (name) => {
    const [type, fallback, description] = ATTRIBUTE_DOCS[name];
    return { name, description, type: { text: type }, ...(fallback && { default: fallback }) };
  };
  return {
    schemaVersion: '2.1.0',
    readme: 'README.md',
    modules: [{
      kind: 'javascript-module',
      path: 'article-reader.js',
      declarations: [{
        kind: 'class',
        customElement: true,
        name: 'ArticleReaderElement',
        tagName: 'article-reader',
        description: `An article with its related posts, read from JSON (article-reader ${version}).`,
        superclass: { name: 'HTMLElement', package: 'global:' },
        attributes: attributes.map((name) => ({ ...doc(name), ...(name !== 'lang' && { fieldName: camel(name) }) })),
        members: attributes.filter((name) => name !== 'lang').map((name) => ({
          kind: 'field',
          name: camel(name),
          attribute: name,
          reflects: true,
          type: { text: 'string | null' },
          description: ATTRIBUTE_DOCS[name][2],
        })),
        events: EVENTS.map(([name, detail, description]) => ({ name, type: { text: `CustomEvent<${detail}>` }, description })),
        cssParts: PARTS.map((name) => ({ name })),
        cssProperties: cssProperties(),
      }, {
        kind: 'function',
        name: 'mount',
        description: 'Mounts a reader into any element, for pages that build the configuration in code.',
        parameters: [{ name: 'element', type: { text: 'Element' } }, { name: 'config', type: { text: 'ArticleReaderConfig' } }],
        return: { type: { text: 'Promise<ArticleReaderHandle>' } },
      }, {
        kind: 'function',
        name: 'countWords',
        description: 'Words and CJK characters of a text, counted as the reading time counts them.',
        parameters: [{ name: 'text', type: { text: 'string' } }],
        return: { type: { text: 'Promise<{ words: number; cjkCharacters: number }>' } },
      }],
      exports: [
        { kind: 'js', name: 'ArticleReaderElement', declaration: { name: 'ArticleReaderElement', module: 'article-reader.js' } },
        { kind: 'custom-element-definition', name: 'article-reader', declaration: { name: 'ArticleReaderElement', module: 'article-reader.js' } },
        { kind: 'js', name: 'mount', declaration: { name: 'mount', module: 'article-reader.js' } },
        { kind: 'js', name: 'countWords', declaration: { name: 'countWords', module: 'article-reader.js' } },
      ],
    }],
  };
}

export const manifestText = () => `${JSON.stringify(manifest(), null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = new URL('custom-elements.json', root);
  const text = manifestText();
  if (process.argv.includes('--check')) {
    if (read('custom-elements.json') !== text) {
      console.error('custom-elements.json is stale: run node scripts/manifest.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(path, text);
  }
}
