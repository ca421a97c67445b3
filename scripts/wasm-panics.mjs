// Replaces the Rust panic machinery in the wasm by a trap, before optimizing.
//
// The widget is built with `panic = "abort"`: a panic (a bug) ends in a trap, and the loader
// then shows each element's fallback link. On the way, Rust formats the panic's message and
// Yew's panic hook writes it to the console: formatting code, location strings and payload
// types that every download carries for a message no reader sees. Trapping at once behaves
// the same for the page and leaves all that out. Only functions that run when a panic has
// already happened are replaced; installing the hook (at start) is kept.
import binaryen from 'binaryen';

/** Functions only ever entered once a panic (or a failed allocation) is under way. */
const PANICKING = new RegExp([
  String.raw`core(\[\w+\])?::panicking::`,
  String.raw`rust_begin_unwind`,
  String.raw`__rust_start_panic`,
  String.raw`::rust_panic`,
  String.raw`std(\[\w+\])?::panicking::(panic_handler|panic_with_hook|begin_panic|panic_count::increase)`,
  String.raw`std(\[\w+\])?::sys::backtrace::__rust_end_short_backtrace`,
  String.raw`PanicPayload`,
  String.raw`PanicHookInfo`,
  String.raw`console_error_panic_hook::hook`,
  String.raw`::(unwrap_failed|expect_failed)`,
  String.raw`::panic_already_(mutably_)?borrowed`,
  String.raw`::panic_(access_error|poisoned)`,
  String.raw`(slice_error_fail(_rt)?|slice_index_fail|len_mismatch_fail|str_index_overflow_fail)`,
  String.raw`(alloc::handle_alloc_error|::capacity_overflow)`,
  // The `Debug` impls of what panic messages print: a slice's range and index, the char a
  // string was cut inside, an `unwrap`ped error (`JsValue`, a layout, a formatting error,
  // a thread-local's), and `&dyn Debug` itself. The widget formats nothing with `Debug`
  // otherwise; these stay alive only because their vtables are data (about 1.5 KB gzipped).
  String.raw`^<(char|&usize|core(\[\w+\])?::ops::range::Range<usize>|wasm_bindgen::JsValue|core(\[\w+\])?::alloc::layout::LayoutError|core(\[\w+\])?::fmt::Error|std(\[\w+\])?::thread::local::AccessError|&dyn core(\[\w+\])?::fmt::Debug) as core(\[\w+\])?::fmt::Debug>::fmt`,
].join('|'));

/** Installing a panic hook runs at start: never replaced. */
const KEPT = /set_hook|set_default_panic_hook|set_custom_panic_hook/;

/** `wasm` (with its name section) with every panicking function's body a trap; the count. */
export function trapPanics(wasm) {
  const module = binaryen.readBinary(wasm);
  const { Features } = binaryen;
  module.setFeatures(Features.MVP | Features.BulkMemory | Features.NontrappingFPToInt
    | Features.SignExt | Features.MutableGlobals | Features.ReferenceTypes | Features.Multivalue);
  // Chosen first: replacing a function moves it to the end of the list.
  const chosen = [];
  for (let i = 0; i < module.getNumFunctions(); i += 1) {
    const info = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
    if (!info.base && PANICKING.test(info.name) && !KEPT.test(info.name)) chosen.push(info);
  }
  for (const info of chosen) {
    module.removeFunction(info.name);
    module.addFunction(info.name, info.params, info.results, info.vars, module.unreachable());
  }
  const out = module.emitBinary();
  module.dispose();
  return { wasm: Buffer.from(out), trapped: chosen.length };
}
