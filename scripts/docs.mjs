// Rewrites the README's option tables from the options data (src/cli/options.ts, built).
import { readFileSync, writeFileSync } from 'node:fs';
import { renderReadme } from '../dist/cli/readme-options.js';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = renderReadme(before);
if (after !== before) writeFileSync(path, after);
console.error(after === before ? 'README.md: option tables up to date' : 'README.md: option tables rewritten');
