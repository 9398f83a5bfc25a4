/**
 * A first draft of the text under a region chart, in Swedish, from the figures the chart draws:
 * the region's value in the report's year and its change since the year before, the highest and
 * lowest municipality, Riket, and what is missing. It never ranks or compares a hidden value:
 * where any municipality's value is hidden, highest and lowest are not given.
 */
import type { ChartData, Point, SurveyChart } from '../charts/types.js';
import { SV, hinderName, householdName } from '../texts-sv.js';
import { areaName, type ReportContext, type TableData } from './context.js';
import { type Comparison, type KeyFigure, comparisonLabel, comparisonValue } from './profile.js';

const shown = (p: Point | undefined): p is Point & { pct: number } => p !== undefined && p.status === 'ok' && p.pct !== null;

/** The series a point belongs to apart from its year (D1's series are its years). */
const seriesOf = (p: Point) => (p.series === String(p.year) ? '' : p.series);

/** The draft under a chart of the region's municipalities (D1, D3, D4, D5), or undefined for one it cannot speak of. */
export function draftText(c: ReportContext, o: ChartData): string | undefined {
  const y = c.year;
  // D2 speaks of the metropolitan three it draws, not of the region
  const members = new Set(o.id === 'd2' ? o.codes : c.region.codes);
  const single = members.size === 1;
  const labels = [...new Set(o.points.filter((p) => p.year === y).map(seriesOf))];
  const sentences: string[] = [];
  for (const label of labels) {
    const at = (year: number) => o.points.filter((p) => p.year === year && seriesOf(p) === label);
    const now = at(y);
    const own = now.filter((p) => members.has(p.code) && !p.method && p.drawn !== false);
    // the region's figure as the chart draws it; one municipality's report speaks of the municipality
    const regionOf = (ps: Point[]) => (single ? ps.find((p) => members.has(p.code) && !p.method) : ps.find((p) => p.method && p.drawn !== false));
    const region = regionOf(now);
    const before = regionOf(at(y - 1));
    const parts: string[] = [];
    if (shown(region)) parts.push(SV.draftRegion(single ? region.name : c.region.name, region.pct, y, shown(before) ? before.pct : undefined));
    if (!single) {
      const ok = own.filter(shown);
      const hidden = own.filter((p) => p.status === 'suppressed').length;
      const missing = own.filter((p) => p.status !== 'ok' && p.status !== 'suppressed').map((p) => p.name);
      if (hidden) parts.push(SV.draftHidden(hidden));
      else if (ok.length >= 2) {
        const max = Math.max(...ok.map((p) => p.pct));
        const min = Math.min(...ok.map((p) => p.pct));
        // of the members with a value, said so when some have none
        if (max > min) parts.push(SV.draftHighLow(ok.filter((p) => p.pct === max).map((p) => p.name), max, ok.filter((p) => p.pct === min).map((p) => p.name), min, missing.length ? ok.length : undefined));
      }
      if (missing.length) parts.push(SV.draftMissing(missing));
    }
    const riket = now.find((p) => p.code === '0000');
    if (shown(riket)) parts.push(SV.draftRiket(riket.pct));
    if (parts.length) sentences.push(`${label ? `${label}: ` : ''}${parts.join(' ')}`);
  }
  return sentences.length ? sentences.join('\n') : undefined;
}

/**
 * The draft under a municipality's key figures: for each share, its value in the report's year
 * and its change, beside its comparisons as the table gives them; a hidden value is said to be
 * hidden, with no change or comparison drawn from it.
 */
export function profileDraft(c: ReportContext, code: string, figures: KeyFigure[], cmps: Comparison[], cache: Map<string, number | null>): string | undefined {
  const y = c.year;
  const name = areaName(c, code);
  const lines = figures
    .filter((k) => k.unit === 'pct')
    .slice(0, 3)
    .map((k) => {
      const v = k.value(code, y);
      if (v === null) return SV.draftProfileMissing(k.label, name, y);
      if (typeof v !== 'number') return SV.draftProfileHidden(k.label, name, y);
      const before = k.value(code, y - 1);
      const others = cmps.flatMap((cmp) => {
        const x = comparisonValue(k, cmp, y, cache);
        return x === null ? [] : [[comparisonLabel(cmp), x] as [string, number]];
      });
      return SV.draftProfile(k.label, name, v, y, typeof before === 'number' ? before : undefined, others);
    });
  return lines.length ? lines.join('\n') : undefined;
}

