// The package's types: a page using the element, its events, mount() and countWords()
// compiles under `tsc --strict`, and a wrong use does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';

const dir = new URL('../examples/typescript/', import.meta.url).pathname;
const tsc = (config) => spawnSync(new URL('../node_modules/.bin/tsc', import.meta.url).pathname, ['-p', `${dir}${config}`], { encoding: 'utf8' });

test('a strict TypeScript page using every typed API compiles', () => {
  const run = tsc('tsconfig.json');
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test('a wrong use of the types is an error', () => {
  writeFileSync(`${dir}wrong.ts`, `document.querySelector('article-reader')!.addEventListener('article-reader:share', (e) => { const n: number = e.detail.network; console.log(n); });\nexport {};\nimport 'article-reader';\n`);
  writeFileSync(`${dir}tsconfig.wrong.json`, JSON.stringify({ extends: './tsconfig.json', files: ['wrong.ts'] }));
  try {
    const run = tsc('tsconfig.wrong.json');
    assert.notEqual(run.status, 0);
    assert.match(run.stdout, /not assignable to type 'number'/);
  } finally {
    rmSync(`${dir}wrong.ts`);
    rmSync(`${dir}tsconfig.wrong.json`);
  }
});
