// A page written in TypeScript against the package's types; the tests compile it with
// `tsc --strict --noEmit` (examples/typescript/tsconfig.json).
import { countWords, mount, type ArticleReaderElement, type ArticleReaderHandle } from 'article-reader';

const reader: ArticleReaderElement = document.createElement('article-reader');
reader.src = '/posts/ms-ice.json';
reader.relatedSrc = '/posts/recent.json';
reader.shareUtm = null;
document.body.append(reader);

reader.addEventListener('article-reader:load', (event) => {
  const title: string | null = event.detail.title;
  console.log(title, event.detail.src);
});
reader.addEventListener('article-reader:navigate', (event) => console.log(event.detail.url));
reader.addEventListener('article-reader:error', (event) => {
  if (event.detail.kind === 'http') console.log(event.detail.status ?? 0);
});
reader.addEventListener('article-reader:share', (event) => console.log(event.detail.network));

const handle: ArticleReaderHandle = await mount(document.querySelector('#reader')!, {
  src: '/posts/ms-ice.json',
  relatedLimit: 3,
  theme: 'dark',
});
handle.update({ src: '/posts/other.json' });
handle.destroy();

const { words, cjkCharacters } = await countWords('Hello, world');
console.log(words + cjkCharacters);