/** How a table's draft words its highest, lowest and Riket: a table of years (T1, T3), or of kronor (T4). */
interface ColumnWords {
  one: (name: string, year: number, v: number) => string;
  highLow: (year: number, high: string[], max: number, low: string[], min: number) => string;
  riket: (v: number) => string;
}
const YEAR_WORDS: ColumnWords = { one: SV.draftTableOne, highLow: SV.draftTableHighLow, riket: SV.draftTableRiket };
const COST_WORDS: ColumnWords = { one: SV.draftCostOne, highLow: SV.draftCost, riket: SV.draftCostRiket };
const PAID_WORDS: ColumnWords = { one: SV.draftPaidOne, highLow: SV.draftPaid, riket: SV.draftCostRiket };
const YOUNG_WORDS: ColumnWords = { one: SV.draftYoungOne, highLow: SV.draftYoung, riket: SV.draftPctRiket };
const YOUNG_RECIPIENTS_WORDS: ColumnWords = { one: SV.draftYoungRecipientsOne, highLow: SV.draftYoungRecipients, riket: SV.draftPctRiket };

/** Each table's draft, by its output id. */
const TABLE_DRAFTS: Partial<Record<TableData['id'], (c: ReportContext, o: TableData) => string | undefined>> = {
  t1: (c, o) => columnDraft(c, o, o.table.columns.findIndex((k) => k.name === String(c.year)), YEAR_WORDS),
  t2: (_c, o) => ojDraft(o),
  t3: (c, o) => columnDraft(c, o, o.table.columns.findIndex((k) => k.name === String(c.year)), YEAR_WORDS),
  // T4's first column of figures is the net cost of the report's year
  t4: (c, o) => columnDraft(c, o, 2, COST_WORDS),
  t5: (c, o) => largestDraft(c, o, { many: (kpi, n, of) => SV.draftHinder(capital(hinderName(kpi)), n, of), one: (kpi, name, v) => SV.draftHinderOne(capital(hinderName(kpi)), name, v) }),
  t8: (c, o) => columnDraft(c, o, o.table.columns.findIndex((k) => k.name === String(c.year)), PAID_WORDS),
  t6: (c, o) => columnDraft(c, o, o.table.columns.findIndex((k) => k.name === 'U31804'), YOUNG_WORDS),
  t9: (c, o) => columnDraft(c, o, o.table.columns.findIndex((k) => k.name === 'age_18_24_pct'), YOUNG_RECIPIENTS_WORDS),
  // T10's figures begin after its count of recipients
  t10: (c, o) => largestDraft(c, o, householdWords(SV.draftHouseholdPersons, SV.draftHouseholdPersonsOne), 3),
  t7: (c, o) => largestDraft(c, o, householdWords(SV.draftHousehold, SV.draftHouseholdOne)),
};

/** A household type's column (`N31911_pct`, `couple_with_children_pct`) named in a draft's words. */
function householdWords(many: (type: string, n: number, of: number) => string, one: (type: string, name: string, v: number) => string): LargestWords {
  const type = (col: string) => capital(householdName(col.replace(/_pct$/, '')));
  return { many: (col, n, of) => many(type(col), n, of), one: (col, name, v) => one(type(col), name, v) };
}

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

/** The draft under a table of the region, or undefined for one it cannot speak of. */
export const tableDraft = (c: ReportContext, o: TableData): string | undefined => TABLE_DRAFTS[o.id]?.(c, o);

/**
 * The draft of one column of a table of the region's municipalities (T1, T3: the report's year;
 * T4: the net cost): its highest and lowest municipality (their own rows, not Göteborg's units),
 * and Riket. No highest or lowest where a member's value is hidden.
 */
function columnDraft(c: ReportContext, o: TableData, col: number, words: ColumnWords): string | undefined {
  if (o.codeColumn === undefined || col < 0) return undefined;
  const members = new Set(c.region.codes);
  const seen = new Set<string>();
  // a municipality's first row is its own; the rows after it with its code are its units
  const own = o.table.rows.filter((r) => {
    const code = String(r[o.codeColumn!]);
    if (!members.has(code) || seen.has(code)) return false;
    seen.add(code);
    return true;
  });
  const parts: string[] = [];
  const shownRows = own.filter((r) => typeof r[col] === 'number');
  if (c.region.codes.length === 1 && shownRows.length === 1) parts.push(words.one(String(shownRows[0][1]), c.year, shownRows[0][col] as number));
  else if (own.some((r) => r[col] === 'X')) parts.push(SV.draftHidden(own.filter((r) => r[col] === 'X').length));
  else if (shownRows.length >= 2) {
    const v = (r: (typeof own)[number]) => r[col] as number;
    const max = Math.max(...shownRows.map(v));
    const min = Math.min(...shownRows.map(v));
    const [high, low] = [max, min].map((x) => shownRows.filter((r) => v(r) === x).map((r) => String(r[1])));
    if (max > min) parts.push(words.highLow(c.year, high, max, low, min));
  }
  // of the members with a value: those without are named, as under the charts
  const missing = c.region.codes.filter((k) => !own.some((r) => String(r[o.codeColumn!]) === k && (typeof r[col] === 'number' || r[col] === 'X')));
  if (missing.length && c.region.codes.length > 1) parts.push(SV.draftMissing(missing.map((k) => areaName(c, k))));
  const riket = o.table.rows.find((r) => r[o.codeColumn!] === '0000');
  if (riket && typeof riket[col] === 'number') parts.push(words.riket(riket[col] as number));
  return parts.length ? parts.join(' ') : undefined;
}

