// Types for `article-reader/render`, the prerenderer for Node builds.

/** What `article-reader render` takes besides the document (see `npx article-reader --help`). */
export interface RenderOptions {
  /** The element's attributes (`src`, `related-src`, `lang`, `share`, …, `id`, `class`), written onto it and read as the widget reads them. */
  attributes?: Record<string, string | number | boolean | null | undefined>;
  /** Where the widget's files are (default `./`): `style: 'link'` links `ASSETS/article-reader.css`. */
  assets?: string;
  /** The address of the page the element goes on: shared when the article names none. */
  page?: string;
  /** The stylesheet inline (default; allowed by `styleHash()`) or linked. */
  style?: 'inline' | 'link';
  /** The moment relative times ("3 years ago") are written against (default: now). */
  now?: Date | string;
  /** Receives each warning (default: `console.warn`). */
  onWarning?: (message: string) => void;
}

/** `render`'s options: also the related posts' document. */
export interface RenderArticleOptions extends RenderOptions {
  /** The related posts' document (its text), shown as the article's related posts. */
  related?: string;
}

/** One post's element, and the file name `--each` gives it. */
export interface Fragment {
  name: string;
  html: string;
}

/** What `renderEach` made of a list. */
export interface Each {
  /** One element per post the list carries whole, in file-name order. */
  fragments: Fragment[];
  /** The names of the posts whose bodies the list does not carry. */
  skipped: string[];
}

/** The `<article-reader>` element for one article document (JSON Feed, WordPress, Ghost or the widget's own), with its declarative shadow root and JSON-LD. Rejects with the widget's own error text. */
export function render(article: string, options?: RenderArticleOptions): Promise<string>;

/** One element per post of a list document, each with the others as its related posts. */
export function renderEach(list: string, options?: RenderOptions): Promise<Each>;

/** The widget's stylesheet, the file `style: 'link'` links to. */
export function css(): Promise<string>;

/** The CSP source (`'sha256-…'`) that allows the inline stylesheet of this version. */
export function styleHash(): Promise<string>;
