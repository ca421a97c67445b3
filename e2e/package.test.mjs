// The npm package's metadata: one version with the crate, a manifest that is current and
// names what the widget really has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { crateVersion } from '../scripts/package.mjs';
import { manifestText, PARTS, loaderList } from '../scripts/manifest.mjs';

const text = (path) => readFile(new URL(`../${path}`, import.meta.url), 'utf8');

test('the package has the crate\'s version', async () => {
  assert.equal(JSON.parse(await text('package.json')).version, crateVersion());
});

test('custom-elements.json is the one the attribute list, parts and stylesheet make', async () => {
  assert.equal(await text('custom-elements.json'), manifestText());
  const [element] = JSON.parse(await text('custom-elements.json')).modules[0].declarations;
  assert.deepEqual(element.attributes.map((a) => a.name), loaderList('ATTRIBUTES'));
  assert.ok(element.cssProperties.some((p) => p.name === '--article-reader-accent' && p.default === '#b3123c'));
});

test('every part a prerendered page carries is in the manifest', async () => {
  const page = await text('dist/demo/prerendered.html');
  const parts = new Set([...page.matchAll(/\bpart="([^"]+)"/g)].map((m) => m[1]));
  assert.ok(parts.size > 10, `${parts.size} parts`);
  for (const part of parts) assert.ok(PARTS.includes(part), `part ${part} is not in the manifest`);
});