/** What a largest-column draft says, of a column: in how many of the municipalities it is the largest, or one municipality's. */
interface LargestWords {
  many: (column: string, n: number, of: number) => string;
  one: (column: string, name: string, v: number) => string;
}

/**
 * The draft under T5, T7 and T10: the column most often the largest in the region's
 * municipalities (the försörjningshinder, the household type), in `words`; the figures from
 * column `from` on. Nothing where a member's value is hidden (a rank would involve it).
 */
function largestDraft(c: ReportContext, o: TableData, words: LargestWords, from = 2): string | undefined {
  const members = new Set(c.region.codes);
  // the members with values; those without are named after
  const own = o.table.rows.filter((r) => members.has(String(r[0])) && r.slice(from).some((v) => typeof v === 'number' || v === 'X'));
  if (own.some((r) => r.slice(from).includes('X'))) return undefined;
  // one municipality's report: its own largest, with its share
  if (c.region.codes.length === 1 && own.length === 1) {
    const vals = own[0].slice(from).map((v) => (typeof v === 'number' ? v : -1));
    const max = Math.max(...vals);
    return max >= 0 && vals.filter((v) => v === max).length === 1 ? words.one(o.table.columns[from + vals.indexOf(max)].name, String(own[0][1]), max) : undefined;
  }
  if (own.length < 2) return undefined;
  const missing = c.region.codes.filter((k) => !own.some((r) => r[0] === k)).map((k) => areaName(c, k));
  const largest = new Map<string, number>();
  for (const r of own) {
    const vals = r.slice(from).map((v) => (typeof v === 'number' ? v : -1));
    const max = Math.max(...vals);
    // a tie is no "largest"
    if (max < 0 || vals.filter((v) => v === max).length > 1) continue;
    const kpi = o.table.columns[from + vals.indexOf(max)].name;
    largest.set(kpi, (largest.get(kpi) ?? 0) + 1);
  }
  const top = [...largest.entries()].sort((a, b) => b[1] - a[1]);
  if (!top.length || (top[1] && top[1][1] === top[0][1])) return undefined;
  return [words.many(top[0][0], top[0][1], own.length), ...(missing.length ? [SV.draftMissing(missing)] : [])].join(' ');
}

/**
 * The draft under the ÖJ table (T2): the questions most and fewest units answered yes to, of the
 * units that answered. Nothing where every question has as many yes.
 */
function ojDraft(o: TableData): string | undefined {
  const rows = o.table.rows.filter((r) => r.slice(1, 5).every((v) => typeof v === 'number'));
  if (rows.length < 2) return undefined;
  const yes = (r: (typeof rows)[number]) => r[1] as number;
  const max = Math.max(...rows.map(yes));
  const min = Math.min(...rows.map(yes));
  if (max === min) return undefined;
  const with_ = (n: number) => rows.filter((r) => yes(r) === n).map((r) => `”${r[0]}”`);
  return SV.draftOj(with_(max), max, with_(min), min);
}

/**
 * The draft under a survey diagram, from the bars it draws: the highest and lowest mean (D7, D8,
 * D12), the largest and smallest gap (D9–D11), the shares (D6); a bar hidden for too few answers
 * is not ranked.
 */
export function surveyDraft(o: SurveyChart): string | undefined {
  const shownBars = o.bars.filter((b) => b.value !== null);
  const hidden = o.bars.length - shownBars.length;
  const parts: string[] = [];
  if (o.template === 'tenure') {
    if (shownBars.length) parts.push(SV.draftSurveyShares(shownBars.map((b) => [b.label, b.value!] as [string, number])));
  } else {
    const v = (b: (typeof shownBars)[number]) => (o.template === 'gap' ? b.gap ?? null : b.value);
    const ranked = shownBars.filter((b) => v(b) !== null);
    if (ranked.length >= 2) {
      const top = ranked.reduce((a, b) => (v(b)! > v(a)! ? b : a));
      const bottom = ranked.reduce((a, b) => (v(b)! < v(a)! ? b : a));
      if (v(top)! > v(bottom)!) parts.push(o.template === 'gap' ? SV.draftSurveyGap(top.label, v(top)!, bottom.label, v(bottom)!) : SV.draftSurveyMeans(top.label, v(top)!, bottom.label, v(bottom)!));
    }
  }
  if (hidden) parts.push(SV.draftSurveyHidden(hidden));
  return parts.length ? parts.join(' ') : undefined;
}

