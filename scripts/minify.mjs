// Trunk post-build hook for release builds: shortens the import names shared by the wasm and
// its glue (scripts/wasm-imports.mjs), then minifies the loader and the glue (both ES modules)
// with terser. The readable sources stay in src/embed/article-reader.js and in what
// wasm-bindgen generates.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';
import { shortenImportNames } from './wasm-imports.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');

if (process.env.TRUNK_PROFILE === 'release') {
  const wasmPath = join(staging, 'article_reader_bg.wasm');
  const gluePath = join(staging, 'article_reader.js');
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
