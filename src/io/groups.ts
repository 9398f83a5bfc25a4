/**
 * `--groups FILE`: groups of municipalities as Kolada lists them (`group_id, group_title,
 * member_id, member_title`), such as the "Liknande kommuner ekonomiskt bistånd, <kommun>" groups
 * each profile is compared with. A member that is not one of the 290 municipalities, or a file
 * without those columns, is an error at its line.
 */
import { InputError } from '../errors.js';
import * as msg from '../messages.js';
import type { Municipalities } from '../domain/municipalities.js';
import { readSmallCsv } from './small-csv.js';
import { nameText } from '../text.js';

export interface MuniGroup {
  id: string;
  title: string;
  members: string[];
}

const fold = (s: string) => s.trim().toLowerCase().normalize('NFC');

export function readGroups(path: string, munis: Municipalities): MuniGroup[] {
  const [head, ...recs] = readSmallCsv(path);
  const names = (head?.fields ?? []).map(fold);
  const col = (n: string) => names.indexOf(n);
  const [gid, gtitle, mid] = [col('group_id'), col('group_title'), col('member_id')];
  if (gid < 0 || gtitle < 0 || mid < 0) throw new InputError({ file: path, line: head?.line ?? 1 }, msg.groupsHeader(), msg.groupsHint());
  const groups = new Map<string, MuniGroup>();
  for (const r of recs) {
    const [id, title, member] = [r.fields[gid] ?? '', r.fields[gtitle] ?? '', (r.fields[mid] ?? '').padStart(4, '0')];
    if (!id) throw new InputError({ file: path, line: r.line, column: gid + 1 }, msg.groupsNoId(), msg.groupsHint());
    if (!munis.byCode(member)) throw new InputError({ file: path, line: r.line, column: mid + 1 }, msg.groupsMember(r.fields[mid] ?? ''), msg.groupsHint());
    const g = groups.get(id) ?? { id, title: nameText(title || id), members: [] };
    if (!g.members.includes(member)) g.members.push(member);
    groups.set(id, g);
  }
  if (!groups.size) throw new InputError({ file: path }, msg.groupsEmpty(), msg.groupsHint());
  return [...groups.values()];
}

/**
 * The municipality's "liknande kommuner" group: a group whose title names it after "Liknande
 * kommuner" (Kolada: "Liknande kommuner ekonomiskt bistånd, Ale, 2023"); the group does not hold
 * the municipality itself.
 */
export function similarGroupOf(groups: readonly MuniGroup[], name: string): MuniGroup | undefined {
  const n = fold(name);
  return groups.find((g) => /^liknande kommuner/i.test(g.title) && g.title.split(',').slice(1).some((part) => fold(part) === n));
}
