#!/usr/bin/env node
/**
 * bistand's entry point. Before loading anything else, it starts the thread pool when the
 * arguments run a command that will use it (its workers boot while the modules below load);
 * then the program.
 */
import { prestartThreads } from '../threads/pool.js';

prestartThreads(process.argv.slice(2));
await import('./program.js');
