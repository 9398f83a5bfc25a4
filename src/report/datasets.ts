/**
 * The report catalogue (SPEC §5) as data: for each of T1–T3 and D1–D5, the rows behind it,
 * from the register when there is one and from published statistics otherwise, suppressed,
 * or the reason it cannot be made. Pure: no I/O.
 */
import { Area, Region } from '../domain/municipalities.js';
import { GROUP_LABEL_SV } from '../domain/reasons.js';
import { SHOWN, SumRelation, SuppressOptions, share, suppressCells } from '../domain/suppress.js';
import { Cell, Column, Table } from '../tables/table.js';
import { Facts, REG } from './facts.js';
import type { ChartData, Point } from '../charts/types.js';

export type { ChartData, ChartKind, Point } from '../charts/types.js';

export interface TableData {
  kind: 'table';
  id: string;
  slug: string;
  title: string;
  table: Table;
  source: string;
  notes: string[];
  /** column holding municipality codes, for the profiles' own rows */
  codeColumn?: number;
}

export interface Skipped {
  kind: 'skipped';
  id: string;
  title: string;
  reason: string;
}

export type Output = ChartData | TableData | Skipped;

export interface ReportContext {
  year: number;
  years: number[];
  region: Region;
  areas: (code: string) => Area | undefined;
  facts: Facts;
  suppress: SuppressOptions;
  credit: string;
}

const METRO = ['0180', '1480', '1280'];
const REGISTER_SOURCE = (c: ReportContext) => `Källa: Socialstyrelsens register över ekonomiskt bistånd ${c.years[0]}–${c.year}, bearbetning: ${c.credit}`;
const KOLADA_SOURCE = (c: ReportContext, kpis: string) => `Källa: Kolada (${kpis}), bearbetning: ${c.credit}`;
const yearSpan = (c: ReportContext) => `${c.years[0]}–${c.year}`;

/** Counts of a measure per municipality, with the region total, suppressed together. */
function countPoints(
  c: ReportContext,
  codes: string[],
  years: number[],
  series: { label: string; num: string }[],
  den: (code: string, year: number) => number | null,
  denIsCount: boolean,
  regionRow: boolean,
): Point[] {
  const cells: (number | null)[] = [];
  const sums: SumRelation[] = [];
  const at = new Map<string, number>();
  const put = (key: string, v: number | null) => {
    at.set(key, cells.length);
    cells.push(v);
  };
  const regCode = c.region.id;
  // cells in code order, as classify and reasons lay them out: equal counts then resolve the
  // same way in every output, so no two outputs hide different cells of the same sum
  const byCode = [...codes].sort();
  const num = (m: string, code: string, y: number) => {
    const f = c.facts.get(m, code, y);
    return f ? (f.value as number) : c.facts.registerYears.includes(y) ? 0 : null;
  };
  for (const y of years) {
    for (const s of series) {
      for (const code of byCode) put(`n|${s.label}|${code}|${y}`, num(s.num, code, y));
      if (regionRow) {
        const parts = byCode.map((code) => at.get(`n|${s.label}|${code}|${y}`)!);
        const vals = parts.map((i) => cells[i]);
        put(`n|${s.label}|${regCode}|${y}`, vals.some((v) => v === null) ? null : vals.reduce((a, b) => a! + b!, 0));
        sums.push({ total: at.get(`n|${s.label}|${regCode}|${y}`)!, parts });
      }
    }
    if (denIsCount) {
      for (const code of byCode) put(`d|${code}|${y}`, den(code, y));
      if (regionRow) {
        const parts = byCode.map((code) => at.get(`d|${code}|${y}`)!);
        const vals = parts.map((i) => cells[i]);
        put(`d|${regCode}|${y}`, vals.some((v) => v === null) ? null : vals.reduce((a, b) => a! + b!, 0));
        sums.push({ total: at.get(`d|${regCode}|${y}`)!, parts });
      }
    }
  }
  const state = suppressCells(cells, sums, c.suppress);
  const shownAt = (key: string): Cell => {
    const i = at.get(key)!;
    const v = cells[i];
    return v === null ? null : state[i] === SHOWN ? v : 'X';
  };
  const out: Point[] = [];
  const all = regionRow ? [...codes, regCode] : codes;
  for (const y of years)
    for (const s of series)
      for (const code of all) {
        const n = shownAt(`n|${s.label}|${code}|${y}`);
        let d: Cell;
        if (denIsCount) d = shownAt(`d|${code}|${y}`);
        else d = code === regCode ? codes.reduce<number | null>((a, k) => (a === null || den(k, y) === null ? null : a + den(k, y)!), 0) : den(code, y);
        const pct = share(n as number | 'X' | null, d as number | 'X' | null, denIsCount ? c.suppress : { ...c.suppress, minDenominator: 0 });
        out.push({
          code,
          name: code === regCode ? c.region.name : (c.areas(code)?.name ?? code),
          year: y,
          series: s.label,
          pct: typeof pct === 'number' ? pct : null,
          numerator: n,
          denominator: d,
          status: pct === 'X' ? 'suppressed' : pct === null ? (n === null ? 'not_available' : 'missing') : 'ok',
        });
      }
  return out;
}

