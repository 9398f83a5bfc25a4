/** Writes templates/rapport.dotx: bistand's own Word styles, for an organisation to make its own from (`--template`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { ownTemplate } from '../dist/report/docx.js';

mkdirSync(new URL('../templates/', import.meta.url), { recursive: true });
writeFileSync(new URL('../templates/rapport.dotx', import.meta.url), await ownTemplate());
console.log('wrote templates/rapport.dotx');
