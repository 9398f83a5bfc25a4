/**
 * SCB's PxWebApi 2.0 (docs/apis.md §2): the population of the report's areas, total and by single
 * years of age (18+ is summed when read), each year from the table that has it — found through
 * the API's table search, not named here: SCB gives 1968–2024 in one table (TAB638, exact) and
 * 2025 on in another (TAB5557, with Cell Key noise), with different codes. Each table's own codes
 * are read from its metadata; a selection larger than `/config`'s cells per call is split by region;
 * requests are spaced by its calls per time window.
 */
import { BistandError } from '../errors.js';
import * as msg from '../messages.js';
import type { Service } from './http.js';

export const SCB_URL = 'https://statistikdatabasen.scb.se/api/v2';

/** The population tables' title, as the table search finds them. */
export const POPULATION_QUERY = 'Folkmängden efter region, civilstånd, ålder och kön';

interface Dimension {
  category: { index: Record<string, number> | string[]; label?: Record<string, string> };
  extension?: { elimination?: boolean };
}
interface Dataset {
  id: string[];
  dimension: Record<string, Dimension>;
}

export interface ScbRequest {
  table: string;
  url: string;
  body: { selection: { variableCode: string; valueCodes: string[] }[] };
}

/** The limits of `/config`: cells a call, calls a time window (s). */
export async function scbLimits(service: Service, base: string): Promise<{ maxCells: number }> {
  const c = (await service.json(`${base}/config`)) as Record<string, unknown>;
  const maxCells = Number(c.maxDataCells);
  const calls = Number(c.maxCallsPerTimeWindow);
  const window = Number(c.timeWindow);
  if (!(maxCells > 0)) throw shape(service, `${base}/config`, 'no "maxDataCells"');
  // a call every window/calls seconds keeps under the limit whatever else this process asks
  if (calls > 0 && window > 0) service.gap = Math.ceil((window * 1000) / calls);
  return { maxCells };
}

const shape = (service: Service, url: string, field: string) => new BistandError(msg.fetchShape(service.name, url, field), 1, msg.fetchShapeHint());

/** The population tables the search finds, newest first. */
export async function populationTables(service: Service, base: string): Promise<{ id: string; updated: string }[]> {
  const url = `${base}/tables?lang=sv&pageSize=100&query=${encodeURIComponent(POPULATION_QUERY)}`;
  const answer = (await service.json(url)) as { tables?: unknown };
  if (!Array.isArray(answer?.tables)) throw shape(service, url, 'no "tables" list');
  return (answer.tables as Record<string, unknown>[])
    .filter((t) => typeof t.id === 'string' && typeof t.label === 'string' && t.label.startsWith(POPULATION_QUERY) && !t.discontinued)
    .map((t) => ({ id: t.id as string, updated: String(t.updated ?? '') }))
    .sort((a, b) => b.updated.localeCompare(a.updated));
}

/** A dimension's codes in the table's order (its index an object code → position, or a list). */
function codesOf(d: Dimension): string[] {
  const index = d.category.index;
  return Array.isArray(index) ? index : Object.keys(index).sort((a, b) => index[a] - index[b]);
}
const labelOf = (d: Dimension, code: string) => (d.category.label?.[code] ?? code).toLowerCase();
const totalOf = (d: Dimension) => codesOf(d).find((c) => labelOf(d, c).startsWith('totalt'));

/**
 * The selection of one table for the areas and years it has: every region asked, ages 18 and up
 * as single years and the table's total of all ages, both sexes (or their total), all marital
 * states (or their total), the population count. Undefined when the table has none of the years.
 */
export function populationSelection(meta: Dataset, areas: readonly string[], years: readonly number[]): { years: number[]; selection: ScbRequest['body']['selection'] } | undefined {
  const dims = meta.dimension;
  const find = (re: RegExp) => meta.id.find((id) => re.test(id));
  const [region, age, sex, time, contents] = [find(/^region$/i), find(/^(alder|ålder)$/i), find(/^(kon|kön)$/i), find(/^tid$/i), find(/^contentscode$/i)];
  if (!region || !age || !time || !contents) return undefined;
  const has = new Set(codesOf(dims[time]));
  const mine = years.filter((y) => has.has(String(y)));
  if (!mine.length) return undefined;
  const regions = codesOf(dims[region]).filter((c) => areas.includes(c));
  const ages = codesOf(dims[age]);
  const single = ages.filter((c) => /^\d+$/.test(c) && Number(c) >= 18);
  // 100 and over: the code whose label is "100+ år" (TAB638 "100+", TAB5557 "100+1")
  const oldest = ages.find((c) => /^100\+/.test(c) && /^100\+ år$/.test(labelOf(dims[age], c)));
  const allAges = totalOf(dims[age]);
  const count = codesOf(dims[contents]).find((c) => labelOf(dims[contents], c) === 'folkmängd');
  if (!count || !allAges || !oldest) return undefined;
  const selection = [
    { variableCode: region, valueCodes: regions },
    { variableCode: age, valueCodes: [...single, oldest, allAges] },
    { variableCode: contents, valueCodes: [count] },
    { variableCode: time, valueCodes: mine.map(String) },
  ];
  for (const id of meta.id) {
    if ([region, age, time, contents].includes(id)) continue;
    // sex and marital state: their total where the table has one, else every part (summed when read)
    const total = totalOf(dims[id]);
    if (id === sex || dims[id].extension?.elimination === false) selection.push({ variableCode: id, valueCodes: total ? [total] : codesOf(dims[id]) });
    else if (total) selection.push({ variableCode: id, valueCodes: [total] });
    else selection.push({ variableCode: id, valueCodes: codesOf(dims[id]) });
  }
  return { years: mine, selection };
}

/** The requests for one table's selection: split by region where it is more cells than a call may ask. */
export function dataRequests(base: string, table: string, selection: ScbRequest['body']['selection'], maxCells: number): ScbRequest[] {
  const cells = selection.reduce((n, s) => n * s.valueCodes.length, 1);
  const regions = selection[0].valueCodes;
  const perRegion = cells / Math.max(1, regions.length);
  const size = Math.max(1, Math.floor(maxCells / perRegion));
  const url = `${base}/tables/${table}/data?lang=sv&outputFormat=json-stat2`;
  const out: ScbRequest[] = [];
  for (let i = 0; i < regions.length; i += size) out.push({ table, url, body: { selection: [{ ...selection[0], valueCodes: regions.slice(i, i + size) }, ...selection.slice(1)] } });
  return out;
}

/**
 * Every request of the population for `areas` (SCB's codes: 00 Riket, two-digit counties,
 * four-digit municipalities) and `years`: each year from the newest table that has it.
 */
export async function populationRequests(service: Service, base: string, areas: readonly string[], years: readonly number[]): Promise<{ requests: ScbRequest[]; missing: number[] }> {
  const { maxCells } = await scbLimits(service, base);
  const requests: ScbRequest[] = [];
  let left = [...years];
  for (const t of await populationTables(service, base)) {
    if (!left.length) break;
    const url = `${base}/tables/${t.id}/metadata?lang=sv`;
    const meta = (await service.json(url)) as Dataset;
    if (!meta || !Array.isArray(meta.id) || !meta.dimension) throw shape(service, url, 'no "id" and "dimension" (JSON-stat 2.0)');
    const sel = populationSelection(meta, areas, left);
    if (!sel) continue;
    requests.push(...dataRequests(base, t.id, sel.selection, maxCells));
    left = left.filter((y) => !sel.years.includes(y));
  }
  return { requests, missing: left };
}
