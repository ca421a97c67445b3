#!/usr/bin/env node
// `npx article-reader …`: the prerenderer's command line, with no Rust toolchain. It is the
// native command's own code compiled to WebAssembly (see wasi.js); `--help` says what it does.
import process from 'node:process';
import { run } from './wasi.js';

process.exitCode = await run(process.argv.slice(2));
