/**
 * Population (SCB BE0101, 31 December): inhabitants per area and year, in total and aged 18 or
 * more, as SCB's exports write them (SPEC §3.2):
 *
 *   CSV, long (`region, ålder, kön, år, folkmängd`) or years wide (`Folkmängd 2019`, `2019`), or
 *   tidy (`kommun, år, folkmängd, folkmängd 18+`); PxWeb API v1 JSON; JSON-stat 2.0
 *       ──► cells: area × year × sex × age (a total, one age, or a group)        cellsOf…
 *       ──► per area, year and sex: the total as given, else the ages summed; 18+ as given,
 *           else single ages or groups that tile 18… exactly; K + M summed to T  aggregate
 *
 * Regions as codes, names or `0180 Stockholm`, `14 Västra Götalands län`, `00 Riket`.
 */
import { Area } from '../../domain/municipalities.js';
import { Status, TidyRow, parseSex } from '../../domain/tidy.js';
import { InputError } from '../../errors.js';
import * as msg from '../../messages.js';
import { ReadContext, Rec, areaOf, foldHeader, roleOfDimension, row, valueAt, yearIn } from './records.js';
import { isTitle } from './sdb.js';
import { type Age, OPEN, parseAge } from '../../domain/ages.js';
export { parseAge, type Age } from '../../domain/ages.js';
import { type PxCube, cubePicks, pxCells } from './pcaxis.js';

export const POPULATION = 'population';
export const POPULATION_ADULTS = 'population_18plus';

const AREA = ['region', 'kommun', 'kommunkod', 'kommun_kod', 'kod', 'code', 'kommun_code', 'municipality', 'municipality_id', 'omrade', 'lan', 'kommun_namn', 'kommunnamn'];
const YEAR = ['ar', 'year', 'period', 'tid'];
const AGE = ['alder', 'age', 'aldersgrupp'];
const SEX = ['kon', 'sex', 'gender'];

function measureOfHeader(h: string): 'total' | 'adults' | undefined {
  const f = foldHeader(h);
  if (/(?<!\d)18(?!\d)|vuxna|adult/.test(f)) return 'adults';
  if (/folkmangd|befolkning|population|invanare|inhabitants|total/.test(f)) return 'total';
  return undefined;
}

const yearOfHeader = (h: string) => /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(h)?.[1];

/** One value of the input. */
export interface PopCell {
  area: Area;
  year: string;
  sex: 'T' | 'K' | 'M';
  age: Age;
  v: { value: number | null; status: Status };
  at: { line: number; column: number; header: string };
}

export function looksLikePopulation(header: string[]): boolean {
  const folded = header.map(foldHeader);
  if (!folded.some((h) => AREA.includes(h))) return false;
  if (header.some((h) => measureOfHeader(h) !== undefined)) return true;
  // bare years wide: `region, ålder, 2019, 2020` (without an age column such a table is
  // Statistikdatabasen's: `--as population` reads it as population)
  return folded.some((h) => AGE.includes(h)) && header.some((h) => yearOfHeader(h) === h.trim());
}

/** `0180 Stockholm`, `14 Västra Götalands län`, `00 Riket`, a bare code, or a name. */
function areaOfLabel(raw: string, ctx: ReadContext, line: number, column: number): Area | undefined {
  const t = raw.trim();
  const m = /^(\d{2}|\d{4})\s+(\S.*)$/.exec(t);
  if (m) return areaOf(m[1], m[2], ctx, line, column);
  return areaOf(/^\d{2,4}$/.test(t) ? t : '', t, ctx, line, column);
}

/** A count of inhabitants: −5 or 2,5 is a broken file (0 may be an age group's; a total of 0 is refused later). */
function checked(v: { value: number | null; status: Status }, raw: string, ctx: ReadContext, line: number, column: number, header: string) {
  if (v.status === 'ok' && !(Number.isInteger(v.value) && v.value! >= 0)) throw new InputError({ file: ctx.file, line, column, columnName: header }, msg.badPopulation(raw), msg.badPopulationHint());
  return v;
}

