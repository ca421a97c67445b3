// npm's pack hooks. `stage` (prepack) builds the release when dist/ is missing or older than
// its sources, checks that the package's version is the crate's, writes custom-elements.json,
// copies the files a site serves from dist/ to the package's root, where a CDN path
// (`…/article-reader@0.1/article-reader.js`) and the `exports` map find them, builds the
// prerenderer for WASI into render/ and writes the widget's stylesheet beside the loader;
// `clean` (postpack) removes what it made again.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestText } from './manifest.mjs';

const root = new URL('..', import.meta.url).pathname;
const at = (path) => join(root, path);

/** What the release build is made from: a change to any of them makes dist/ stale. */
const SOURCES = ['src', 'styles', 'build.rs', 'Cargo.toml', 'Cargo.lock', 'index.html', 'Trunk.toml', 'demo', 'scripts/minify.mjs', 'scripts/wasm-panics.mjs', 'scripts/wasm-imports.mjs'];
/** Copied from dist/ to the package's root. */
const SERVED = ['article-reader.js', 'article_reader.js', 'article_reader_bg.wasm'];
/** Made by `stage` besides: the prerenderer, and the stylesheet `render --style link` links. */
const PRERENDERER = 'render/prerender.wasm';
const STYLESHEET = 'article-reader.css';

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** The crate's version, from Cargo.toml's [package] table: the one version of both. */
export function crateVersion() {
  const cargo = readFileSync(at('Cargo.toml'), 'utf8');
  const version = cargo.match(/^\[package\][^[]*?^version = "([^"]+)"/ms)?.[1];
  if (!version) throw new Error('Cargo.toml names no [package] version');
  return version;
}

/** Runs a shell command in the repository, with the project's tools on PATH. */
function shell(command) {
  execFileSync('bash', ['-c', `source scripts/env.sh && ${command}`], { cwd: root, stdio: 'inherit' });
}

/**
 * The command, built for wasm32-wasip1 (cargo rebuilds only what changed) and optimized for
 * size as the widget is: a build-time file, not part of the widget's budget.
 */
function buildPrerenderer() {
  shell('cargo build --release --locked --offline --target wasm32-wasip1 --bin article-reader');
  shell(`wasm-opt -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals --enable-reference-types --enable-multivalue target/wasm32-wasip1/release/article-reader.wasm -o ${PRERENDERER}`);
}

async function stage() {
  const version = JSON.parse(readFileSync(at('package.json'), 'utf8')).version;
  if (version !== crateVersion()) {
    throw new Error(`package.json is at ${version}, Cargo.toml at ${crateVersion()}: they are one version`);
  }
  const built = at('dist/article_reader_bg.wasm');
  const stale = !existsSync(built)
    || SOURCES.some((source) => existsSync(at(source)) && newest(at(source)) > statSync(built).mtimeMs);
  if (stale) {
    console.error('prepack: building the release (dist/ is missing or older than its sources)');
    shell('scripts/install-tools && rm -rf dist && trunk build --release --offline');
  }
  writeFileSync(at('custom-elements.json'), manifestText());
  for (const file of SERVED) copyFileSync(at(`dist/${file}`), at(file));
  mkdirSync(at('labels'), { recursive: true });
  for (const file of readdirSync(at('dist/labels'))) copyFileSync(at(`dist/labels/${file}`), at(`labels/${file}`));
  buildPrerenderer();
  const { css } = await import('../render/index.js');
  writeFileSync(at(STYLESHEET), await css());
}

function clean() {
  for (const file of SERVED) rmSync(at(file), { force: true });
  rmSync(at('labels'), { recursive: true, force: true });
  rmSync(at(PRERENDERER), { force: true });
  rmSync(at(STYLESHEET), { force: true });
}

const step = process.argv[2];
if (step === 'stage') await stage();
else if (step === 'clean') clean();
else if (step !== undefined) throw new Error(`unknown step ${step}: stage or clean`);