/** Published shares (Kolada, in percent) per municipality, with an unweighted region mean. */
function kpiPoints(c: ReportContext, codes: string[], years: number[], series: { label: string; kpi: string }[], regionMean: boolean): { points: Point[]; notes: string[] } {
  const out: Point[] = [];
  const notes: string[] = [];
  for (const y of years)
    for (const s of series) {
      const vals: number[] = [];
      for (const code of codes) {
        const f = c.facts.get(s.kpi, code, y);
        const ok = f?.status === 'ok' && typeof f.value === 'number';
        if (ok) vals.push(f!.value as number);
        out.push({
          code,
          name: c.areas(code)?.name ?? code,
          year: y,
          series: s.label,
          pct: ok ? (f!.value as number) : null,
          numerator: null,
          denominator: null,
          status: ok ? 'ok' : f?.status === 'suppressed' ? 'suppressed' : f ? 'missing' : 'not_available',
        });
      }
      if (regionMean) {
        const mean = vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : null;
        if (vals.length && vals.length < codes.length) notes.push(`${c.region.name} ${y}: medel av ${vals.length} av ${codes.length} kommuner (övriga saknas eller har sekretess).`);
        out.push({ code: c.region.id, name: `${c.region.name} (ovägt medel)`, year: y, series: s.label, pct: mean, numerator: null, denominator: null, status: mean === null ? 'missing' : 'ok' });
      }
    }
  return { points: out, notes };
}

function hiddenNote(points: Point[]): string[] {
  const hidden = points.filter((p) => p.status === 'suppressed').length;
  return hidden ? [`${hidden} staplar saknas: färre än 5 personer eller en liten nämnare (sekretess, X i tabellen).`] : [];
}

function populationOf(c: ReportContext): { measure: string; adults: boolean } | undefined {
  if (c.facts.has('population_18plus')) return { measure: 'population_18plus', adults: true };
  if (c.facts.has('population')) return { measure: 'population', adults: false };
  return undefined;
}