function sexOf(raw: string, ctx: ReadContext, line: number, column: number, header: string): 'T' | 'K' | 'M' {
  const s = parseSex(raw.replace(/^\s*\d\s+/, ''));
  if (!s) throw new InputError({ file: ctx.file, line, column, columnName: header }, msg.badSex(raw), msg.badSexHint());
  return s;
}

function ageOf(raw: string, ctx: ReadContext, line: number, column: number, header: string): Age {
  const a = parseAge(raw);
  if (!a) throw new InputError({ file: ctx.file, line, column, columnName: header }, msg.badAgeLabel(raw), msg.badAgeLabelHint());
  return a;
}

/** CSV records (any of the layouts above) as cells. */
export function cellsOfRecords(records: Rec[], ctx: ReadContext): PopCell[] {
  const title = isTitle(records) ? records[0].fields.join(' ') : '';
  const [head, ...data] = title ? records.slice(1) : records;
  const folded = head.fields.map(foldHeader);
  const areaCol = folded.findIndex((h) => AREA.includes(h));
  const yearCol = folded.findIndex((h) => YEAR.includes(h));
  const ageCol = folded.findIndex((h) => AGE.includes(h));
  const sexCol = folded.findIndex((h) => SEX.includes(h));
  const fixed = new Set([areaCol, yearCol, ageCol, sexCol]);
  // a value column: a year wide (`Folkmängd 2019`, `2019`), else a measure (`folkmängd 18+`)
  const columns = head.fields.flatMap((h, i) => {
    if (fixed.has(i)) return [];
    const year = yearCol < 0 ? yearOfHeader(h) : undefined;
    const measure = measureOfHeader(h);
    if (!year && !measure) return [];
    return [{ i, header: h, year, adults: measure === 'adults' }];
  });
  const fallbackYear = ctx.period ?? yearIn(title);
  const cells: PopCell[] = [];
  for (const r of data) {
    const f = (i: number) => r.fields[i] ?? '';
    const area = areaOfLabel(f(areaCol), ctx, r.line, areaCol + 1);
    if (!area) continue;
    const sex = sexCol >= 0 ? sexOf(f(sexCol), ctx, r.line, sexCol + 1, head.fields[sexCol]) : 'T';
    const rowAge = ageCol >= 0 ? ageOf(f(ageCol), ctx, r.line, ageCol + 1, head.fields[ageCol]) : undefined;
    for (const c of columns) {
      const year = c.year ?? (yearCol >= 0 ? f(yearCol).trim() : fallbackYear);
      if (!year) throw new InputError({ file: ctx.file, line: r.line }, msg.noPeriod('a population'), msg.noPeriodHint());
      const age: Age = rowAge ?? (c.adults ? { from: 18, to: OPEN } : { all: true });
      const raw = f(c.i);
      const v = checked(valueAt(raw, ctx, r.line, c.i + 1, c.header), raw, ctx, r.line, c.i + 1, c.header);
      // a total or an 18+ of 0 inhabitants is a broken file (an age group's 0 is not)
      const whole = 'all' in age || (age.from === 18 && age.to === OPEN);
      if (whole && v.status === 'ok' && v.value === 0) throw new InputError({ file: ctx.file, line: r.line, column: c.i + 1, columnName: c.header }, msg.badPopulation(raw), msg.badPopulationHint());
      cells.push({ area, year, sex, age, v, at: { line: r.line, column: c.i + 1, header: c.header } });
    }
  }
  return cells;
}

/** An age code as PxWeb writes it (`tot`, `18`, `100+`, `15-19`) or its label. */
function ageOfCode(code: string, label: string): Age | undefined {
  return parseAge(/^\d/.test(code) ? code : label) ?? parseAge(label) ?? (/^tot/i.test(code) ? { all: true } : undefined);
}

function sexOfCode(code: string, label: string): 'T' | 'K' | 'M' | undefined {
  return code === '1' ? 'M' : code === '2' ? 'K' : code === '1+2' ? 'T' : parseSex(label) ?? parseSex(code);
}

