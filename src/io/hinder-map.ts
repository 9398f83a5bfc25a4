/**
 * A user's mapping of local reason labels or codes (`--hinder-map FILE`): two columns,
 * the local label or code and a reason as Socialstyrelsen names it (any spelling) or a group
 * id. A first line whose target resolves to nothing is taken as a header.
 */
import { InputError } from '../errors.js';
import * as msg from '../messages.js';
import { GROUPS, ReasonMatcher, resolveTarget } from '../domain/reasons.js';
import { readSmallCsv } from './small-csv.js';

export function loadHinderMap(path: string, matcher: ReasonMatcher): number {
  const records = readSmallCsv(path);
  let added = 0;
  records.forEach(({ fields: r, line }, i) => {
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
