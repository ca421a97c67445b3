// A static site's build with the article-reader package and nothing else: one page per post of
// a feed (JSON Feed, a WordPress collection or Ghost posts), each with the article already in
// its HTML (readers and crawlers have it before any script runs), and the widget's files
// copied beside them so the live widget takes each article over.
//
//   npm install article-reader
//   node build.mjs ../../demo/feed.json _site
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderEach, styleHash } from 'article-reader/render';

const [feedFile, out = '_site'] = process.argv.slice(2);
if (!feedFile) throw new Error('usage: node build.mjs FEED.json [OUT]');
/** Where the site serves the widget's files from. */
const ASSETS = '/article-reader/';

const escape = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The post's headline, from the schema.org JSON-LD the prerenderer writes after the element. */
function headline(fragment) {
  const jsonLd = fragment.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)?.[1];
  return jsonLd ? JSON.parse(jsonLd).headline : 'Article';
}

function page(title, body, { hash }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' ${hash}; img-src 'self' https: data:">
<title>${escape(title)}</title>
<link rel="stylesheet" href="${ASSETS}page.css">
<script type="module" src="${ASSETS}article-reader.js"></script>
</head>
<body>
${body}
</body>
</html>
`;
}

const { fragments, skipped } = await renderEach(await readFile(feedFile, 'utf8'), {
  assets: ASSETS,
  attributes: { share: 'x,linkedin,email,copy' },
});
for (const name of skipped) console.warn(`skipped "${name}": the feed does not carry its body`);

const hash = await styleHash();
await mkdir(out, { recursive: true });
const links = [];
for (const { name, html } of fragments) {
  const title = headline(html);
  await writeFile(join(out, name), page(title, `<main>\n${html}\n</main>`, { hash }));
  links.push(`<li><a href="${escape(name)}">${escape(title)}</a></li>`);
}
await writeFile(join(out, 'index.html'), page('Posts', `<main>\n<h1>Posts</h1>\n<ul>\n${links.join('\n')}\n</ul>\n</main>`, { hash }));

// The widget's files, from the installed package.
const widget = dirname(fileURLToPath(import.meta.resolve('article-reader/package.json')));
await mkdir(join(out, ASSETS), { recursive: true });
for (const file of ['article-reader.js', 'article_reader.js', 'article_reader_bg.wasm', 'article-reader.css', 'page.css']) {
  await cp(join(widget, file), join(out, ASSETS, file));
}
await cp(join(widget, 'labels'), join(out, ASSETS, 'labels'), { recursive: true });
console.log(`wrote ${fragments.length} pages and an index to ${out}`);
