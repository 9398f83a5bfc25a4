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
 * functions that costs more than it saves. At 500 times V8's budget only a function that runs for
 * seconds is recompiled. Thirty times (the budget before) still recompiled enough of HiGHS on the
 * sample report to cost 1.2 s of CPU on V8's threads, a tenth of the report's CPU; at
 * 500 times the report took about 0.9 s less CPU, and the patterns of the 300 000- and
 * 30 000-person registers took as long as before or less (A/B, 4 runs each).
 * Set before HiGHS compiles; a budget given on node's command line stays (Node refuses the flag in
 * NODE_OPTIONS).
 */
setV8FlagUnlessGiven('wasm-tiering-budget', 1_000_000_000);

prestartReaders(process.argv.slice(2));
prestartPatternWorker(process.argv.slice(2));
await import('./program.js');
