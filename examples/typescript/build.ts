// A build step written in TypeScript against `article-reader/render`'s types; compiled by the
// tests with the page beside it.
import { css, render, renderEach, styleHash, type Each, type RenderArticleOptions } from 'article-reader/render';

declare const articleText: string;
declare const feedText: string;

const options: RenderArticleOptions = {
  related: feedText,
  attributes: { src: '/posts/ms-ice.json', lang: 'en', share: 'x,email' },
  style: 'link',
  assets: '/article-reader/',
  now: new Date(),
  onWarning: (message) => console.log(message),
};

export async function build(): Promise<string[]> {
  const page: string = await render(articleText, options);
  const each: Each = await renderEach(feedText, { style: 'inline' });
  const names = each.fragments.map((fragment) => `${fragment.name}: ${fragment.html.length}`);
  return [page, ...names, ...each.skipped, await css(), await styleHash()];
}
