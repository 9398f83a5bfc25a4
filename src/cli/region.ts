/** `--region`: a built-in region, or a file of municipality codes (one a line). */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import * as msg from '../messages.js';
import { Region, regionById } from '../domain/municipalities.js';
import { slugify } from '../domain/fold.js';
import { loadCounties, loadMunicipalities } from '../io/reference.js';
import { readSmallCsv } from '../io/small-csv.js';
import type { MuniGroup } from '../io/groups.js';
import { nameText } from '../text.js';

/** A region by name or file; with `groupsLater`, an unknown name waits for the --groups file (groupRegion). */
export function regionOf(v: string, groupsLater = false): Region {
  const builtIn = regionById(v) ?? riketOrCounty(v) ?? municipality(v);
  if (builtIn) return builtIn;
  if (existsSync(v)) return regionFile(v);
  // digits are a county code or nothing; a group is named by its id (G128683) or its title
  if (groupsLater && !/^\s*\d+\s*$/.test(v)) return { id: 'pending', name: v, codes: [], pending: v };
  throw new UsageError(msg.unknownRegion(v), msg.unknownRegionHint());
}

/** The region a --region name waiting for the groups file names: a group by its id or its title. */
export function groupRegion(r: Region, groups: readonly MuniGroup[] | undefined): Region {
  if (!r.pending) return r;
  const t = fold(r.pending);
  const g = groups?.find((x) => fold(x.id) === t || fold(x.title) === t || fold(x.title.replace(/\s*\((ovägt|vägt) medel\)\s*$/i, '')) === t);
  if (!g) throw new UsageError(msg.unknownRegion(r.pending), msg.unknownRegionHint());
  return { id: `grupp-${slugify(g.id)}`, name: g.title.replace(/\s*\((ovägt|vägt) medel\)\s*$/i, ''), codes: g.members };
}

const fold = (s: string) => s.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ');

/** `riket` (all 290), or a county by its two-digit code or its name (`12`, `Skåne län`, `Skåne`, `Region Skåne`). */
function riketOrCounty(v: string): Region | undefined {
  const munis = loadMunicipalities();
  const t = fold(v);
  if (t === 'riket' || t === 'sverige' || t === 'hela landet') return { id: 'riket', name: 'Riket', codes: munis.kommuner.map((k) => k.code) };
  const county = loadCounties().find((c) => c.code === v.trim().padStart(2, '0') && /^\d{1,2}$/.test(v.trim())) ?? loadCounties().find((c) => [c.name, c.authority, c.name.replace(/s? län$/, '')].some((n) => fold(n) === t));
  if (!county) return undefined;
  return { id: `lan-${county.code}`, name: county.name, codes: munis.kommuner.filter((k) => k.countyCode === county.code).map((k) => k.code) };
}

/**
 * One municipality by its code or name (`1481`, `Mölndal`): a report of its own, set against its
 * county and Riket. A name that is also a county's (`Jönköping`) is the county, as before; the
 * municipality is then given by its code.
 */
function municipality(v: string): Region | undefined {
  const munis = loadMunicipalities();
  const t = fold(v);
  const k = /^\d{4}$/.test(v.trim()) ? munis.byCode(v.trim()) : munis.kommuner.find((a) => fold(a.name) === t || fold(`${a.name} kommun`) === t);
  return k ? { id: `kommun-${k.code}`, name: k.name, codes: [k.code] } : undefined;
}

/**
 * A region from a file: one municipality code a line (a header line and `#` comments allowed).
 * A bad line, an unknown code or a code given twice is an error listing every one of them: a
 * region counted wrong is worse than none.
 */
function regionFile(path: string): Region {
  const munis = loadMunicipalities();
  const problems: string[] = [];
  let firstBad: number | undefined;
  const bad = (line: number, what: string) => {
    problems.push(what);
    firstBad ??= line;
  };
  const seen = new Map<string, number>();
  const recs = readSmallCsv(path).filter((r) => r.fields.some((f) => f.trim()) && !r.fields[0].trim().startsWith('#'));
  recs.forEach((r, i) => {
    const raw = r.fields[0].trim();
    // a header line: text without a digit
    if (i === 0 && !/\d/.test(raw)) return;
    if (!/^\d{4}$/.test(raw)) return bad(r.line, msg.regionBadLine(r.line, raw));
    if (!munis.byCode(raw)) return bad(r.line, msg.regionUnknownCode(r.line, raw));
    if (seen.has(raw)) return bad(r.line, msg.regionDuplicate(raw, seen.get(raw)!, r.line));
    seen.set(raw, r.line);
  });
  if (problems.length) throw new InputError({ file: path, line: firstBad }, problems.join('; '), msg.regionFileHint());
  if (!seen.size) throw new InputError({ file: path }, msg.regionEmpty(), msg.regionFileHint());
  const name = nameText(basename(path).replace(/\.[^.]+$/, ''), 80);
  // never a municipality's code: a file named 1481.txt must not stand in for Mölndal
  return { id: `region-${slugify(name)}`, name, codes: [...seen.keys()], file: path };
}
