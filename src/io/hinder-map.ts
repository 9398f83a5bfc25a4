/**
 * A user's mapping of local reason labels or codes (`--hinder-map FILE`): two columns,
 * the local label or code and a reason as Socialstyrelsen names it (any spelling) or a group
 * id. A first line whose target resolves to nothing is taken as a header.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { BistandError, InputError } from '../errors.js';
import * as msg from '../messages.js';
import { GROUPS, ReasonMatcher, resolveTarget } from '../domain/reasons.js';
import { detectDelimiter } from './csv-scan.js';
import { decode, hasUtf8Bom, isValidUtf8 } from './encoding.js';

export function loadHinderMap(path: string, matcher: ReasonMatcher): number {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BistandError(msg.cannotOpen(path, code), 1, msg.cannotOpenHint(code));
  }
  const text = hasUtf8Bom(bytes) ? decode(bytes.subarray(3), 'utf8') : decode(bytes, isValidUtf8(bytes) ? 'utf8' : 'windows-1252');
  const delimiter = detectDelimiter(text.split(/\r?\n/, 1)[0]);
  const records: string[][] = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
  let added = 0;
  records.forEach((r, i) => {
    const line = i + 1;
    if (r.length < 2 || !r[0] || !r[1]) throw new InputError({ file: path, line }, msg.mapBadLine(), msg.mapBadLineHint());
    const target = resolveTarget(r[1], matcher);
    if (target < 0) {
      if (i === 0) return; // a header line
      throw new InputError({ file: path, line, column: 2 }, msg.mapUnknownTarget(r[1]), msg.mapUnknownTargetHint(GROUPS.join(', ')));
    }
    matcher.addOverride(r[0], target);
    added++;
  });
  return added;
}
