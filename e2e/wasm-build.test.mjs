// The release build's own steps, on small modules made here and on the release build the other
// end-to-end tests load: panics become traps (scripts/wasm-panics.mjs), and wasm-bindgen's
// import names are shortened (scripts/wasm-imports.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import binaryen from 'binaryen';
import { shortenImportNames } from '../scripts/wasm-imports.mjs';
import { trapPanics } from '../scripts/wasm-panics.mjs';

test('only the functions a panic runs become traps; installing the hook stays', () => {
  const module = new binaryen.Module();
  const answer = (name) => module.addFunction(name, binaryen.none, binaryen.i32, [], module.i32.const(7));
  const names = [
    'core[c5930c85a12de822]::panicking::panic_fmt',
    'core[c5930c85a12de822]::option::unwrap_failed',
    'console_error_panic_hook::hook',
    'std[a543996e6e7dbf1e]::panicking::set_hook',
    'yew::renderer::set_default_panic_hook',
    'article_reader::formats::parse_article',
    // What a panic message prints is formatted only there; other Debug impls are kept.
    '<char as core[c5930c85a12de822]::fmt::Debug>::fmt',
    '<article_reader::model::Article as core::fmt::Debug>::fmt',
  ];
  for (const name of names) {
    answer(name);
    module.addFunctionExport(name, name);
  }
  // With its name section, as wasm-bindgen leaves it.
  binaryen.setDebugInfo(true);
  const named = Buffer.from(module.emitBinary());
  binaryen.setDebugInfo(false);
  const { wasm, trapped } = trapPanics(named);
  assert.equal(trapped, 4);
  const out = binaryen.readBinary(wasm);
  const isTrap = (name) => {
    const { value } = binaryen.getExportInfo(out.getExport(name));
    return binaryen.getExpressionId(binaryen.getFunctionInfo(out.getFunction(value)).body)
      === binaryen.UnreachableId;
  };
  assert.deepEqual(names.map(isTrap), [true, true, true, false, false, false, true, false]);
});

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

test('the glue loses the functions of imports the optimized wasm no longer has', () => {
  // As wasm-bindgen writes them: one key a line at the import object's indentation.
  const glue = [
    'function imports() {',
    '    const import0 = {',
    '        __wbg_focus_0123456789abcdef: function(arg0) {',
    '            arg0.focus();',
    '        },',
    '        __wbg_stack_0123456789abcdef: function(arg0, arg1) {',
    '            const ret = arg1.stack;',
    '',
    '            write(arg0, ret);',
    '        },',
    '        __wbg_error_0123456789abcdef: function() { return handleError(function (arg0) {',
    '            console.error(arg0);',
    '        }, arguments); },',
    '    };',
    '}',
  ].join('\n');
  const out = shortenImportNames(moduleImporting(['__wbg_focus_0123456789abcdef']), glue);
  assert.equal(out.renamed, 1);
  assert.match(out.glue, /^ {8}a: function\(arg0\) \{\n {12}arg0\.focus\(\);\n {8}\},\n {4}\};/m);
  assert.ok(!out.glue.includes('stack') && !out.glue.includes('console.error'), out.glue);
  // A key the wasm does not import, in a shape that cannot be cut out, fails the build.
  assert.throws(
    () => shortenImportNames(moduleImporting([]), '({ __wbg_focus_0123456789abcdef: f })'),
    /__wbg_focus_0123456789abcdef is in the glue, not in the wasm/,
  );
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
