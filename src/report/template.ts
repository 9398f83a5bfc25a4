/**
 * `--template FILE`: a Word template (.dotx, or a .docx) whose styles rapport.docx takes, so that
 * the report comes out in the organisation's own look. Only the styles are taken (word/styles.xml);
 * the styles the report uses by name are checked, and the ones the template lacks are named.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { BistandError } from '../errors.js';
import * as msg from '../messages.js';

/** The styles rapport.docx gives its paragraphs, by Word's style id. */
export const REPORT_STYLES = ['Title', 'Heading1', 'Heading2', 'Heading3', 'Caption', 'TableText', 'Note', 'Draft'] as const;

export interface Template {
  /** the template's word/styles.xml */
  styles: string;
  /** styles of REPORT_STYLES the template does not define (Word shows their paragraphs as Normal) */
  missing: string[];
}

export function readTemplate(file: string): Template {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new BistandError(msg.templateUnreadable(file, (e as NodeJS.ErrnoException).code ?? 'error'), 2, msg.templateHint());
  }
  let xml: Uint8Array | undefined;
  try {
    xml = unzipSync(bytes, { filter: (f) => f.name === 'word/styles.xml' })['word/styles.xml'];
  } catch {
    xml = undefined;
  }
  if (!xml) throw new BistandError(msg.templateNotWord(file), 2, msg.templateHint());
  const styles = new TextDecoder().decode(xml);
  const ids = new Set([...styles.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]));
  return { styles, missing: REPORT_STYLES.filter((s) => !ids.has(s)) };
}