/** A JSON value of a population cell. */
function jsonValue(raw: unknown, status: string | undefined, ctx: ReadContext, where: string): { value: number | null; status: Status } {
  const text = raw === null || raw === undefined ? (status ?? '..') : String(raw);
  const v = valueAt(text, ctx, 0, 0, where);
  if (v.status === 'ok' && !(Number.isInteger(v.value) && v.value! >= 0)) throw new InputError({ file: ctx.file }, `${where}: ${msg.badPopulation(text)}`, msg.badPopulationHint());
  // a 0 is a part's (no widows of age 0); of a whole area and year, see positive()
  ctx.zeroIsMissing = true;
  return v as { value: number | null; status: Status };
}

export function looksLikePxWebJson(doc: unknown): boolean {
  const d = doc as { columns?: unknown; data?: unknown };
  return Boolean(d && typeof d === 'object' && Array.isArray(d.columns) && Array.isArray(d.data));
}

export function looksLikeJsonStat(doc: unknown): boolean {
  const d = doc as { class?: unknown; id?: unknown; dimension?: unknown };
  return Boolean(d && typeof d === 'object' && d.class === 'dataset' && Array.isArray(d.id) && d.dimension && typeof d.dimension === 'object');
}

/** PxWeb API v1: `{columns:[{code,text,type}], data:[{key:[…], values:[…]}]}`: its keys a cube's, its value columns the contents. */
export function cellsOfPxWeb(doc: unknown, ctx: ReadContext): PopCell[] {
  const d = doc as { columns: { code: string; text: string; type?: string }[]; data: { key: string[]; values: (string | null)[] }[] };
  const keyCols = d.columns.filter((c) => c.type !== 'c');
  const valueCols = d.columns.filter((c) => c.type === 'c');
  const dims: CubeDim[] = keyCols.map((c, k) => {
    const codes = [...new Set(d.data.map((e) => e.key[k]))];
    return { role: c.type === 't' ? 'year' : roleOfDimension(c.code, c.text), codes, labels: codes };
  });
  // the value columns as the contents dimension (a value column of another measure is left out)
  const contents: CubeDim = { role: 'content', codes: valueCols.map((c) => c.code), labels: valueCols.map((c) => c.text) };
  const index = dims.map((x) => new Map(x.codes.map((c, i) => [c, i])));
  function* cells() {
    for (const e of d.data) {
      const pick = e.key.map((k, i) => index[i].get(k)!);
      for (let v = 0; v < (valueCols.length || 1); v++) yield { pick: valueCols.length ? [...pick, v] : pick, raw: e.values[v] };
    }
  }
  if (!dims.some((x) => x.role === 'area')) throw new InputError({ file: ctx.file }, `data[0]: ${msg.koladaField('key')}`, msg.noAreaHint());
  return cellsOfCube(valueCols.length ? [...dims, contents] : dims, cells(), 'PxWeb JSON', ctx);
}

interface JsonStatDimension {
  label?: string;
  category: { index?: string[] | Record<string, number>; label?: Record<string, string> };
}

/** JSON-stat 2.0 (PxWeb API v2): dimensions in `id` order, values row-major, the last fastest. */
export function cellsOfJsonStat(doc: unknown, ctx: ReadContext): PopCell[] {
  const d = doc as { id: string[]; size: number[]; dimension: Record<string, JsonStatDimension>; value: (number | null)[] | Record<string, number | null>; status?: string[] | Record<string, string> };
  const codesOf = (dim: JsonStatDimension): string[] => {
    const idx = dim.category.index;
    if (Array.isArray(idx)) return idx;
    if (idx) return Object.entries(idx).sort((a, b) => a[1] - b[1]).map(([k]) => k);
    return Object.keys(dim.category.label ?? {});
  };
  const dims = d.id.map((id): CubeDim => {
    const dim = d.dimension[id];
    if (!dim?.category) throw new InputError({ file: ctx.file }, `dimension ${id}: ${msg.koladaField('category')}`, msg.noAreaHint());
    const codes = codesOf(dim);
    return { role: roleOfDimension(id, dim.label ?? ''), codes, labels: codes.map((c) => dim.category.label?.[c] ?? c) };
  });
  const sizes = d.size ?? dims.map((x) => x.codes.length);
  // SCB's Cell Key Method (2025 on): the parts need not sum to the totals it also gives
  if (/cell key method|\bCKM\b|kontrollerad slumpm|summan av deras redovisade delar/i.test(JSON.stringify((doc as { note?: unknown }).note ?? ''))) ctx.noise = true;
  const valueAtIndex = (i: number) => (Array.isArray(d.value) ? d.value[i] : d.value[String(i)]);
  const statusAt = (i: number) => (Array.isArray(d.status) ? d.status[i] : d.status?.[String(i)]);
  function* cells() {
    let i = 0;
    for (const pick of cubePicks(sizes)) yield { pick, raw: valueAtIndex(i), status: statusAt(i++) };
  }
  return cellsOfCube(dims, cells(), 'JSON-stat', ctx);
}

