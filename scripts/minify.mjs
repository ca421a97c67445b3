// Trunk post-build hook: minifies the loader and the wasm-bindgen glue of a release build
// (both are ES modules), so publishers serve fewer bytes. The readable sources stay in
// src/embed/article-reader.js and in what wasm-bindgen generates.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
if (process.env.TRUNK_PROFILE === 'release') {
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
