// The package's types: a page using the element, its events, mount() and countWords(), and a
// build step using article-reader/render, compile under `tsc --strict`; a wrong use does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = new URL('../examples/typescript/', import.meta.url).pathname;
const tsc = (config) => spawnSync(new URL('../node_modules/.bin/tsc', import.meta.url).pathname, ['-p', config], { encoding: 'utf8' });

test('a strict TypeScript page and build using every typed API compile', () => {
  const run = tsc(`${dir}tsconfig.json`);
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test('a wrong use of the types is an error', () => {
  // Written apart from the sources, with the sample's settings.
  const apart = mkdtempSync(join(tmpdir(), 'article-reader-types-'));
  writeFileSync(join(apart, 'wrong.ts'), `document.querySelector('article-reader')!.addEventListener('article-reader:share', (e) => { const n: number = e.detail.network; console.log(n); });\nexport {};\nimport 'article-reader';\n`);
  writeFileSync(join(apart, 'tsconfig.json'), JSON.stringify({ extends: `${dir}tsconfig.json`, files: ['wrong.ts'] }));
  try {
    const run = tsc(join(apart, 'tsconfig.json'));
    assert.notEqual(run.status, 0);
    assert.match(run.stdout, /not assignable to type 'number'/);
  } finally {
    rmSync(apart, { recursive: true });
  }
});
