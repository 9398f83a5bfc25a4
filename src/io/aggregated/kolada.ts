/**
 * Kolada: API v3 JSON (one response, an array of pages, or pages one after another), the tidy
 * CSV R users make with rKolada (`kpi, municipality_id, municipality, year, gender, value`),
 * and older CSVs with Swedish headers and names instead of codes (`Variabelkod, Kommun, År,
 * Värde`). Markers: `..` sekretess, `.` ej tillämplig, `-` bortfall.
 */
import { InputError } from '../../errors.js';
import * as msg from '../../messages.js';
import { Status, TidyRow, parseSex, parseValue } from '../../domain/tidy.js';
import { GOTEBORG, districtOf } from '../../domain/districts.js';
import { ReadContext, Rec, areaOf, checkShare, foldHeader, row, valueAt } from './records.js';
import type { Area } from '../../domain/municipalities.js';

interface KoladaValue {
  isdeleted?: boolean;
  gender?: string;
  value?: number | string | null;
  status?: string | null;
  count?: number;
}
interface KoladaRecord {
  isdeleted?: boolean;
  kpi: string;
  municipality: string;
  period: number | string;
  values: KoladaValue[];
}

/** The JSON documents of a file: one, or several written one after another. */
export function parseJsonDocuments(text: string, file: string): unknown[] {
  const docs: unknown[] = [];
  let i = 0;
  const s = text.replace(/^\uFEFF/, '');
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i])) i++;
    if (i >= s.length) break;
    const end = documentEnd(s, i);
    try {
      docs.push(JSON.parse(s.slice(i, end)));
    } catch (e) {
      const line = s.slice(0, i).split('\n').length;
      throw new InputError({ file, line }, msg.csvUnreadable(`not valid JSON (${(e as Error).message})`), 'check that the file is a whole Kolada API response');
    }
    i = end;
  }
  return docs;
}

function documentEnd(s: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return s.length;
}

/** The records of a document, found without recursion: a hostile file may nest deeper than the stack. */
function recordsOf(doc: unknown): KoladaRecord[] {
  const out: KoladaRecord[] = [];
  const stack: unknown[] = [doc];
  while (stack.length) {
    const d = stack.pop();
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) stack.push(d[i]);
    } else if (d && typeof d === 'object') {
      const o = d as Record<string, unknown>;
      if (typeof o.kpi === 'string' && Array.isArray(o.values)) out.push(o as unknown as KoladaRecord);
      else if (Array.isArray(o.values)) for (let i = o.values.length - 1; i >= 0; i--) stack.push(o.values[i]);
    }
  }
  return out;
}

export function looksLikeKoladaJson(docs: unknown[]): boolean {
  return docs.some((d) => recordsOf(d).length > 0);
}

function markerStatus(status: string | null | undefined): Status {
  const t = (status ?? '').trim().toLowerCase();
  if (t === '..' || t.includes('sekretess') || t === 'x') return 'suppressed';
  if (t === '.' || t.includes('ej tillämplig') || t.includes('not applicable')) return 'not_applicable';
  return 'missing';
}

/** Kolada JSON is checked as strictly as Kolada CSV: a value bistand cannot read stops the run. */
/** A marker written out in words, as some exports do; undefined for anything else. */
function knownMarker(text: string): Status | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || t === '-' || t === '--' || t.includes('saknas') || t.includes('missing')) return 'missing';
  const s = markerStatus(text);
  return s === 'missing' ? undefined : s;
}

export function readKoladaJson(docs: unknown[], ctx: ReadContext): TidyRow[] {
  const out: TidyRow[] = [];
  const seen = new Set<string>();
  for (const r of docs.flatMap(recordsOf)) {
    const where = `${r.kpi} ${String(r.municipality)} ${String(r.period)}`;
    const bad = (what: string, hint: string) => new InputError({ file: ctx.file }, `${where}: ${what}`, hint);
    if (typeof r.municipality !== 'string' && typeof r.municipality !== 'number') throw bad(msg.koladaField('municipality'), msg.koladaFieldHint());
    if (!/^\d{4}$/.test(String(r.period))) throw bad(msg.badYear(String(r.period)), msg.badYearHint());
    // a group of municipalities (G…, "Liknande kommuner …"): kept as an area of its own kind
    const group = /^G\d+$/.test(String(r.municipality));
    const area: Area | undefined = group ? { code: String(r.municipality), name: String(r.municipality), kind: 'group', countyCode: '' } : areaOf(String(r.municipality), '', ctx, 1, 0);
    if (!area) continue;
    for (const v of r.values) {
      if (!v || typeof v !== 'object') throw bad(msg.koladaField('values'), msg.koladaFieldHint());
      // a value Kolada replaced later: the replacement is the one to read
      if (r.isdeleted === true || v.isdeleted === true) {
        ctx.deleted = (ctx.deleted ?? 0) + 1;
        continue;
      }
      if (v.gender !== undefined && typeof v.gender !== 'string') throw bad(msg.badSex(String(v.gender)), msg.badSexHint());
      const sex = parseSex(v.gender ?? 'T');
      if (!sex) throw bad(msg.badSex(v.gender!), msg.badSexHint());
      let parsed: { value: number | null; status: Status };
      if (typeof v.value === 'number' && Number.isFinite(v.value)) parsed = { value: v.value, status: 'ok' };
      else if (typeof v.value === 'string') {
        const p = parseValue(v.value);
        const marker = 'invalid' in p ? knownMarker(v.value) : undefined;
        if ('invalid' in p && !marker) throw bad(msg.notAValue(v.value), msg.notAValueHint());
        parsed = 'invalid' in p ? { value: null, status: marker! } : p;
      } else if (v.value === null || v.value === undefined) parsed = { value: null, status: markerStatus(v.status) };
      else throw bad(msg.notAValue(JSON.stringify(v.value)), msg.notAValueHint());
      checkShare(parsed, ctx.kpiTitles.get(r.kpi) ?? '', ctx, 0, 0, `${r.kpi} ${area.name} ${r.period}`);
      const key = `${r.kpi}|${area.code}|${r.period}|${sex}`;
      if (seen.has(key)) throw bad(msg.koladaTwice(sex), msg.koladaTwiceHint());
      seen.add(key);
      out.push(row(area, r.kpi, String(r.period), sex, parsed, { ...measureName(r.kpi, ctx), ...(group ? { members: v.count === undefined ? '' : String(v.count) } : {}) }));
    }
  }
  return out;
}