/** A PC-Axis table's cells (pcaxis.ts): its variables named as SCB names them, TIMEVAL the years. */
export function cellsOfPcAxis(cube: PxCube, ctx: ReadContext): PopCell[] {
  const dims = cube.variables.map((v): CubeDim => ({ role: v.time ? 'year' : roleOfDimension(v.code ?? '', v.name), codes: v.codes, labels: v.labels }));
  if (!dims.some((x) => x.role === 'area')) throw new InputError({ file: ctx.file }, msg.noArea(), msg.noAreaHint());
  // a table of something else (land use in hectares) given as the population: refused, not read as inhabitants
  const content = dims.find((x) => x.role === 'content');
  const isPopulation = (text: string) => measureOfHeader(text) !== undefined || /be0101/i.test(text);
  if (content ? !content.codes.some((c, i) => isPopulation(`${c} ${content.labels[i]}`)) : !isPopulation(`${cube.contents} ${cube.title}`)) throw new InputError({ file: ctx.file }, msg.pxNotPopulation(cube.title), msg.pxNotPopulationHint());
  return cellsOfCube(dims, pxCells(cube), 'PC-Axis', ctx);
}

/** A dimension of a cube (JSON-stat, PC-Axis) and the role it plays for a population. */
interface CubeDim {
  role: ReturnType<typeof roleOfDimension>;
  codes: string[];
  labels: string[];
}

/** A time code's year and month: `2021`, `2026M04`, `2021K4` (a quarter's last month). */
function timeOf(code: string): { year: string; month: number } | undefined {
  const m = /^((?:19|20)\d{2})(?:([MK])(\d{1,2}))?$/.exec(code.trim());
  if (!m) return undefined;
  return { year: m[1], month: m[2] === 'M' ? Number(m[3]) : m[2] === 'K' ? Number(m[3]) * 3 : 12 };
}

/**
 * The population cells of a cube. A dimension the population does not depend on (marital
 * status, country of birth) is its total where the cube has one, else summed; of a table by
 * month or quarter, each year's latest (the population at the end of the year when it has December).
 */
