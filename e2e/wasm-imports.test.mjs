// The build step that shortens wasm-bindgen's import names (scripts/wasm-imports.mjs), on a
// small module made here, and on the release build the other end-to-end tests load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { shortenImportNames } from '../scripts/wasm-imports.mjs';

const name = (text) => [text.length, ...Buffer.from(text)];

/** A module importing one function per name from `./glue.js`, and one memory from `env`. */
function moduleImporting(names) {
  const imports = [
    names.length + 1,
    ...names.flatMap((field) => [...name('./glue.js'), ...name(field), 0x00, 0x00]),
    ...name('env'), ...name('memory'), 0x02, 0x00, 0x01,
  ];
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // one type: () -> ()
    0x02, imports.length, ...imports,
  ]);
}

test('import names become short in the wasm and in the glue, and still match', async () => {
  const long = ['__wbg_appendChild_dbf7ad2f48413560', '__wbindgen_throw_be289d5034ed271b'];
  const glue = `const imports = { __wbg_appendChild_dbf7ad2f48413560: function(a) { return 1; },
    __wbindgen_throw_be289d5034ed271b: function(a, b) { throw 2; } };`;
  const out = shortenImportNames(moduleImporting(long), glue);
  assert.equal(out.renamed, 2);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(out.wasm));
  assert.deepEqual(imports.map((i) => `${i.module}.${i.name}`), ['./glue.js.a', './glue.js.b', 'env.memory']);
  assert.match(out.glue, /\{ a: function\(a\) \{ return 1; \},\s+b: function/);
  assert.ok(!out.glue.includes('__wbg_'));
  await WebAssembly.instantiate(out.wasm, {
    './glue.js': { a: () => {}, b: () => {} },
    env: { memory: new WebAssembly.Memory({ initial: 1 }) },
  });
});

test('a glue that does not name an import exactly once is refused', () => {
  const wasm = moduleImporting(['__wbg_focus_0123456789abcdef']);
  assert.throws(() => shortenImportNames(wasm, 'const imports = {};'), /__wbg_focus_0123456789abcdef: 0 keys/);
  assert.throws(
    () => shortenImportNames(wasm, '({ __wbg_focus_0123456789abcdef: f, x: "__wbg_focus_0123456789abcdef" })'),
    /1 keys and 2 mentions/,
  );
});

test('the release build imports only short names, each provided by its glue', async () => {
  const wasm = await readFile(new URL('../dist/article_reader_bg.wasm', import.meta.url));
  const glue = await readFile(new URL('../dist/article_reader.js', import.meta.url), 'utf8');
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm));
  assert.ok(imports.length > 100, `${imports.length} imports`);
  for (const { name: field } of imports) {
    assert.ok(field.length <= 3, `long import name ${field}`);
    assert.match(glue, new RegExp(`[{,]${field}:`), `the glue provides ${field}`);
  }
});
