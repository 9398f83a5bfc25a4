/**
 * Socialstyrelsen's Statistikdatabasen exports: a title line (`<topic>, <measure>, <region>,
 * <fixed choices>`), a header, data, a footer (`Socialstyrelsens statistikdatabas YYYY-MM-DD`);
 * regions as names; months, years or measures as columns (melted here).
 */
import { InputError } from '../../errors.js';
import * as msg from '../../messages.js';
import { Area } from '../../domain/municipalities.js';
import { TidyRow, monthOfName, parseSex, parseValue } from '../../domain/tidy.js';
import { parseAge } from '../../domain/ages.js';
import { ReadContext, Rec, areaOf, fileStem, foldHeader, row, valueAt, yearIn } from './records.js';

const FOOTER = /^socialstyrelsens statistikdatabas/i;

type Role = 'area' | 'year' | 'month' | 'sex' | 'period' | 'measure' | 'extra';
const ROLE_OF: Record<string, Role> = {
  region: 'area', kommun: 'area', lan: 'area', omrade: 'area', kommunnamn: 'area',
  ar: 'year', year: 'year', statistikar: 'year',
  manad: 'month', month: 'month',
  kon: 'sex', sex: 'sex',
  period: 'period',
  matt: 'measure', mått: 'measure', variabel: 'measure', measure: 'measure',
};

export function isSdbFooter(r: Rec): boolean {
  return r.fields.length >= 1 && FOOTER.test(r.fields[0]) && r.fields.slice(1).every((f) => f === '');
}

/** A title line: one field, before a header of several. */
export function isTitle(records: Rec[]): boolean {
  return records.length > 1 && records[0].fields.filter((f) => f !== '').length === 1 && records[1].fields.length > 1;
}

interface Title {
  area?: Area;
  year?: string;
  sex?: TidyRow['sex'];
  measure?: string;
  fixed: Record<string, string>;
}

/** The unit a measure's name carries: `Utbetalt ekonomiskt bistånd tkr` → tkr. */
export function unitOf(measure: string): string | undefined {
  // a rate is per 100 000 whatever it counts (`Antal döda per 100 000`)
  const rate = /(\/\s*|per )100 000( inv(?:ånare|\.)?)?/i.exec(measure);
  if (rate) return rate[0].trim();
  const m = /(?:^|\s)(tkr|kr|kronor|antal|andel|procent|%)(?:\s|$)|(\/\s*100 000 inv\.?|per 100 000 inv(?:ånare)?)/i.exec(measure);
  return m ? (m[1] ?? m[2]).trim() : undefined;
}

/**
 * The title line as Socialstyrelsen writes it: `<mått>, <region>, <val>…`, or with a topic first
 * (`<ämne>, <mått>, <region>, <val>…`). The part just before the region is the measure; the parts
 * after it are the choices the export was made with (`Ålder: 18+ år`, `Samtliga hushåll`).
 */
/** The column an export's age bands go to, as Statistikdatabasen names the dimension. */
const AGE_COLUMN = 'Ålder';

function parseTitle(text: string, ctx: ReadContext): Title {
  const t: Title = { fixed: {} };
  // SCB's titles name the table's variables (`Folkmängd efter region, ålder och år`, `Population by
  // region, age and year`): the measure is what comes before them, the variables are columns
  const scb = /^(.+?)\s+(?:efter|by)\s+(.+?)(?:\s+(?:och|and)\s+[^,]+)?$/i.exec(text.trim());
  if (scb && !text.includes(':') && /region|ålder|alder|age|kön|kon|sex|år|year|månad|month/i.test(scb[2])) {
    t.measure = scb[1].trim();
    t.year = yearIn(text);
    return t;
  }
  const parts = text.split(/,\s+/);
  const at = parts.findIndex((p, i) => i > 0 && ctx.names.find(p) !== undefined);
  const choice = (p: string) => {
    const kv = /^([^:]+):\s*(.+)$/.exec(p);
    const sex = kv ? undefined : parseSex(p);
    if (sex === 'K' || sex === 'M') {
      t.sex = sex;
      return;
    }
    if (!kv) {
      t.fixed.urval = t.fixed.urval ? `${t.fixed.urval}, ${p.trim()}` : p.trim();
      return;
    }
    const key = foldHeader(kv[1]);
    if (ROLE_OF[key] === 'year' && /^\d{4}$/.test(kv[2].trim())) t.year = kv[2].trim();
    else if (ROLE_OF[key] === 'sex' && parseSex(kv[2])) t.sex = parseSex(kv[2]);
    else t.fixed[kv[1].trim()] = kv[2].trim();
  };
  if (at > 0) {
    t.area = ctx.names.find(parts[at]);
    const before = parts.slice(0, at).filter((p) => !/^[^:]+:\s*.+$/.test(p));
    for (const p of parts.slice(0, at)) if (/^[^:]+:\s*.+$/.test(p)) choice(p);
    t.measure = before[before.length - 1];
    for (const p of parts.slice(at + 1)) choice(p);
  } else {
    // no region in the title (it is a column): the topic, then the measure, then choices
    const plain = parts.filter((p) => !/^[^:]+:\s*.+$/.test(p));
    for (const p of parts) if (/^[^:]+:\s*.+$/.test(p)) choice(p);
    const m = plain.findIndex((p) => unitOf(p) !== undefined);
    const mi = m >= 0 ? m : plain.length > 1 ? 1 : -1;
    if (mi >= 0) t.measure = plain[mi];
    for (const p of plain.slice(mi + 1)) choice(p);
  }
  t.year ??= yearIn(text);
  return t;
}