function d1d2(c: ReportContext, id: 'd1' | 'd2', codes: string[], regionRow: boolean, title: string): Output {
  const hasRegister = c.facts.registerYears.length > 0;
  const pop = populationOf(c);
  const registerCovers = hasRegister && codes.every((k) => c.facts.registerYears.some((y) => c.facts.get(REG.recipients, k, y)));
  const years = c.years;
  // one bar a year per municipality (and the region), from whichever source
  const chart = (points: Point[], subtitle: string, source: string, regionLabel: string, notes: string[]): ChartData => ({
    kind: 'chart',
    id,
    slug: id === 'd1' ? 'andel-av-befolkningen' : 'storstaderna',
    title,
    subtitle: `${subtitle} (%), ${yearSpan(c)}`,
    template: 'grouped',
    order: [...codes.map((k) => c.areas(k)?.name ?? k), ...(regionRow ? [regionLabel] : [])],
    yTitle: 'Andel av befolkningen (%)',
    points: points.map((p) => ({ ...p, series: String(p.year) })),
    source,
    notes: [...hiddenNote(points), ...notes],
    codes,
  });
  if (hasRegister && pop && (id === 'd1' || registerCovers)) {
    const den = (code: string, y: number) => {
      const f = c.facts.get(pop.measure, code, y);
      return f?.status === 'ok' ? (f.value as number) : null;
    };
    const points = countPoints(c, codes, years, [{ label: '', num: REG.recipients }], den, false, regionRow);
    return chart(
      points,
      pop.adults ? 'Vuxna biståndsmottagare per vuxen invånare' : 'Biståndsmottagare per invånare',
      REGISTER_SOURCE(c) + '; befolkning: SCB',
      c.region.name,
      regionRow ? [`${c.region.name}: samtliga mottagare delat med samtliga invånare i regionen.`] : [],
    );
  }
  // N31825 is the report's measure (adults per adult inhabitant); N31807 counts all inhabitants
  const kpi = c.facts.has('N31825') ? 'N31825' : c.facts.has('N31807') ? 'N31807' : undefined;
  if (kpi) {
    const { points, notes } = kpiPoints(c, codes, years, [{ label: '', kpi }], regionRow);
    const subtitle = kpi === 'N31825' ? 'Vuxna biståndsmottagare, andel av befolkningen 18+ år' : 'Invånare med ekonomiskt bistånd, andel av befolkningen';
    return chart(points, subtitle, KOLADA_SOURCE(c, kpi), `${c.region.name} (ovägt medel)`, notes);
  }
  return { kind: 'skipped', id, title, reason: hasRegister && !pop ? 'needs a population file (--population) to turn recipients into a share of inhabitants' : id === 'd2' && hasRegister ? 'the register does not cover Stockholm, Göteborg and Malmö, and no Kolada N31807 was given' : 'needs --register with --population, or Kolada N31825 or N31807' };
}

function d3d4(c: ReportContext, id: 'd3' | 'd4'): Output {
  const codes = [...c.region.codes];
  const title = id === 'd3' ? `Långvarigt och mycket långvarigt ekonomiskt bistånd i ${c.region.name}` : 'Långvarigt och mycket långvarigt ekonomiskt bistånd per kommun';
  const years = id === 'd3' ? c.years : [c.year];
  const LONG = 'Långvarigt (≥ 10 mån)';
  const VLONG = 'Mycket långvarigt (≥ 27 av 36 mån)';
  const notes: string[] = [];
  // the region alone over the years (D3), or every municipality in Y (D4)
  const chart = (points: Point[], source: string, extraNotes: string[], regionLabel: string, subtitleTail: string): ChartData => {
    const pts = id === 'd3' ? points.filter((p) => p.code === c.region.id) : points;
    return {
      kind: 'chart',
      id,
      slug: id === 'd3' ? 'langvarigt-regionen' : 'langvarigt-per-kommun',
      title,
      subtitle: `Andel av vuxna biståndsmottagare (%), ${id === 'd3' ? yearSpan(c) : c.year}${subtitleTail}`,
      template: id === 'd3' ? 'years' : 'grouped',
      order: id === 'd3' ? years.map(String) : [...codes.map((k) => c.areas(k)?.name ?? k), regionLabel],
      yTitle: 'Andel av biståndsmottagarna (%)',
      points: pts,
      source,
      notes: [...hiddenNote(pts), ...extraNotes],
      codes,
    };
  };
  if (c.facts.registerYears.length) {
    const series = [{ label: LONG, num: REG.longTerm }];
    const vlYears = years.filter((y) => c.facts.veryLongYears.has(y));
    const missing = years.filter((y) => !c.facts.veryLongYears.has(y));
    if (missing.length) notes.push(`Mycket långvarigt ${missing.join(', ')}: ritas inte — registret når inte tillbaka in i året två år före.`);
    const den = (code: string, y: number) => {
      const f = c.facts.get(REG.recipients, code, y);
      return f ? (f.value as number) : 0;
    };
    let points = countPoints(c, codes, years, series, den, true, true);
    if (vlYears.length) points = [...points, ...countPoints(c, codes, vlYears, [{ label: VLONG, num: REG.veryLongTerm }], den, true, true)];
    notes.push('Mycket långvarigt: minst 27 månader med bistånd under tre år och inget avbrott längre än två månader.');
    return chart(points, REGISTER_SOURCE(c), notes, c.region.name, '');
  }
  if (c.facts.has('N31814') || c.facts.has('U31801')) {
    const series = [
      ...(c.facts.has('N31814') ? [{ label: LONG, kpi: 'N31814' }] : []),
      ...(c.facts.has('U31801') ? [{ label: VLONG, kpi: 'U31801' }] : []),
    ];
    const { points, notes: n } = kpiPoints(c, codes, years, series, true);
    return chart(points, KOLADA_SOURCE(c, series.map((s) => s.kpi).join(', ')), n, `${c.region.name} (ovägt medel)`, id === 'd3' ? ', ovägt medel av kommunerna' : '');
  }
  return { kind: 'skipped', id, title, reason: 'needs --register, or Kolada N31814 / U31801' };
}

