#!/usr/bin/env node
/**
 * bistand's entry point. Before loading anything else, it starts the register reader's
 * worker threads when the arguments ask for a large file (they boot while the modules below
 * load); then the program.
 */
import { prestartReaders } from '../io/register/threads.js';

prestartReaders(process.argv.slice(2));
await import('./program.js');
