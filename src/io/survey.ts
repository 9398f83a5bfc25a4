/**
 * A survey export (SPEC §3.3) into respondents: one row per respondent, as CSV or XLSX (through
 * io/aggregated/workbook), in any of these layouts —
 *   Google Forms: `Tidstämpel`, `1. I vilken kommun …`, grid items as `7. Hur viktiga … [Item]`;
 *   Microsoft Forms: `ID, Start time, …`, then a column per question or statement (two grids with
 *     the same statements are told apart by order);
 *   answer codes with headers such as `Q7_3`;
 *   any other, with a map file (`column,question,item`);
 *   the long form `respondent_id;kommun;funktion;question;item;value`.
 * Answers as labels (any case, `4 = Mycket viktigt`, `4 - …`) or codes 1–4; blank is not answered;
 * "Vet ej" and other codes are left out and counted; anything else is an error at its cell.
 * Free text is never read.
 */
import { InputError } from '../errors.js';
import * as msg from '../messages.js';
import { GRID, Question, Respondent, SurveyRead, itemOf, normalise, scaleAnswer } from '../domain/survey.js';
import { nameIndex } from './aggregated/read.js';
import { Rec, readSmallCsv, toRecords } from './small-csv.js';
import { decodeDetected } from './encoding.js';

type Column = { q: Question; item?: number } | { skip: true } | { timestamp: true };

const TENURE: [RegExp, Question][] = [
  [/mindre an 2/, 'Q5a'],
  [/2 till 5|2 5 ar/, 'Q5b'],
  [/mer an 5/, 'Q5c'],
];

/** A question by its text (the stem), for headers without a number. */
function questionOfText(t: string): Question | undefined {
  if (/i vilken kommun/.test(t)) return 'Q1';
  if (/vilken funktion/.test(t)) return 'Q2';
  if (/arsarbetare/.test(t)) return 'Q3';
  for (const [re, q] of TENURE) if (re.test(t) && /medarbetare|socialsekreterare|arbetat/.test(t)) return q;
  if (/hur manga medarbetare/.test(t)) return 'Q4';
  if (/hur viktiga/.test(t)) return 'Q7';
  if (/tillgodoser|i vilken grad bedomer/.test(t)) return 'Q8';
  if (/forutsattningar/.test(t)) return 'Q9';
  return undefined;
}

/** `Q7_3`, `q5_2`, `Q3`: a code header. */
function codeHeader(h: string): Column | undefined {
  const m = /^q(\d+)(?:[_.-](\d+|[abc]))?$/i.exec(h.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n === 5) {
    const part = m[2] === undefined ? undefined : ({ '1': 'a', '2': 'b', '3': 'c', a: 'a', b: 'b', c: 'c' } as Record<string, string>)[m[2].toLowerCase()];
    return part ? { q: `Q5${part}` as Question } : { skip: true };
  }
  if (n === 7 || n === 8 || n === 9) return m[2] ? { q: `Q${n}` as Question, item: Number(m[2]) } : { skip: true };
  if (n >= 1 && n <= 4) return { q: `Q${n}` as Question };
  return { skip: true };
}

/** What each column of the header holds. */
function columnsOf(header: string[], map: Map<string, { q: Question; item?: number }>, byOrder: string[]): Column[] {
  const seenItem = new Map<string, number>();
  return header.map((h) => {
    const mapped = map.get(normalise(h));
    if (mapped) return mapped;
    const t = normalise(h);
    if (/^(tidstampel|timestamp|start time|completion time|starttid|sluttid)$/.test(t)) return /^(tidstampel|timestamp|completion time|sluttid)$/.test(t) ? { timestamp: true } : { skip: true };
    const code = codeHeader(h);
    if (code) return code;
    const num = /^\s*(\d+)\s*[.)]\s*(.*)$/.exec(h);
    const bracket = /\[([^\]]+)\]\s*$/.exec(h);
    const stem = normalise(num ? num[2].replace(/\[[^\]]+\]\s*$/, '') : h.replace(/\[[^\]]+\]\s*$/, ''));
    let q: Question | undefined = num ? numbered(Number(num[1]), stem, bracket?.[1]) : questionOfText(stem);
    if (!q && !num) {
      // a statement alone (Microsoft Forms): an area is Q7 the first time, Q8 the second
      const area = itemOf(h, GRID.Q7.items);
      const pre = itemOf(h, GRID.Q9.items);
      if (area) {
        const n = (seenItem.get(`a${area}`) ?? 0) + 1;
        seenItem.set(`a${area}`, n);
        if (n <= 2) {
          if (n === 2) byOrder.push(h.trim());
          return { q: n === 1 ? 'Q7' : 'Q8', item: area };
        }
      }
      if (pre) return { q: 'Q9', item: pre };
      return { skip: true };
    }
    if (!q) return { skip: true };
    if (q === 'Q7' || q === 'Q8' || q === 'Q9') {
      const item = bracket ? itemOf(bracket[1], GRID[q].items) : 0;
      return item ? { q, item } : { skip: true }; // "Annat" and free text
    }
    return { q };
  });
}

