/**
 * Which of a survey's respondents a report may publish figures for (SPEC §3.3: no figure per
 * municipality, no group under 3, and no two published figures — in one report or across runs
 * with another region or focus — that differ by a group of under 3 respondents).
 *
 * The respondents are split once per survey file, whatever the report, into cells: a
 * municipality with at least MIN respondents is a cell of its own; the others are pooled into one
 * cell (when that pool would have 1 or 2, the smallest municipality cell joins it). Every group a
 * figure is drawn from is a union of whole cells, and within a figure only the answers of cells
 * with 0 or at least MIN answers to it count. Any two figures then differ by whole cells'
 * answers, each of at least MIN respondents, whichever region, focus or run they come from.
 */
import type { Respondent } from './survey.js';

export const MIN_GROUP = 3;

const POOL = '*';

export interface SurveyCells {
  /** the cell of a municipality's respondents: its code, or the pool */
  cellOf(kommun: string): string;
  /** municipalities that are cells of their own (a focus for D10 must be one) */
  own: ReadonlySet<string>;
}

export function surveyCells(all: readonly Respondent[], min = MIN_GROUP): SurveyCells {
  const counts = new Map<string, number>();
  for (const r of all) if (r.kommun) counts.set(r.kommun, (counts.get(r.kommun) ?? 0) + 1);
  // smallest first, by code: the order the pool takes them in when it is too small
  const own = [...counts].filter(([, n]) => n >= min).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  let pool = [...counts.values()].filter((n) => n < min).reduce((a, b) => a + b, 0);
  while (pool > 0 && pool < min && own.length) pool += own.shift()![1];
  const owns = new Set(own.map(([k]) => k));
  return { cellOf: (k) => (owns.has(k) ? k : POOL), own: owns };
}

export interface RegionRespondents {
  /** the respondents who work in the region */
  rs: Respondent[];
  /** respondents of the file who work elsewhere, and those whose municipality the answer does not say */
  outside: number;
  unknown: number;
  /** the region takes part of a cell: its figures would differ from another report's by fewer than MIN */
  splitsCell: boolean;
}

/** The respondents of a region of municipality codes. */
export function regionRespondents(all: readonly Respondent[], codes: readonly string[], cells: SurveyCells): RegionRespondents {
  const inRegion = new Set(codes);
  const rs = all.filter((r) => r.kommun && inRegion.has(r.kommun));
  const taken = new Set(rs.map((r) => cells.cellOf(r.kommun!)));
  const splitsCell = all.some((r) => r.kommun && !inRegion.has(r.kommun) && taken.has(cells.cellOf(r.kommun)));
  return { rs, outside: all.filter((r) => r.kommun && !inRegion.has(r.kommun)).length, unknown: all.filter((r) => !r.kommun).length, splitsCell };
}

/**
 * The respondents whose answer (`has`) counts in a figure: those of cells with at least MIN such
 * answers. The others are left out of it, in every report alike.
 */
export function countedAnswers(rs: readonly Respondent[], cells: SurveyCells, has: (r: Respondent) => boolean, min = MIN_GROUP): { kept: Respondent[]; left: number } {
  const byCell = new Map<string, Respondent[]>();
  for (const r of rs) if (has(r)) byCell.set(cells.cellOf(r.kommun!), [...(byCell.get(cells.cellOf(r.kommun!)) ?? []), r]);
  const kept = [...byCell.values()].filter((xs) => xs.length >= min).flat();
  const left = [...byCell.values()].filter((xs) => xs.length < min).reduce((a, xs) => a + xs.length, 0);
  // the respondents' own order, so that sums and means are the same whatever the cells' order
  const keep = new Set(kept);
  return { kept: rs.filter((r) => keep.has(r)), left };
}
