#!/usr/bin/env node
/**
 * bistand's entry point. Before loading anything else, it starts the register reader's
 * worker threads when the arguments ask for a large file (they boot while the modules below
 * load); then the program.
 */
import v8 from 'node:v8';
import { prestartReaders } from '../io/register/threads.js';

/**
 * HiGHS (WebAssembly) decides the disclosure pattern in many short programs. By default V8
 * recompiles a wasm function with its optimising compiler soon after it runs: for HiGHS's large
 * functions that cost more than it saved (the sample's `reasons --total` 1.8 s, 2.8 s of CPU).
 * Thirty times V8's budget, only the functions that run long are recompiled: 1.2 s, 1.5 s of
 * CPU; a national register of many small counts (30 000 persons) takes as long as before.
 * Set before HiGHS compiles; a budget given in NODE_OPTIONS or on node's command line stays.
 */
if (!/--wasm-tiering-budget/.test(`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`)) v8.setFlagsFromString('--wasm-tiering-budget=60000000');

prestartReaders(process.argv.slice(2));
await import('./program.js');
