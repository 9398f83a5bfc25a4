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

interface KoladaValue {
  gender?: string;
  value?: number | string | null;
  status?: string | null;
  count?: number;
}
interface KoladaRecord {
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

function recordsOf(doc: unknown): KoladaRecord[] {
  if (Array.isArray(doc)) return doc.flatMap(recordsOf);
  if (doc && typeof doc === 'object') {
    const o = doc as Record<string, unknown>;
    if (typeof o.kpi === 'string' && Array.isArray(o.values)) return [o as unknown as KoladaRecord];
    if (Array.isArray(o.values)) return (o.values as unknown[]).flatMap(recordsOf);
  }
  return [];
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

export function readKoladaJson(docs: unknown[], ctx: ReadContext): TidyRow[] {
  const out: TidyRow[] = [];
  for (const r of docs.flatMap(recordsOf)) {
    const area = areaOf(String(r.municipality), '', ctx, 1, 0);
    if (!area) continue;
    for (const v of r.values) {
      const sex = parseSex(v.gender ?? 'T') ?? 'T';
      let parsed: { value: number | null; status: Status };
      if (typeof v.value === 'number') parsed = { value: v.value, status: 'ok' };
      else if (typeof v.value === 'string') {
        const p = parseValue(v.value);
        parsed = 'invalid' in p ? { value: null, status: markerStatus(v.value) } : p;
      } else parsed = { value: null, status: markerStatus(v.status) };
      checkShare(parsed, ctx.kpiTitles.get(r.kpi) ?? '', ctx, 0, 0, `${r.kpi} ${area.name} ${r.period}`);
      out.push(row(area, r.kpi, String(r.period), sex, parsed, measureName(r.kpi, ctx)));
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
    out.push(row(area, kpi, f(c.period), sex, v, extra, { line: r.line, column: c.value! + 1 }));
  }
  return out;
}