/** D5, from whichever source gave the points: the reason groups per municipality in Y. */
function d5Chart(c: ReportContext, title: string, codes: string[], points: Point[], regionLabel: string, source: string, notes: string[]): ChartData {
  return {
    kind: 'chart',
    id: 'd5',
    slug: 'forsorjningshinder',
    title,
    subtitle: `Andel av vuxna biståndsmottagare per grupp av försörjningshinder (%), ${c.year}`,
    template: 'grouped',
    order: [...codes.map((k) => c.areas(k)?.name ?? k), regionLabel],
    yTitle: 'Andel av biståndsmottagarna (%)',
    points,
    source,
    notes: [...hiddenNote(points), ...notes],
    codes,
  };
}

/** Socialstyrelsen's categories (Kolada N31858–N31863) summed into the report's groups. */
const KOLADA_GROUPS: [string, string[]][] = [
  [GROUP_LABEL_SV.unemployment, ['N31858', 'N31859']],
  [GROUP_LABEL_SV.ill_health, ['N31860', 'N31861']],
  [GROUP_LABEL_SV.social, ['N31863']],
];

function d5FromKolada(c: ReportContext, title: string): Output | undefined {
  if (!KOLADA_GROUPS.every(([, kpis]) => kpis.every((k) => c.facts.has(k)))) return undefined;
  const codes = [...c.region.codes];
  const points: Point[] = [];
  for (const [label, kpis] of KOLADA_GROUPS) {
    const vals: number[] = [];
    for (const code of codes) {
      const fs = kpis.map((k) => c.facts.get(k, code, c.year));
      const ok = fs.every((f) => f?.status === 'ok' && typeof f.value === 'number');
      const pct = ok ? fs.reduce((a, f) => a + (f!.value as number), 0) : null;
      if (pct !== null) vals.push(pct);
      const status = ok ? 'ok' : fs.some((f) => f?.status === 'suppressed') ? 'suppressed' : fs.some((f) => f) ? 'missing' : 'not_available';
      points.push({ code, name: c.areas(code)?.name ?? code, year: c.year, series: label, pct, numerator: null, denominator: null, status });
    }
    const mean = vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : null;
    points.push({ code: c.region.id, name: `${c.region.name} (ovägt medel)`, year: c.year, series: label, pct: mean, numerator: null, denominator: null, status: mean === null ? 'missing' : 'ok' });
  }
  return d5Chart(c, title, codes, points, `${c.region.name} (ovägt medel)`, KOLADA_SOURCE(c, KOLADA_GROUPS.flatMap(([, k]) => k).join(', ')), [
    'Arbetslöshet = arbetslösa + arbetslösa med etableringsersättning, ohälsa = sjukskrivna + sjuk- eller aktivitetsersättning, sociala skäl = arbetshinder av sociala skäl (Socialstyrelsens kategorier).',
    'Socialstyrelsen räknar Ingen etableringsersättning (prestationsförmåga < 25 %) som etablering, GR-rapporten som ohälsa.',
  ]);
}


