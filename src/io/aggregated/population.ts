/**
 * Population (SCB): municipality × year × inhabitants, in total and aged 18 or more. Long
 * (`kommun, år, folkmängd, folkmängd_18+`) or with an age column (`region, ålder, år,
 * folkmängd`, ages `totalt` and `18+`). Regions as codes, names or `1480 Göteborg`.
 */
import { TidyRow } from '../../domain/tidy.js';
import { InputError } from '../../errors.js';
import * as msg from '../../messages.js';
import { ReadContext, Rec, areaOf, foldHeader, row, valueAt } from './records.js';
import { isTitle } from './sdb.js';

export const POPULATION = 'population';
export const POPULATION_ADULTS = 'population_18plus';

const AREA = ['region', 'kommun', 'kommunkod', 'kommun_kod', 'kod', 'code', 'kommun_code', 'municipality', 'municipality_id', 'omrade'];
const YEAR = ['ar', 'year', 'period'];
const AGE = ['alder', 'age'];

function measureOfHeader(h: string): string | undefined {
  const f = foldHeader(h);
  if (/18|vuxna|adult/.test(f)) return POPULATION_ADULTS;
  if (/folkmangd|befolkning|population|invanare|inhabitants|total/.test(f)) return POPULATION;
  return undefined;
}

export function looksLikePopulation(header: string[]): boolean {
  return header.some((h) => measureOfHeader(h) !== undefined) && header.some((h) => AREA.includes(foldHeader(h)));
}

export function readPopulation(records: Rec[], ctx: ReadContext): TidyRow[] {
  const recs = isTitle(records) ? records.slice(1) : records;
  const [head, ...data] = recs;
  const folded = head.fields.map(foldHeader);
  const areaCol = folded.findIndex((h) => AREA.includes(h));
  const yearCol = folded.findIndex((h) => YEAR.includes(h));
  const ageCol = folded.findIndex((h) => AGE.includes(h));
  const measures = head.fields.map((h, i) => (i === areaCol || i === yearCol || i === ageCol ? undefined : measureOfHeader(h)));
  const out: TidyRow[] = [];
  for (const r of data) {
    const f = (i: number) => r.fields[i] ?? '';
    const raw = f(areaCol);
    const code = /^\d{3,4}$/.test(raw) ? raw : '';
    const area = areaOf(code, raw, ctx, r.line, areaCol + 1);
    if (!area) continue;
    const period = yearCol >= 0 ? f(yearCol) : (ctx.period ?? '');
    measures.forEach((m, i) => {
      if (!m) return;
      let measure = m;
      if (ageCol >= 0) {
        const age = foldHeader(f(ageCol));
        if (/18/.test(age)) measure = POPULATION_ADULTS;
        else if (/tot|alla|samtliga/.test(age)) measure = POPULATION;
        else return;
      }
      const v = valueAt(f(i), ctx, r.line, i + 1, head.fields[i]);
      // a population is a count of inhabitants: 0, −5 or 2,5 is a broken file, not a denominator
      if (v.status === 'ok' && !(Number.isInteger(v.value) && v.value! > 0))
        throw new InputError({ file: ctx.file, line: r.line, column: i + 1, columnName: head.fields[i] }, msg.badPopulation(f(i)), msg.badPopulationHint());
      out.push(row(area, measure, period, 'T', v, {}, { line: r.line, column: i + 1 }));
    });
  }
  return out;
}