function numbered(n: number, stem: string, bracket?: string): Question | undefined {
  if (n === 5) {
    const t = normalise(bracket ?? stem);
    for (const [re, q] of TENURE) if (re.test(t)) return q;
    return undefined;
  }
  if (n >= 1 && n <= 4) return `Q${n}` as Question;
  if (n === 7 || n === 8 || n === 9) return `Q${n}` as Question;
  // a Microsoft-style "5. … i mindre än 2 år?" asked as three questions keeps its text
  return questionOfText(stem);
}

/** The map file: `column,question,item` (question 1–9 or 5a–5c; item a number or an item's text). */
function readMap(path: string): Map<string, { q: Question; item?: number }> {
  const out = new Map<string, { q: Question; item?: number }>();
  for (const r of readSmallCsv(path)) {
    const [column, question, item] = r.fields.map((f) => f.trim());
    if (r.line === 1 && normalise(column) === 'column') continue;
    const q = /^(q?)(\d)([abc]?)$/i.exec(question ?? '');
    if (!column || !q) throw new InputError({ file: path, line: r.line }, msg.surveyMapBad(), msg.surveyMapBadHint());
    const question_ = `Q${q[2]}${q[3].toLowerCase()}` as Question;
    if (question_ === 'Q7' || question_ === 'Q8' || question_ === 'Q9') {
      const i = itemOf(item ?? '', GRID[question_].items);
      if (!i) throw new InputError({ file: path, line: r.line, column: 3 }, msg.surveyItemUnknown(item ?? ''), msg.surveyMapBadHint());
      out.set(normalise(column), { q: question_, item: i });
    } else out.set(normalise(column), { q: question_ });
  }
  return out;
}

export interface SurveyOptions {
  map?: string;
}