function d5(c: ReportContext): Output {
  const title = 'Försörjningshinder per kommun';
  if (!c.facts.registerYears.length || !c.facts.has(REG.group('unemployment')))
    return d5FromKolada(c, title) ?? { kind: 'skipped', id: 'd5', title, reason: 'needs --register with a försörjningshinder column, or Kolada N31858–N31861 and N31863' };
  const codes = [...c.region.codes];
  const groups = ['unemployment', 'ill_health', 'social'] as const;
  const den = (code: string, y: number) => {
    const f = c.facts.get(REG.recipients, code, y);
    return f ? (f.value as number) : 0;
  };
  const points = countPoints(c, codes, [c.year], groups.map((g) => ({ label: GROUP_LABEL_SV[g], num: REG.group(g) })), den, true, true);
  return d5Chart(c, title, codes, points, c.region.name, REGISTER_SOURCE(c), [
    'Varje person räknas en gång, i den grupp flest av årets månader har; övrigt och uppgift saknas visas inte.',
    'Ingen etableringsersättning (prestationsförmåga < 25 %) räknas som ohälsa, som i GR-rapporten.',
  ]);
}


/** Years as columns, a row per municipality, Riket last (T1, T3). */
function kpiTable(c: ReportContext, id: 't1' | 't3', kpi: string, title: string, slug: string, withRiket: boolean): Output {
  if (!c.facts.has(kpi)) return { kind: 'skipped', id, title, reason: `needs Kolada ${kpi} (--kolada)${id === 't3' ? ', or an ÖJ file with a socionomexamen question' : ''}` };
  const years = c.facts.years(kpi).filter((y) => y <= c.year).slice(-3);
  const codes = [...c.region.codes, ...(withRiket ? ['0000'] : [])];
  const marker = (code: string, y: number): Cell => {
    const f = c.facts.get(kpi, code, y);
    if (!f) return '';
    if (f.status === 'ok') return f.value as number;
    return f.status === 'suppressed' ? 'X' : f.status === 'not_applicable' ? '.' : '–';
  };
  const columns: Column[] = [{ name: 'kommun_code' }, { name: 'kommun_name' }, ...years.map((y) => ({ name: String(y), raw: true }))];
  const rows = codes.map((code) => [code, c.areas(code)?.name ?? code, ...years.map((y) => marker(code, y))]);
  return {
    kind: 'table',
    id,
    slug,
    title,
    table: { columns, rows },
    source: KOLADA_SOURCE(c, kpi),
    notes: ['X = sekretess, – = uppgift saknas, . = ej tillämpligt'],
    codeColumn: 0,
  };
}

/**
 * T3 from the ÖJ survey when Kolada U31404 is not given: the question on handläggare with
 * socionomexamen, per municipality (Göteborg: the mean of its socialförvaltningar).
 */
function t3FromOj(c: ReportContext, title: string): Output | undefined {
  const rows = c.facts.oj.filter((r) => /socionom/i.test(r.measure));
  if (!rows.length) return undefined;
  const years = [...new Set(rows.map((r) => r.period))].sort();
  const codes = [...c.region.codes, ...(rows.some((r) => r.kommunCode === '0000') ? ['0000'] : [])];
  const cell = (code: string, y: string): Cell => {
    const mine = rows.filter((r) => r.kommunCode === code && r.period === y);
    const nums = mine.filter((r) => typeof r.value === 'number').map((r) => r.value as number);
    if (nums.length) return Math.round((nums.reduce((a, b) => a + b, 0) / nums.length) * 10) / 10;
    return mine.length ? (mine.some((r) => r.status === 'suppressed') ? 'X' : '–') : '';
  };
  const notes = ['X = sekretess, – = uppgift saknas'];
  if (rows.filter((r) => r.kommunCode === '1480').length > years.length) notes.push('Göteborg: medel av socialförvaltningarnas svar.');
  if (!codes.includes('0000')) notes.push('Riket saknas i ÖJ-filen.');
  return {
    kind: 'table',
    id: 't3',
    slug: 'socionomexamen',
    title,
    table: { columns: [{ name: 'kommun_code' }, { name: 'kommun_name' }, ...years.map((y) => ({ name: y, raw: true }))], rows: codes.map((code) => [code, c.areas(code)?.name ?? code, ...years.map((y) => cell(code, y))]) },
    source: `Källa: Öppna jämförelser, Socialstyrelsen, bearbetning: ${c.credit}`,
    notes,
    codeColumn: 0,
  };
}

