#!/usr/bin/env node
/**
 * bistand's entry point. Before loading anything else, it starts the register reader's
 * worker threads when the arguments ask for a large file, and the disclosure pattern's worker
 * when they run a command that may suppress (they boot while the modules below load); then the
 * program.
 */
import { prestartPatternWorker } from '../domain/pattern-thread.js';
import { prestartReaders } from '../io/register/threads.js';
import { setV8FlagUnlessGiven } from '../v8-flags.js';

/**
 * HiGHS (WebAssembly) decides the disclosure pattern in many short programs. By default V8
 * recompiles a wasm function with its optimising compiler soon after it runs: for HiGHS's large
 * functions that cost more than it saved (the sample's `reasons --total` 1.8 s, 2.8 s of CPU).
 * Thirty times V8's budget, only the functions that run long are recompiled: 1.2 s, 1.5 s of
 * CPU; a national register of many small counts (30 000 persons) takes as long as before.
 * Set before HiGHS compiles; a budget given in NODE_OPTIONS or on node's command line stays.
 */
setV8FlagUnlessGiven('wasm-tiering-budget', 60_000_000);

prestartReaders(process.argv.slice(2));
prestartPatternWorker(process.argv.slice(2));
await import('./program.js');