export function readSurvey(bytes: Uint8Array, file: string, o: SurveyOptions = {}): SurveyRead {
  const text = decodeDetected(bytes);
  const { records } = toRecords(text, file);
  if (!records.length) throw new InputError({ file, line: 1 }, msg.emptyFile(), msg.surveyLayoutHint());
  const title = records.length > 1 && records[0].fields.filter((f) => f !== '').length === 1 && records[1].fields.length > 2;
  const [head, ...data] = title ? records.slice(1) : records;
  if (isLong(head.fields)) return readLong(head, data, file);
  const byOrder: string[] = [];
  const cols = columnsOf(head.fields, o.map ? readMap(o.map) : new Map(), byOrder);
  const found = new Set(cols.flatMap((c) => ('q' in c ? [c.q] : [])));
  if (!found.has('Q7') && !found.has('Q8') && !found.has('Q9') && !found.has('Q5a'))
    throw new InputError({ file, line: head.line }, msg.unknownLayout('a survey export (Google Forms, Microsoft Forms, Q7_3 codes, a map file, or the long form)'), msg.surveyLayoutHint());
  const names = nameIndex();
  const excluded = { dontknow: 0, other: 0 };
  const years = new Map<number, number>();
  const respondents: Respondent[] = [];
  for (const r of data) {
    const resp: Respondent = { id: String(respondents.length + 1), line: r.line, counts: {}, grid: { Q7: new Map(), Q8: new Map(), Q9: new Map() } };
    cols.forEach((c, i) => {
      const raw = (r.fields[i] ?? '').trim();
      const where = { file, line: r.line, column: i + 1, columnName: head.fields[i] };
      if ('timestamp' in c) {
        const y = /(?<!\d)(20\d{2})(?!\d)/.exec(raw)?.[1];
        if (y) years.set(Number(y), (years.get(Number(y)) ?? 0) + 1);
        return;
      }
      if ('skip' in c || raw === '') return;
      if (c.q === 'Q1') {
        const area = names.find(raw) ?? (/^\d{4}$/.test(raw) ? names.areas.find((a) => a.code === raw) : undefined);
        if (!area) throw new InputError(where, msg.unknownAreaName(raw, names.suggest(raw)), msg.unknownAreaNameHint());
        resp.kommun = area.code;
      } else if (c.q === 'Q2') resp.funktion = raw;
      else if (c.q === 'Q7' || c.q === 'Q8' || c.q === 'Q9') {
        const a = scaleAnswer(raw, GRID[c.q].scale);
        if (a === 'bad') throw new InputError(where, msg.surveyBadAnswer(raw), msg.surveyBadAnswerHint(GRID[c.q].scale));
        if (a === 'dontknow') excluded.dontknow++;
        else if (a === 'other') excluded.other++;
        else if (a !== undefined) resp.grid[c.q].set(c.item!, a);
      } else {
        const n = Number(raw.replace(/\s/g, '').replace(',', '.'));
        if (!Number.isFinite(n) || n < 0 || (c.q !== 'Q3' && !Number.isInteger(n))) throw new InputError(where, msg.surveyBadCount(raw), msg.surveyBadCountHint());
        resp.counts[c.q as 'Q3'] = n;
      }
    });
    respondents.push(resp);
  }
  const year = [...years.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { respondents, excluded, year, layout: o.map ? 'survey (columns by the map file)' : 'survey', byOrder };
}

const LONG = ['respondent_id', 'kommun', 'funktion', 'question', 'item', 'value'];
const isLong = (h: string[]) => LONG.every((c, i) => normalise(h[i] ?? '').replace(/ /g, '_') === c);

/** The long form: one answer a row. */
function readLong(head: Rec, data: Rec[], file: string): SurveyRead {
  const names = nameIndex();
  const byId = new Map<string, Respondent>();
  const excluded = { dontknow: 0, other: 0 };
  for (const r of data) {
    const [id, kommun, funktion, question, item, value] = r.fields.map((f) => f.trim());
    let resp = byId.get(id);
    if (!resp) {
      resp = { id, line: r.line, counts: {}, grid: { Q7: new Map(), Q8: new Map(), Q9: new Map() } };
      byId.set(id, resp);
    }
    if (kommun) {
      const area = /^\d{4}$/.test(kommun) ? names.areas.find((a) => a.code === kommun) : names.find(kommun);
      if (!area) throw new InputError({ file, line: r.line, column: 2 }, msg.unknownAreaName(kommun, names.suggest(kommun)), msg.unknownAreaNameHint());
      resp.kommun = area.code;
    }
    if (funktion) resp.funktion = funktion;
    const q = /^q?(\d)([abc]?)$/i.exec(question);
    if (!q) throw new InputError({ file, line: r.line, column: 4 }, msg.surveyMapBad(), msg.surveyMapBadHint());
    const qq = `Q${q[1]}${q[2].toLowerCase()}` as Question;
    if (value === '') continue;
    if (qq === 'Q7' || qq === 'Q8' || qq === 'Q9') {
      const i = itemOf(item, GRID[qq].items);
      if (!i) throw new InputError({ file, line: r.line, column: 5 }, msg.surveyItemUnknown(item), msg.surveyMapBadHint());
      const a = scaleAnswer(value, GRID[qq].scale);
      if (a === 'bad') throw new InputError({ file, line: r.line, column: 6 }, msg.surveyBadAnswer(value), msg.surveyBadAnswerHint(GRID[qq].scale));
      if (a === 'dontknow') excluded.dontknow++;
      else if (a === 'other') excluded.other++;
      else if (a !== undefined) resp.grid[qq].set(i, a);
    } else if (['Q3', 'Q4', 'Q5a', 'Q5b', 'Q5c'].includes(qq)) {
      const n = Number(value.replace(',', '.'));
      if (!Number.isFinite(n) || n < 0) throw new InputError({ file, line: r.line, column: 6 }, msg.surveyBadCount(value), msg.surveyBadCountHint());
      resp.counts[qq as 'Q3'] = n;
    }
  }
  return { respondents: [...byId.values()], excluded, layout: 'survey (long form)', byOrder: [] };
}

/** The respondents as the long form, for `tidy --as survey`. */
export function surveyLong(s: SurveyRead): string[][] {
  const rows: string[][] = [];
  for (const r of s.respondents) {
    const base = [r.id, r.kommun ?? '', r.funktion ?? ''];
    for (const [q, v] of Object.entries(r.counts)) rows.push([...base, q, '', String(v)]);
    for (const q of ['Q7', 'Q8', 'Q9'] as const) for (const [item, v] of [...r.grid[q]].sort((a, b) => a[0] - b[0])) rows.push([...base, q, String(item), String(v)]);
  }
  return rows;
}