export function readSdb(records: Rec[], ctx: ReadContext): TidyRow[] {
  // the export writes its hyphens as soft hyphens (U+00AD): `45­49`, and `­­` for a missing cell
  let recs = records.map((r) => (r.fields.some((f) => f.includes('\u00ad')) ? { ...r, fields: r.fields.map((f) => f.replace(/\u00ad/g, '-')) } : r));
  const oneField = (r: Rec) => r.fields.filter((f) => f !== '').length <= 1;
  // the footer, and note lines after the data (one field each), are not data
  while (recs.length && isSdbFooter(recs[recs.length - 1])) recs = recs.slice(0, -1);
  while (recs.length > 2 && oneField(recs[recs.length - 1])) recs = recs.slice(0, -1);
  // the title, and further lines of it (choices) before the header
  let title: Title | undefined;
  if (recs.length > 1 && oneField(recs[0])) {
    title = parseTitle(recs[0].fields.find((f) => f !== '') ?? '', ctx);
    recs = recs.slice(1);
    // further title lines are choices the export was made with (`Urval: vuxna`)
    while (recs.length > 1 && oneField(recs[0])) {
      const line = (recs[0].fields.find((f) => f !== '') ?? '').trim();
      const kv = /^([^:]+):\s*(.+)$/.exec(line);
      if (kv) title.fixed[kv[1].trim()] = kv[2].trim();
      else if (line) title.fixed.urval = title.fixed.urval ? `${title.fixed.urval}, ${line}` : line;
      recs = recs.slice(1);
    }
  }
  const [head, ...data] = recs;
  const header = head.fields;

  // dimension columns: named as one, or holding text; the value columns follow them
  const valueLike = (j: number) => data.every((r) => !('invalid' in parseValue(r.fields[j] ?? '')));
  let firstValue = header.length;
  for (let j = header.length - 1; j >= 0; j--) {
    if (ROLE_OF[foldHeader(header[j])] || !valueLike(j)) break;
    firstValue = j;
  }
  const dims = header.slice(0, firstValue).map((h) => ({ name: h, role: ROLE_OF[foldHeader(h)] ?? ('extra' as Role) }));
  const valueCols = header.slice(firstValue);
  const kind = valueCols.every((h) => monthOfName(h) > 0)
    ? 'month'
    : valueCols.every((h) => /^\d{4}$/.test(h.trim()))
      ? 'year'
      : valueCols.length > 1 && valueCols.every((h) => parseAge(h) !== undefined) && valueCols.some((h) => /\d/.test(h))
        ? 'age'
        : 'measure';

  const areaDim = dims.findIndex((d) => d.role === 'area');
  if (areaDim < 0 && !title?.area) throw new InputError({ file: ctx.file, line: head.line }, msg.noArea(), msg.noAreaHint());
  const stem = fileStem(ctx.file);
  const yearDim = dims.findIndex((d) => d.role === 'year');
  const fixedYear = title?.year ?? ctx.period ?? yearIn(stem);
  if (kind === 'month' && yearDim < 0 && !fixedYear) throw new InputError({ file: ctx.file, line: head.line }, msg.noPeriod('months'), msg.noPeriodHint());

  const out: TidyRow[] = [];
  for (const r of data) {
    const f = (j: number) => r.fields[j] ?? '';
    const area = areaDim >= 0 ? areaOf('', f(areaDim), ctx, r.line, areaDim + 1) : title!.area!;
    if (!area) continue;
    let sex: TidyRow['sex'] = title?.sex ?? 'T';
    let year = yearDim >= 0 ? f(yearDim) : fixedYear;
    let month = '';
    let measure = title?.measure ?? stem;
    const unit = title?.measure ? unitOf(title.measure) : undefined;
    const extra: Record<string, string> = { ...title?.fixed, ...(unit && kind !== 'measure' ? { unit } : {}) };
    dims.forEach((d, j) => {
      if (d.role === 'sex') {
        const s = parseSex(f(j));
        if (!s) throw new InputError({ file: ctx.file, line: r.line, column: j + 1, columnName: d.name }, msg.badSex(f(j)), msg.badSexHint());
        sex = s;
      } else if (d.role === 'month') month = String(monthOfName(f(j)) || f(j)).padStart(2, '0');
      else if (d.role === 'period') year = f(j);
      else if (d.role === 'measure') measure = f(j);
      else if (d.role === 'extra') extra[d.name] = f(j);
    });
    valueCols.forEach((h, i) => {
      const j = firstValue + i;
      const v = valueAt(f(j), ctx, r.line, j + 1, h);
      if (kind === 'month') out.push(row(area, measure, `${year}-${String(monthOfName(h)).padStart(2, '0')}`, sex, v, extra));
      // age bands as columns: the age a column of its own, the title's measure the measure
      else if (kind === 'age') out.push(row(area, measure, month ? `${year}-${month}` : (year ?? ''), sex, v, { ...extra, [AGE_COLUMN]: h.trim() }));
      else if (kind === 'year') out.push(row(area, measure, h.trim(), sex, v, extra));
      else if (title?.measure && /^(varde|value|antal|summa)$/.test(foldHeader(h))) {
        // one value column named only "Värde": the title's measure is the measure
        const u = unitOf(title.measure);
        out.push(row(area, title.measure, month ? `${year}-${month}` : (year ?? ''), sex, v, u ? { ...extra, unit: u } : extra));
      } else {
        const e = title?.measure ? { ...extra, unit: title.measure } : extra;
        out.push(row(area, h, month ? `${year}-${month}` : (year ?? ''), sex, v, e));
      }
    });
  }
  return out;
}
