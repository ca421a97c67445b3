// `import { render, renderEach } from 'article-reader/render'`: the prerenderer for a Node
// build (Eleventy, Astro, a script). It takes documents as text and gives back what
// `npx article-reader render` prints for them, byte for byte: it runs that same command on
// them, in a folder of its own that it removes afterwards.
import { mkdtemp, open, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './wasi.js';

/** The command's options as flags (what `article-reader render --help` lists). */
function flags(options) {
  const { attributes = {}, assets, page, style, now } = options;
  const out = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) out.push(`--${name}`, String(value));
  }
  if (assets !== undefined) out.push('--assets', assets);
  if (page !== undefined) out.push('--page', page);
  if (style !== undefined) out.push('--style', style);
  if (now !== undefined) out.push('--now', now instanceof Date ? now.toISOString() : String(now));
  return out;
}

/** The lines the command wrote to standard error, without its name. */
function messages(text) {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/^article-reader: /, ''));
}

/**
 * Runs the command on `files` (name → text), written into a fresh folder it runs in; resolves
 * to { stdout, messages, folder } and removes the folder after `use` has read what it needs.
 */
async function inFolder(args, files, use) {
  const folder = await mkdtemp(join(tmpdir(), 'article-reader-'));
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
    const stdout = await open(join(folder, '.stdout'), 'w+');
    const stderr = await open(join(folder, '.stderr'), 'w+');
    let status;
    try {
      status = await run(args, { cwd: folder, stdout: stdout.fd, stderr: stderr.fd });
    } finally {
      await stdout.close();
      await stderr.close();
    }
    const said = messages(await readFile(join(folder, '.stderr'), 'utf8'));
    if (status !== 0) throw new Error(said.join('\n') || `article-reader exited with status ${status}`);
    return await use({ stdout: await readFile(join(folder, '.stdout'), 'utf8'), messages: said, folder });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const warn = (options) => options.onWarning ?? ((message) => console.warn(`article-reader: ${message}`));

/**
 * The `<article-reader>` element for one article (its document's text), with its declarative
 * shadow root and JSON-LD, as `article-reader render` prints it.
 */
export async function render(article, options = {}) {
  const files = { 'article.json': article };
  const args = ['render', 'article.json'];
  if (options.related !== undefined) {
    files['related.json'] = options.related;
    args.push('--related', 'related.json');
  }
  args.push(...flags(options));
  return inFolder(args, files, ({ stdout, messages }) => {
    messages.forEach(warn(options));
    return stdout;
  });
}

const SKIPPED = /^skipped "(.*)": the list does not carry its body$/;
const WROTE = /^wrote \d+ fragments to /;

/**
 * One element per post of a list (its document's text), each with the others as its related
 * posts, as `article-reader render --each` writes them: `fragments` in file-name order, and
 * the names of the posts `skipped` because the list does not carry their bodies.
 */
export async function renderEach(list, options = {}) {
  const args = ['render', '--each', 'list.json', '--out', 'out', ...flags(options)];
  return inFolder(args, { 'list.json': list }, async ({ messages, folder }) => {
    const skipped = [];
    for (const message of messages) {
      const name = message.match(SKIPPED)?.[1];
      if (name !== undefined) skipped.push(name);
      else if (!WROTE.test(message)) warn(options)(message);
    }
    const names = (await readdir(join(folder, 'out'))).sort();
    const fragments = [];
    for (const name of names) fragments.push({ name, html: await readFile(join(folder, 'out', name), 'utf8') });
    return { fragments, skipped };
  });
}

/** The widget's stylesheet (`article-reader css`): the file `style: 'link'` links to. */
export async function css() {
  return inFolder(['css'], {}, ({ stdout }) => stdout);
}

/**
 * The Content-Security-Policy source that allows the inline stylesheet of `style: 'inline'`
 * (`'sha256-…'`), as `article-reader render --help` gives it for this version.
 */
export async function styleHash() {
  return inFolder(['--help'], {}, ({ stdout }) => {
    const hash = stdout.match(/style-src ('sha256-[^']+')/)?.[1];
    if (!hash) throw new Error('article-reader --help names no style-src hash');
    return hash;
  });
}
