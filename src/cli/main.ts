#!/usr/bin/env node
/**
 * bistand's entry point. Before loading anything else, it starts the register reader's
 * worker threads when the arguments ask for a large file, and the disclosure pattern's worker
 * when they run a command that may suppress (they boot while the modules below load); then the
 * program.
 */
import { prestartPatternWorker } from '../domain/pattern-thread.js';
import { prestartReaders } from '../io/register/threads.js';


prestartReaders(process.argv.slice(2));
prestartPatternWorker(process.argv.slice(2));
await import('./program.js');
