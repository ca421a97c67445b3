// Trunk post-build hook: writes the demo's prerendered pages with `article-reader render`, as
// a publisher's build would. Each `<!-- article-reader render ARGS -->` comment in a template
// becomes the command's output for ARGS (paths relative to demo/):
//   demo/prerendered.template.html -> demo/prerendered.html
//   demo/publisher.html             (its first widget; its CSP gets the stylesheet's hash)
import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');

/** Runs the command (built natively, in release for a release build) and returns what it printed. */
const release = process.env.TRUNK_PROFILE === 'release' ? ['--release'] : [];
function articleReader(args) {
  return execFileSync('cargo', ['run', '--quiet', ...release, '--bin', 'article-reader', '--', ...args], {
    cwd: 'demo',
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** The template with each render comment replaced by the command's output. */
function prerender(template) {
  return template.replace(/<!-- article-reader render (.+?) -->/g, (_, args) => articleReader(['render', ...args.trim().split(/\s+/)]));
}

/** The CSP source the inline stylesheet needs, as `render --help` gives it. */
const styleHash = articleReader(['--help']).match(/style-src ('sha256-[^']+')/)[1];

await writeFile(
  join(staging, 'demo', 'prerendered.html'),
  prerender(await readFile('demo/prerendered.template.html', 'utf8')),
);
await rm(join(staging, 'demo', 'prerendered.template.html'));
await writeFile(
  join(staging, 'demo', 'publisher.html'),
  prerender(await readFile('demo/publisher.html', 'utf8')).replace("style-src 'self'", `style-src 'self' ${styleHash}`),
);
