// Types for the article-reader loader (`import 'article-reader'`, or `article-reader.js` from a
// copy or a CDN). The element, its attribute properties and events are described for tools in
// custom-elements.json too; the README says what each one means.

/** A share control's name, as in the `share` attribute. */
export type ShareNetwork =
  | 'x'
  | 'facebook'
  | 'linkedin'
  | 'reddit'
  | 'hackernews'
  | 'bluesky'
  | 'mastodon'
  | 'threads'
  | 'telegram'
  | 'whatsapp'
  | 'email'
  | 'copy'
  | 'native';

/** What went wrong, in `article-reader:error`. */
export type ArticleReaderErrorKind =
  | 'network'
  | 'timeout'
  | 'http'
  | 'not-json'
  | 'format'
  | 'too-large'
  | 'config'
  | 'engine';

/** `detail` of `article-reader:load` (an article is shown) and `article-reader:navigate`. */
export interface ArticleReaderLoadDetail {
  /** The absolute URL of the document fetched. */
  src: string;
  id: string;
  /** The title; for an untitled post its opening words; else `null`. */
  title: string | null;
  /** The article's page, if it has one. */
  url: string | null;
}

/** `detail` of `article-reader:navigate`: a reader opened a related post in place. */
export type ArticleReaderNavigateDetail = ArticleReaderLoadDetail;

/** `detail` of `article-reader:error`: the article or its related list could not be loaded. */
export interface ArticleReaderErrorDetail {
  src: string | null;
  /** The same as `src`. */
  url: string | null;
  kind: ArticleReaderErrorKind;
  /** The HTTP status, for `http`. */
  status: number | null;
  /** What is wrong, for the publisher: the format and the field at fault. */
  message: string;
}

/** `detail` of `article-reader:share`: a share control was used. */
export interface ArticleReaderShareDetail {
  network: ShareNetwork;
  /** The address shared (with UTM parameters if asked for). */
  url: string;
}

/**
 * The configuration `mount()` takes: the element's attributes, camelCased. Values are
 * passed as the attributes' text; `null` or `undefined` leaves one out.
 */
export interface ArticleReaderConfig {
  src: string;
  relatedSrc?: string | null;
  format?: 'auto' | 'native' | 'jsonfeed' | 'wordpress' | 'ghost' | null;
  lang?: string | null;
  wpm?: number | string | null;
  theme?: 'auto' | 'light' | 'dark' | null;
  history?: 'none' | 'push' | null;
  timeout?: number | string | null;
  relatedLimit?: number | string | null;
  share?: string | null;
  shareUrl?: string | null;
  shareVia?: string | null;
  shareHashtags?: string | null;
  shareUtm?: boolean | string | null;
  shareMastodon?: string | null;
}

/** A reader mounted by `mount()`. */
export interface ArticleReaderHandle {
  /** Renders with a new configuration (what is not given is left out). */
  update(config: ArticleReaderConfig): void;
  /** Tears the reader down: its article (and the light DOM copy) goes, and no timer, listener or request of it is left. */
  destroy(): void;
}

/** `<article-reader>`. Each attribute is also a property holding its text, or `null`. */
export declare class ArticleReaderElement extends HTMLElement {
  src: string | null;
  relatedSrc: string | null;
  format: string | null;
  wpm: string | null;
  theme: string | null;
  history: string | null;
  timeout: string | null;
  relatedLimit: string | null;
  share: string | null;
  shareUrl: string | null;
  shareVia: string | null;
  shareHashtags: string | null;
  shareUtm: string | null;
  shareMastodon: string | null;
  // `lang` is HTMLElement's own.
}

/**
 * Mounts a reader into any element's open shadow root (attached if it has none), for pages
 * that build the configuration in code. As `<article-reader>` does, it copies each article it
 * shows into the element's light DOM, for reader modes and parsers.
 */
export function mount(element: Element, config: ArticleReaderConfig): Promise<ArticleReaderHandle>;

/** Words and CJK characters of `text`, counted as the reading time counts them. */
export function countWords(text: string): Promise<{ words: number; cjkCharacters: number }>;

declare global {
  interface HTMLElementTagNameMap {
    'article-reader': ArticleReaderElement;
  }
  interface HTMLElementEventMap {
    'article-reader:load': CustomEvent<ArticleReaderLoadDetail>;
    'article-reader:navigate': CustomEvent<ArticleReaderNavigateDetail>;
    'article-reader:error': CustomEvent<ArticleReaderErrorDetail>;
    'article-reader:share': CustomEvent<ArticleReaderShareDetail>;
  }
}
