/**
 * Which of a survey's respondents a report may publish figures for (SPEC §3.3: no figure per
 * municipality, no group under 3, and no two published figures — in one report or across runs
 * with another region or focus — that differ by a group of under 3 respondents).
 *
 * The respondents are split once per survey file, whatever the report, into cells. First the
 * survey's own area: the smallest of the built-in regions (GR, the metropolitan three, a county,
 * Riket) that holds at least nine in ten of its respondents; a respondent outside it (a stray
 * answer from another county) counts in no figure. Within it, a municipality with at least MIN
 * respondents is a cell of its own and the others are pooled into one cell; a pool of 1 or 2
 * joins the smallest cell. Every group a figure is drawn from is a union of whole cells, and
 * within a figure only the answers of cells with at least MIN answers to it count. Any two
 * figures then differ by whole cells' answers, each of at least MIN respondents, whichever
 * region, focus or run they come from.
 */
import type { Respondent } from './survey.js';

export const MIN_GROUP = 3;

export interface SurveyCells {
  /** the survey's own area, by name */
  area: string;
  /** the cell of a municipality's respondents (its code, or the pool); undefined: in no figure */
  cellOf(kommun: string): string | undefined;
  /** municipalities that are cells of their own (a focus for D10 must be one) */
  own: ReadonlySet<string>;
}

/** The share of a survey's respondents its own area must hold. */
const AREA_SHARE = 0.9;

export function surveyCells(all: readonly Respondent[], areas: readonly { name: string; codes: readonly string[] }[], min = MIN_GROUP): SurveyCells {
  const counts = new Map<string, number>();
  for (const r of all) if (r.kommun) counts.set(r.kommun, (counts.get(r.kommun) ?? 0) + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const holds = (codes: readonly string[]) => codes.reduce((a, k) => a + (counts.get(k) ?? 0), 0);
  // the smallest area that holds nine in ten (the first of equal size, in the order given)
  const area = [...areas].sort((a, b) => a.codes.length - b.codes.length).find((a) => holds(a.codes) >= AREA_SHARE * total) ?? areas[areas.length - 1];
  const inArea = new Set(area?.codes ?? []);
  const here = [...counts].filter(([k]) => inArea.has(k));
  // smallest first, by code: the order the pool takes them in when it is too small
  const big = here.filter(([, n]) => n >= min).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  const small = here.filter(([, n]) => n < min);
  let pool = small.reduce((a, [, n]) => a + n, 0);
  const pooled = small.map(([k]) => k);
  while (pool > 0 && pool < min && big.length) {
    const [k, n] = big.shift()!;
    pool += n;
    pooled.push(k);
  }
  const cell = new Map<string, string>(big.map(([k]) => [k, k]));
  if (pool >= min) for (const k of pooled) cell.set(k, '*');
  return { area: area?.name ?? '', cellOf: (k) => cell.get(k), own: new Set(big.map(([k]) => k)) };
}

export interface RegionRespondents {
  /** the respondents who work in the region (and are in a cell) */
  rs: Respondent[];
  /** respondents of the file who work elsewhere, who name no municipality, and who work in the region but outside the survey's own area */
  outside: number;
  unknown: number;
  stray: number;
  /** the region takes part of a cell: its figures would differ from another report's by fewer than MIN */
  splitsCell: boolean;
}

/** The respondents of a region of municipality codes. */
export function regionRespondents(all: readonly Respondent[], codes: readonly string[], cells: SurveyCells): RegionRespondents {
  const inRegion = new Set(codes);
  const mine = all.filter((r) => r.kommun && inRegion.has(r.kommun));
  const rs = mine.filter((r) => cells.cellOf(r.kommun!) !== undefined);
  const taken = new Set(rs.map((r) => cells.cellOf(r.kommun!)));
  const splitsCell = all.some((r) => r.kommun && !inRegion.has(r.kommun) && taken.has(cells.cellOf(r.kommun)));
  return { rs, outside: all.filter((r) => r.kommun && !inRegion.has(r.kommun)).length, unknown: all.filter((r) => !r.kommun).length, stray: mine.length - rs.length, splitsCell };
}

/**
 * The respondents whose answer (`has`) counts in a figure: those of cells with at least MIN such
 * answers. The others are left out of it, in every report alike.
 */
export function countedAnswers(rs: readonly Respondent[], cells: SurveyCells, has: (r: Respondent) => boolean, min = MIN_GROUP): { kept: Respondent[]; left: number } {
  const byCell = new Map<string, Respondent[]>();
  for (const r of rs) {
    const cell = cells.cellOf(r.kommun!);
    if (cell !== undefined && has(r)) byCell.set(cell, [...(byCell.get(cell) ?? []), r]);
  }
  const kept = [...byCell.values()].filter((xs) => xs.length >= min).flat();
  const left = [...byCell.values()].filter((xs) => xs.length < min).reduce((a, xs) => a + xs.length, 0);
  // the respondents' own order, so that sums and means are the same whatever the cells' order
  const keep = new Set(kept);
  return { kept: rs.filter((r) => keep.has(r)), left };
}