function cellsOfCube(dims: CubeDim[], cells: Iterable<{ pick: number[]; raw: unknown; status?: string }>, format: string, ctx: ReadContext): PopCell[] {
  const at = (role: string, pick: number[]) => {
    const k = dims.findIndex((x) => x.role === role);
    return k < 0 ? undefined : { code: dims[k].codes[pick[k]], label: dims[k].labels[pick[k]] };
  };
  // a total of each other dimension, when the cube has one (then the parts are left out)
  const others = dims.map((x) => (x.role === undefined ? x.codes.findIndex((c, i) => /^(tot|totalt?|samtliga|alla)\b/i.test(c) || /^(tot|totalt?|samtliga|alla)\b/i.test(x.labels[i])) : -2));
  const byKey = new Map<string, PopCell & { month: number }>();
  for (const { pick, raw, status } of cells) {
    if (others.some((t, k) => t >= 0 && pick[k] !== t)) continue;
    const content = at('content', pick);
    if (content && measureOfHeader(`${content.code} ${content.label}`) === undefined && !/be0101/i.test(content.code)) continue;
    const a = at('area', pick);
    if (!a) throw new InputError({ file: ctx.file }, msg.noArea(), msg.noAreaHint());
    const area = areaOf(/^\d{1,4}$/.test(a.code) ? a.code : /^\d{2,4} /.test(a.label) ? a.label.split(' ')[0] : '', a.label.replace(/^\d{2,4} /, ''), ctx, 0, 0);
    if (!area) continue;
    const where = `${a.label}`;
    const ag = at('age', pick);
    const age = ag ? ageOfCode(ag.code, ag.label) : { all: true as const };
    if (!age) throw new InputError({ file: ctx.file }, `${where}: ${msg.badAgeLabel(ag!.label)}`, msg.badAgeLabelHint());
    const sx = at('sex', pick);
    const sex = sx ? sexOfCode(sx.code, sx.label) : 'T';
    if (!sex) throw new InputError({ file: ctx.file }, `${where}: ${msg.badSex(sx!.label)}`, msg.badSexHint());
    const timeCode = at('year', pick)?.code ?? ctx.period;
    const time = timeCode === undefined ? undefined : timeOf(timeCode) ?? (/^\d{4}/.test(timeCode) ? { year: timeCode.slice(0, 4), month: 12 } : undefined);
    if (!time) throw new InputError({ file: ctx.file }, `${where}: ${msg.noPeriod(format)}`, msg.noPeriodHint());
    const v = jsonValue(raw, status, ctx, `${where} ${timeCode}`);
    const key = `${area.code}|${time.year}|${time.month}|${sex}|${ageText(age)}`;
    const same = byKey.get(key);
    // another category of a dimension without a total: summed
    if (same) same.v = sum([same, { ...same, v }]);
    else byKey.set(key, { area, year: time.year, sex, age, v, at: { line: 0, column: 0, header: 'value' }, month: time.month });
  }
  const latest = new Map<string, number>();
  for (const c of byKey.values()) latest.set(`${c.area.code}|${c.year}`, Math.max(latest.get(`${c.area.code}|${c.year}`) ?? 0, c.month));
  const out = [...byKey.values()].filter((c) => c.month === latest.get(`${c.area.code}|${c.year}`));
  if (out.some((c) => c.month !== 12)) ctx.months = [...new Set(out.filter((c) => c.month !== 12).map((c) => `${c.year}-${String(c.month).padStart(2, '0')}`))];
  return out.map(({ month: _, ...c }) => c);
}

/** Parts summed: a part not ok makes the sum that part's status (a hidden part hides the sum). */
function sum(parts: PopCell[]): PopCell['v'] {
  const bad = parts.find((p) => p.v.status !== 'ok');
  if (bad) return { value: null, status: bad.v.status };
  return { value: parts.reduce((s, p) => s + p.v.value!, 0), status: 'ok' };
}

/** Ages that tile from…∞ exactly, single years first; undefined when they do not. */
function tiling(ranges: PopCell[], from: number): PopCell[] | undefined {
  const out: PopCell[] = [];
  let at = from;
  while (at !== OPEN) {
    const next = ranges.filter((c) => 'from' in c.age && c.age.from === at).sort((a, b) => ('to' in a.age ? a.age.to : 0) - ('to' in b.age ? b.age.to : 0))[0];
    if (!next || !('to' in next.age)) return undefined;
    out.push(next);
    at = next.age.to === OPEN ? OPEN : next.age.to + 1;
  }
  return out;
}

const ageText = (a: Age) => ('all' in a ? 'totalt' : a.to === OPEN ? `${a.from}+` : a.from === a.to ? `${a.from}` : `${a.from}-${a.to}`);

