// Runs the prerenderer, `article-reader` compiled from the same Rust sources as the native
// command for wasm32-wasip1, through Node's WASI: the host's file system is preopened at `/`
// and the command starts in Node's working directory (as `PWD`), so paths mean what they
// mean to the native command, and so do its flags, output, messages and exit codes.
import { readFile } from 'node:fs/promises';
import process from 'node:process';

const WASM = new URL('./prerender.wasm', import.meta.url);

let compiled;
/** The module, compiled once per process. */
function module() {
  compiled ??= readFile(WASM).then((bytes) => WebAssembly.compile(bytes));
  return compiled;
}

/**
 * Node warns that WASI is experimental on the first use; the command's own messages are what
 * its users read, so that one warning is held back (every other warning still shows).
 */
function quietWasiWarning() {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (warning, ...rest) {
    const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type;
    if (type === 'ExperimentalWarning' && String(warning).includes('WASI')) return;
    return emitWarning.call(this, warning, ...rest);
  };
  return () => {
    process.emitWarning = emitWarning;
  };
}

/**
 * Runs `article-reader ARGS` in `cwd` with the given standard streams (file descriptors);
 * resolves to its exit status.
 */
export async function run(args, { cwd = process.cwd(), stdout = 1, stderr = 2 } = {}) {
  const restore = quietWasiWarning();
  try {
    const { WASI } = await import('node:wasi');
    const wasi = new WASI({
      version: 'preview1',
      args: ['article-reader', ...args],
      env: { PWD: cwd },
      preopens: { '/': '/' },
      stdin: 0,
      stdout,
      stderr,
      returnOnExit: true,
    });
    const instance = await WebAssembly.instantiate(await module(), wasi.getImportObject());
    return wasi.start(instance);
  } finally {
    restore();
  }
}