function measureName(kpi: string, ctx: ReadContext): Record<string, string> {
  return { measure_name: ctx.kpiTitles.get(kpi) ?? '' };
}

type Col = 'code' | 'name' | 'kpi' | 'title' | 'period' | 'sex' | 'value';
const COLS: Record<Col, string[]> = {
  code: ['municipality_id', 'kommunkod', 'kommun_kod', 'kod', 'code', 'regionkod', 'region_code', 'kommun_id', 'municipality_code', 'kommun_code'],
  name: ['municipality', 'kommun', 'kommunnamn', 'omrade', 'region', 'namn', 'name', 'kommun_name', 'municipality_name'],
  kpi: ['kpi', 'kpi_id', 'variabelkod', 'nyckeltal', 'kpi_inferred', 'measure', 'nyckeltalsid'],
  title: ['kpi_title', 'title', 'serie', 'nyckeltalsnamn', 'measure_name', 'kpi_namn'],
  period: ['year', 'ar', 'period', 'statistikar'],
  sex: ['gender', 'kon', 'sex'],
  value: ['value', 'varde', 'values'],
};

/** Which field holds which column, by header name. */
export function koladaColumns(header: string[]): Partial<Record<Col, number>> {
  const folded = header.map(foldHeader);
  const at: Partial<Record<Col, number>> = {};
  for (const [col, names] of Object.entries(COLS) as [Col, string[]][]) {
    const i = folded.findIndex((h) => names.includes(h));
    if (i >= 0) at[col] = i;
  }
  return at;
}

export function looksLikeKoladaCsv(header: string[]): boolean {
  const c = koladaColumns(header);
  return c.kpi !== undefined && c.value !== undefined && c.period !== undefined && (c.code !== undefined || c.name !== undefined);
}

export function readKoladaCsv(records: Rec[], ctx: ReadContext): TidyRow[] {
  const [head, ...data] = records;
  const c = koladaColumns(head.fields);
  const used = new Set(Object.values(c));
  const out: TidyRow[] = [];
  const seen = new Map<string, number>();
  for (const r of data) {
    const f = (i: number | undefined) => (i === undefined ? '' : (r.fields[i] ?? ''));
    // a socialförvaltning of Göteborg ("Göteborg Nordost") is a row of its own under 1480
    const district = (!f(c.code).trim() || f(c.code).trim() === GOTEBORG) && c.name !== undefined ? districtOf(f(c.name)) : undefined;
    const area = district ? ctx.names.areas.find((a) => a.code === GOTEBORG) : areaOf(f(c.code), f(c.name), ctx, r.line, (c.code ?? c.name ?? 0) + 1);
    if (!area) continue;
    const sexRaw = f(c.sex);
    const sex = parseSex(sexRaw);
    if (!sex) throw new InputError({ file: ctx.file, line: r.line, column: c.sex! + 1, columnName: head.fields[c.sex!] }, msg.badSex(sexRaw), msg.badSexHint());
    const v = valueAt(f(c.value), ctx, r.line, c.value! + 1, head.fields[c.value!]);
    const kpi = f(c.kpi);
    const extra: Record<string, string> = { measure_name: f(c.title) || (ctx.kpiTitles.get(kpi) ?? '') };
    head.fields.forEach((h, i) => {
      if (!used.has(i)) extra[h] = f(i);
    });
    if (district) extra.district = district;
    checkShare(v, extra.measure_name, ctx, r.line, c.value! + 1, `${kpi} ${area.name} ${f(c.period)}`);
    // one value per KPI, area, year and sex (and any further column): a second is ambiguous
    const key = JSON.stringify([kpi, area.code, f(c.period), sex, extra]);
    const before = seen.get(key);
    if (before !== undefined) throw new InputError({ file: ctx.file, line: r.line }, msg.koladaTwiceLines(`${kpi} ${area.name} ${f(c.period)} ${sex}`, before), msg.koladaTwiceHint());
    seen.set(key, r.line);
    out.push(row(area, kpi, f(c.period), sex, v, extra, { line: r.line, column: c.value! + 1 }));
  }
  return out;
}
