/**
 * Öppna jämförelser (ÖJ) survey extracts: wide, one row per municipality or unit
 * (`Gtb, Socialförvaltning Nordost`), one column per question, answers Ja / Nej / Delvis /
 * blank. Each answer becomes a row whose value is the answer.
 */
import { InputError } from '../../errors.js';
import * as msg from '../../messages.js';
import { TidyRow, parseValue } from '../../domain/tidy.js';
import { GOTEBORG, districtOf } from '../../domain/districts.js';
import { ReadContext, Rec, areaOf, fileStem, row, valueAt, yearIn } from './records.js';
import { isTitle } from './sdb.js';
import { nameText } from '../../text.js';

const ANSWERS: Record<string, string> = { ja: 'Ja', nej: 'Nej', delvis: 'Delvis' };
const NOT_ANSWERED = ['', 'ej svar', 'uppgift saknas', 'saknas', '-', '--'];

export function isAnswer(s: string): boolean {
  const t = s.trim().toLowerCase();
  return t in ANSWERS || NOT_ANSWERED.includes(t);
}

/** A numeric answer (a share such as the handläggare with socionomexamen, in %) or a marker (X). */
function isValue(s: string): boolean {
  return !('invalid' in parseValue(s));
}

/** Most cells right of the first column are answers: Ja / Nej / Delvis, and some numbers. */
export function looksLikeOj(records: Rec[]): boolean {
  const data = records.slice(1);
  let answers = 0;
  let words = 0;
  let filled = 0;
  for (const r of data)
    for (const f of r.fields.slice(1)) {
      if (f === '') continue;
      filled++;
      if (isAnswer(f)) {
        answers++;
        words++;
      } else if (isValue(f)) answers++;
    }
  return filled > 0 && answers / filled > 0.9 && words / filled > 0.5;
}

/** Göteborg's socialförvaltningar since 2021 (SPEC §4): a row may name only the district. */
const SUMMARY = /^(min\b|max\b|min\s*[-–]\s*max|medel|median|genomsnitt|antal|summa|totalt\b)/i;

const GBG_DISTRICTS = /\b(centrum|hisingen|nordost|sydv[äa]st)\b/i;

/**
 * A row label as the municipality and the unit within it: "Gtb, Socialförvaltning Nordost",
 * "Gbg SDF Nordost", "Socialförvaltning Hisingen", or just "Mölndal".
 */
function splitUnit(label: string, ctx: ReadContext): { place: string; unit: string } {
  const [first, ...rest] = label.split(/,\s*/);
  if (ctx.names.find(first)) return { place: first, unit: rest.join(', ') };
  const words = label.trim().split(/\s+/);
  for (let n = words.length - 1; n >= 1; n--) {
    const place = words.slice(0, n).join(' ');
    if (ctx.names.find(place)) return { place, unit: words.slice(n).join(' ') };
  }
  if (GBG_DISTRICTS.test(label)) return { place: 'Göteborg', unit: label.trim() };
  return { place: first, unit: rest.join(', ') };
}

export function readOj(records: Rec[], ctx: ReadContext): TidyRow[] {
  let recs = records;
  const title = isTitle(recs) ? recs[0].fields[0] : '';
  if (title) recs = recs.slice(1);
  const [head, ...data] = recs;
  const period = yearIn(title) ?? ctx.period ?? yearIn(fileStem(ctx.file)) ?? '';
  // the result files put the code beside the name: `Kommun, K-kod, …`
  const codeCol = /^(k-?kod|kommunkod|kod|kommun_kod)$/i.test((head.fields[1] ?? '').trim()) ? 1 : -1;
  const first = codeCol === 1 ? 2 : 1;
  const out: TidyRow[] = [];
  for (const r of data) {
    const label = r.fields[0] ?? '';
    // the result files' summary rows (Min – Max, Medelvärde …) describe all units: not a unit
    if (SUMMARY.test(label.trim())) {
      ctx.skipped.set(label.trim(), (ctx.skipped.get(label.trim()) ?? 0) + 1);
      continue;
    }
    const { place, unit } = splitUnit(label, ctx);
    const code = codeCol === 1 && /^\d{1,4}$/.test((r.fields[1] ?? '').trim()) && !unit ? r.fields[1].trim() : '';
    const area = areaOf(code, place, ctx, r.line, code ? 2 : 1);
    if (!area) continue;
    head.fields.slice(first).forEach((q, j) => {
      const i = j + first - 1;
      const raw = r.fields[i + 1] ?? '';
      const t = raw.trim().toLowerCase();
      let v: { value: string | number | null; status: TidyRow['status'] };
      if (t in ANSWERS) v = { value: ANSWERS[t], status: 'ok' };
      else if (isAnswer(raw)) v = { value: null, status: 'missing' };
      else if (isValue(raw)) v = valueAt(raw, ctx, r.line, i + 2, q);
      else throw new InputError({ file: ctx.file, line: r.line, column: i + 2, columnName: q }, msg.badAnswer(raw), msg.badAnswerHint());
      const district = area.code === GOTEBORG ? districtOf(label) : undefined;
      // a question is printed in tables and documents: text, not markup
      out.push(row(area, nameText(q, 300), period, 'T', v, { unit: nameText(unit), ...(district ? { district } : {}) }));
    });
  }
  return out;
}
