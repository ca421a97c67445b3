// Trunk post-build hook for release builds: finishes the wasm and its glue, then minifies the
// loader and the glue (both ES modules) with terser. In order:
//   1. the Rust panic machinery becomes a trap (scripts/wasm-panics.mjs): it needs the names
//      wasm-bindgen keeps, so Trunk's own wasm-opt is off and runs here instead;
//   2. wasm-opt (npm's binaryen) optimizes for size;
//   3. the import names shared by the wasm and its glue are shortened (scripts/wasm-imports.mjs).
// The readable sources stay in src/embed/article-reader.js and in what wasm-bindgen generates.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';
import { trapPanics } from './wasm-panics.mjs';
import { shortenImportNames } from './wasm-imports.mjs';

/** wasm-opt's settings: size first, after merging functions that differ only in constants
    (monomorphized copies); flattening and re-looping between two -Oz passes lets the second
    find smaller control flow (about 600 bytes of the gzipped wasm); the low kilobyte of memory is the bottom of Rust's stack, never
    reached, and memory starts zero-filled; a whole-program flow analysis (GUFA) then finds
    constants the local passes cannot (some 25 bytes). */
const WASM_OPT = [
  '--merge-similar-functions', '-Oz', '--flatten', '--rereloop', '-Oz', '--merge-similar-functions', '-Oz',
  '--gufa-optimizing', '-Oz', '--converge', '--low-memory-unused', '--zero-filled-memory', '--strip-debug',
  '--strip-producers', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');

if (process.env.TRUNK_PROFILE === 'release') {
  const wasmPath = join(staging, 'article_reader_bg.wasm');
  const gluePath = join(staging, 'article_reader.js');
  await writeFile(wasmPath, trapPanics(await readFile(wasmPath)).wasm);
  execFileSync('wasm-opt', [...WASM_OPT, wasmPath, '-o', wasmPath], { stdio: 'inherit' });
  const shortened = shortenImportNames(await readFile(wasmPath), await readFile(gluePath, 'utf8'));
  await writeFile(wasmPath, shortened.wasm);
  await writeFile(gluePath, shortened.glue);

  for (const file of ['article-reader.js', 'article_reader.js']) {
    const path = join(staging, file);
    const { code } = await minify(await readFile(path, 'utf8'), {
      module: true,
      ecma: 2020,
      compress: { passes: 2 },
      format: { comments: false },
    });
    await writeFile(path, code);
  }
}
