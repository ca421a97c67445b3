# Sourced by the scripts: puts the project's tools first on PATH.
# Trunk runs --offline, so it uses these: wasm-bindgen from cargo, wasm-opt from npm's binaryen
# (Debian's binaryen is too old to read current rustc output).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
