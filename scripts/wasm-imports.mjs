// Shortens the names of the functions the wasm imports from its JavaScript glue.
//
// wasm-bindgen names each import after the JavaScript it calls plus a hash
// (`__wbg_appendChild_dbf7ad2f48413560`), once in the wasm's import section and once in the
// glue. The hashes are random to gzip, so ~190 of them cost several kilobytes of every
// download. Both files are generated together and only ever used together, so the names are
// replaced by short ones (`a`, `b`, …) in both. Everything else in the wasm is copied byte for
// byte.

/** Reads an unsigned LEB128 number at `at`; returns [value, position after it]. */
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function writeLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [bytes.subarray(start, start + length).toString('utf8'), start + length];
}

function writeName(name) {
  const encoded = Buffer.from(name, 'utf8');
  return Buffer.concat([writeLeb(encoded.length), encoded]);
}

/** Skips an import's description (function, table, memory, global or tag). */
function skipImportDescription(bytes, at) {
  const kind = bytes[at++];
  const skipLimits = (p) => {
    const flags = bytes[p++];
    [, p] = readLeb(bytes, p);
    if (flags & 1) [, p] = readLeb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return readLeb(bytes, at)[1]; // function: type index
    case 1: return skipLimits(at + 1); // table: element type, limits
    case 2: return skipLimits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return readLeb(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`unknown import kind ${kind}`);
  }
}

/** A short, distinct name for the n-th import: a, b, …, z, aa, ab, … */
function shortName(n) {
  let name = '';
  do {
    name = String.fromCharCode(97 + (n % 26)) + name;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return name;
}

/**
 * Renames wasm-bindgen's imports in `wasm` (a Buffer) and `glue` (its JavaScript), and returns
 * both. Throws unless every renamed import is a key of the glue's import object exactly once
 * and nowhere else, so a change in what wasm-bindgen generates fails the build, not the page.
 */
export function shortenImportNames(wasm, glue) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const renamed = new Map();
  const sections = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = readLeb(wasm, at + 1);
    const end = body + size;
    if (id !== 2) {
      sections.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    let [count, p] = readLeb(wasm, body);
    const entries = [writeLeb(count)];
    for (let i = 0; i < count; i += 1) {
      const [module, afterModule] = readName(wasm, p);
      const [field, afterField] = readName(wasm, afterModule);
      const afterDescription = skipImportDescription(wasm, afterField);
      let name = field;
      if (/^__wb(g|indgen)_/.test(field)) {
        name = renamed.get(field) ?? shortName(renamed.size);
        renamed.set(field, name);
      }
      entries.push(writeName(module), writeName(name), wasm.subarray(afterField, afterDescription));
      p = afterDescription;
    }
    if (p !== end) throw new Error('import section not read to its end');
    const section = Buffer.concat(entries);
    sections.push(Buffer.from([2]), writeLeb(section.length), section);
    at = end;
  }
  let text = dropUnusedImports(glue, renamed);
  for (const [from, to] of renamed) {
    const key = new RegExp(`(?<![\\w$])${from}(?=\\s*:)`, 'g');
    const keys = text.match(key)?.length ?? 0;
    const anywhere = text.split(from).length - 1;
    if (keys !== 1 || anywhere !== 1) {
      throw new Error(`import ${from}: ${keys} keys and ${anywhere} mentions in the glue, expected 1`);
    }
    text = text.replace(key, to);
  }
  return { wasm: Buffer.concat(sections), glue: text, renamed: renamed.size };
}

/**
 * The glue without the functions it offers for imports the wasm no longer has: wasm-opt
 * removes the calls that only panics made (the console hook, `Debug` of a `JsValue`), but
 * wasm-bindgen wrote the glue before, and an object's keys are never dead code to a
 * minifier. Each entry is one key at the import object's indentation, up to its closing line.
 */
function dropUnusedImports(glue, used) {
  const entry = /^ {8}(__wb(?:g|indgen)_\w+): function[^\n]*\n(?:(?: {9}[^\n]*)?\n)*? {8}\}[^\n]*\n/gm;
  const dropped = glue.replace(entry, (whole, name) => (used.has(name) ? whole : ''));
  const left = dropped.match(/(?<![\w$])__wb(?:g|indgen)_\w+(?=\s*:)/g) ?? [];
  const stray = left.find((name) => !used.has(name));
  if (stray) throw new Error(`import ${stray} is in the glue, not in the wasm, and could not be removed`);
  return dropped;
}
