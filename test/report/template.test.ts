/**
 * --template: rapport.docx takes a template's styles; bistand's own template (templates/rapport.dotx)
 * is what `npm run template` writes and defines every style the report names; a template without
 * one is named, a file that is no Word template is one line.
 */
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BistandError, formatError } from '../../src/errors.js';
import { ownTemplate, reportDocx } from '../../src/report/docx.js';
import type { ReportDocument } from '../../src/report/document.js';
import { readTemplate } from '../../src/report/template.js';
import { ROOT } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-template-'));
const SHIPPED = join(ROOT, 'templates/rapport.dotx');
const doc: ReportDocument = { title: 'Test', year: 2021, sections: [{ anchor: 'regionen', heading: 'Regionen', items: [] }], closing: 'Slut.' };

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof BistandError) return { line: formatError(e), exit: e.exitCode };
    throw e;
  }
  throw new Error('no error');
};

describe('--template', () => {
  it('the shipped template is what npm run template writes, a Word template with every style the report names', async () => {
    const shipped = readFileSync(SHIPPED);
    expect(Buffer.from(await ownTemplate()).equals(shipped)).toBe(true);
    const zip = await JSZip.loadAsync(shipped);
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('wordprocessingml.template.main+xml');
    expect(readTemplate(SHIPPED).missing).toEqual([]);
  });

  it("rapport.docx takes the template's styles", async () => {
    const styles = readTemplate(SHIPPED).styles.replace('w:val="1F3864"', 'w:val="00A000"');
    const zip = await JSZip.loadAsync(Buffer.from(await reportDocx(doc, new Map(), styles)));
    expect(await zip.file('word/styles.xml')!.async('string')).toBe(styles);
  });

  it('names the styles a template lacks', () => {
    const styles = readTemplate(SHIPPED).styles.replace(/<w:style [^>]*w:styleId="Draft"[\s\S]*?<\/w:style>/, '');
    const file = join(dir, 'no-draft.dotx');
    writeFileSync(file, zipSync({ 'word/styles.xml': new TextEncoder().encode(styles) }));
    expect(readTemplate(file).missing).toEqual(['Draft']);
  });

  it('a file that is no Word template: one line, exit 2', () => {
    const file = join(dir, 'not.dotx');
    writeFileSync(file, 'hej');
    const e = errorOf(() => readTemplate(file));
    expect(e.exit).toBe(2);
    expect(e.line).toMatch(/^bistand: --template .*not\.dotx: not a Word template \(no word\/styles\.xml in it\) — give a \.dotx or \.docx/);
    expect(e.line.split('\n')).toHaveLength(1);
  });
});