/** The cells as tidy rows: total and 18+ per area, year and sex; T from K + M when not given. */
export function aggregate(cells: PopCell[], ctx: ReadContext): TidyRow[] {
  const groups = new Map<string, PopCell[]>();
  for (const c of cells) {
    const k = `${c.area.code}|${c.year}|${c.sex}`;
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  // T from K and M where the input gives no total over the sexes
  for (const [k, g] of [...groups]) {
    const [code, year, sex] = k.split('|');
    if (sex !== 'K' || groups.has(`${code}|${year}|T`)) continue;
    const men = groups.get(`${code}|${year}|M`);
    if (!men) continue;
    const both: PopCell[] = [];
    for (const w of g) {
      const m = men.find((x) => ageText(x.age) === ageText(w.age));
      if (m) both.push({ ...w, sex: 'T', v: sum([w, m]) });
    }
    groups.set(`${code}|${year}|T`, both);
  }
  const out: TidyRow[] = [];
  // areas and years in input order; within each, T, K, M
  const bases = [...new Set([...groups.keys()].map((k) => k.slice(0, k.lastIndexOf('|'))))];
  const keys = bases.flatMap((b) => ['T', 'K', 'M'].map((s) => `${b}|${s}`).filter((k) => groups.has(k)));
  for (const k of keys) {
    const g = groups.get(k)!;
    const first = g[0];
    const ranges = g.filter((c) => 'from' in c.age);
    const total = g.find((c) => 'all' in c.age);
    const allAges = total ? undefined : tiling(ranges, 0);
    const totalV = total?.v ?? (allAges ? sum(allAges) : undefined);
    if (totalV) out.push(positive(row(first.area, POPULATION, first.year, first.sex, totalV, {}, { line: (total ?? first).at.line, column: (total ?? first).at.column }), ctx));
    const adults = g.find((c) => 'from' in c.age && c.age.from === 18 && c.age.to === OPEN);
    const parts = adults ? [adults] : tiling(ranges, 18);
    if (parts) out.push(positive(row(first.area, POPULATION_ADULTS, first.year, first.sex, adults?.v ?? sum(parts), {}, { line: (adults ?? parts[0]).at.line, column: (adults ?? parts[0]).at.column }), ctx));
    else if (ranges.length && totalV) {
      // ten-year groups (TAB6471's 10-19, 20-29): the population of all ages, not of adults
      ctx.noAdults ??= [...new Set(ranges.map((c) => ageText(c.age)))];
    } else if (ranges.length) {
      const at = ranges[0].at;
      const given = [...new Set(ranges.map((c) => ageText(c.age)))];
      throw new InputError({ file: ctx.file, line: at.line || undefined, column: at.column || undefined }, msg.ageGroupsNot18(first.area.name, first.year, given), msg.ageGroupsNot18Hint());
    }
  }
  return out;
}

/**
 * A population of 0 is a broken file, not a denominator; but SCB's API and PC-Axis tables write 0
 * for a municipality in the years before it existed (Knivsta before 2003): no inhabitants to count,
 * not a population of none.
 */
function positive(r: TidyRow, ctx: ReadContext): TidyRow {
  if (r.status === 'ok' && r.value === 0 && ctx.zeroIsMissing) {
    ctx.zeros = (ctx.zeros ?? 0) + 1;
    return { ...r, value: null, status: 'not_applicable' };
  }
  if (r.status === 'ok' && r.value === 0) throw new InputError({ file: ctx.file, line: r.at?.line || undefined, column: r.at?.column || undefined }, `${r.kommunName} ${r.period}: ${msg.badPopulation('0')}`, msg.badPopulationHint());
  return r;
}

export function readPopulation(records: Rec[], ctx: ReadContext): TidyRow[] {
  return finish(aggregate(cellsOfRecords(records, ctx), ctx), ctx);
}

export function readPopulationPx(cube: PxCube, ctx: ReadContext): TidyRow[] {
  return finish(aggregate(cellsOfPcAxis(cube, ctx), ctx), ctx);
}

export function readPopulationJson(doc: unknown, ctx: ReadContext): TidyRow[] {
  return finish(aggregate(looksLikeJsonStat(doc) ? cellsOfJsonStat(doc, ctx) : cellsOfPxWeb(doc, ctx), ctx), ctx);
}

/** A population file that gives no value is an error, never "0 values" and exit 0. */
function finish(rows: TidyRow[], ctx: ReadContext): TidyRow[] {
  if (!rows.some((r) => r.status === 'ok')) throw new InputError({ file: ctx.file }, msg.noPopulation(), msg.noPopulationHint());
  return rows;
}