function t2(c: ReportContext): Output {
  const title = 'Kunskapsbaserad verksamhet (Öppna jämförelser): antal svar per fråga';
  const inRegion = c.facts.oj.filter((r) => c.region.codes.includes(r.kommunCode));
  if (!inRegion.length) return { kind: 'skipped', id: 't2', title, reason: c.facts.oj.length ? `the ÖJ file has no unit in ${c.region.name}` : 'needs an ÖJ survey file (--oj)' };
  // the Ja / Nej / Delvis questions; numeric ones (such as socionomexamen) belong to T3
  const questions = [...new Set(inRegion.filter((r) => typeof r.value !== 'number').map((r) => r.measure))].filter((q) => !inRegion.some((r) => r.measure === q && typeof r.value === 'number'));
  const count = (q: string, v: string | null) => inRegion.filter((r) => r.measure === q && r.value === v).length;
  const rows = questions.map((q) => [q, count(q, 'Ja'), count(q, 'Nej'), count(q, 'Delvis'), count(q, null)]);
  const units = new Set(inRegion.map((r) => `${r.kommunCode}|${r.extra.unit ?? ''}`)).size;
  return {
    kind: 'table',
    id: 't2',
    slug: 'kunskapsbaserad-verksamhet',
    title,
    table: { columns: [{ name: 'fraga' }, { name: 'ja' }, { name: 'nej' }, { name: 'delvis' }, { name: 'ej_svar' }], rows },
    source: `Källa: Öppna jämförelser, Socialstyrelsen, bearbetning: ${c.credit}`,
    notes: [`${units} svarande enheter i ${c.region.name} (Göteborgs socialförvaltningar var för sig).`],
  };
}

/** A municipality's own trend: its share of the population against the region's. */
export function trendFor(c: ReportContext, d1: ChartData, code: string): ChartData {
  const mine = d1.points.filter((p) => p.code === code || p.code === c.region.id);
  return {
    ...d1,
    id: 'trend',
    slug: 'utveckling',
    title: `${c.areas(code)?.name ?? code}: andel av befolkningen med ekonomiskt bistånd`,
    template: 'trend',
    order: c.years.map(String),
    points: mine.map((p) => ({ ...p, series: p.name })),
    codes: [code],
  };
}

export function buildOutputs(c: ReportContext): Output[] {
  // municipalities in Swedish alphabetical order, as a reader looks for them
  const byName = [...c.region.codes].sort((a, b) => (c.areas(a)?.name ?? a).localeCompare(c.areas(b)?.name ?? b, 'sv'));
  c = { ...c, region: { ...c.region, codes: byName } };
  return [
    kpiTable(c, 't1', 'U31900', 'Socioekonomisk sorteringsnyckel per kommun', 'sorteringsnyckel', false),
    t2(c),
    (!c.facts.has('U31404') && t3FromOj(c, 'Handläggare med socionomexamen (%)')) || kpiTable(c, 't3', 'U31404', 'Handläggare med socionomexamen (%)', 'socionomexamen', true),
    d1d2(c, 'd1', [...c.region.codes], true, `Andel av befolkningen med ekonomiskt bistånd i ${c.region.name}`),
    d1d2(c, 'd2', METRO, false, 'Andel av befolkningen med ekonomiskt bistånd i storstäderna'),
    d3d4(c, 'd3'),
    d3d4(c, 'd4'),
    d5(c),
  ];
}
