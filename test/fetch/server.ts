/**
 * A loopback Kolada (API v3) for the tests of `fetch`, answering as ../shared/docs/apis.md §1
 * documents it: the path-form data URL, ≤ 25 ids a segment (422 beyond), pages followed through an
 * absolute `next_url` until null, `period` a number, `isdeleted` in each value, K/M/T for the KPIs
 * divided by gender, `count` > 1 for a group; no row for a year not yet published. Switches make
 * it answer 429 once, fail with 500, or answer in another shape.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const GENDER_SPLIT = new Set(['N31814', 'N31816', 'N31825']);

export interface Loopback {
  base: string;
  /** the paths asked, in order */
  asked: string[];
  /** when each was asked (ms since the epoch) */
  at: number[];
  /** the values a KPI, area and year was given (T) */
  value: (kpi: string, area: string, year: number) => number;
  close: () => Promise<void>;
  /** answer the next request with 429 and Retry-After: 0 */
  tooMany: number;
  /** answer every request with this status and body */
  fail?: { status: number; body: string };
  /**
   * SCB: the calls a time window (s) /config says, SCB's own 30 a 10 s unless set; a test about
   * something else says more, and the client spaces its calls by it all the same
   */
  limit?: { calls: number; window: number };
}

/** A value in 0–60 for a KPI, area and year: the same each time. */
export function koladaValue(kpi: string, area: string, year: number): number {
  let h = 7;
  for (const ch of `${kpi}|${area}|${year}`) h = (h * 31 + ch.charCodeAt(0)) % 100_003;
  return Math.round((h % 600) + 1) / 10;
}

export async function koladaLoopback(o: { published: number; pageSize?: number; deleted?: { kpi: string; area: string; year: number } }): Promise<Loopback> {
  const pageSize = o.pageSize ?? 5000;
  const state: Loopback = { base: '', asked: [], at: [], value: koladaValue, close: async () => {}, tooMany: 0 };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', state.base);
    state.asked.push(url.pathname + url.search);
    state.at.push(Date.now());
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (state.fail) return send(state.fail.status, state.fail.body);
    if (state.tooMany > 0) {
      state.tooMany--;
      return send(429, { detail: 'Too many requests' }, { 'retry-after': '0' });
    }
    const m = /^\/v3\/data\/kpi\/([^/]+)\/municipality\/([^/]+)\/year\/([^/]+)$/.exec(url.pathname);
    if (!m) return send(404, { detail: 'Not Found' });
    const [kpis, areas, years] = [m[1], m[2], m[3]].map((seg) => decodeURIComponent(seg).split(','));
    if ([kpis, areas, years].some((ids) => ids.length > 25)) return send(422, { detail: [{ loc: ['path'], msg: 'at most 25 ids', type: 'value_error' }] });
    const rows: unknown[] = [];
    for (const kpi of kpis)
      for (const area of areas)
        for (const y of years.map(Number)) {
          if (y > o.published) continue;
          const t = koladaValue(kpi, area, y);
          const count = area.startsWith('G') ? 7 : 1;
          const values: unknown[] = [];
          if (o.deleted && o.deleted.kpi === kpi && o.deleted.area === area && o.deleted.year === y) values.push({ gender: 'T', count, status: '', value: 99.9, isdeleted: true });
          values.push({ gender: 'T', count, status: '', value: t, isdeleted: false });
          if (GENDER_SPLIT.has(kpi)) values.push({ gender: 'K', count, status: '', value: Math.max(0, t - 1), isdeleted: false }, { gender: 'M', count, status: '', value: t + 1, isdeleted: false });
          rows.push({ kpi, municipality: area, period: y, values });
        }
    const page = Number(url.searchParams.get('page') ?? 1);
    const slice = rows.slice((page - 1) * pageSize, page * pageSize);
    const next = page * pageSize < rows.length ? `${state.base}${url.pathname}?page=${page + 1}&per_page=${pageSize}` : null;
    const prev = page > 1 ? `${state.base}${url.pathname}?page=${page - 1}&per_page=${pageSize}` : null;
    send(200, { values: slice, count: slice.length, next_url: next, previous_url: prev });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((r) => server.close(() => r()));
  return state;
}

/**
 * A loopback SCB PxWebApi 2.0 (docs/apis.md §2): `/config`, the table search, JSON-stat 2.0
 * metadata and data as SCB writes them — categories in the order asked, the last dimension fastest,
 * each table's own codes. TAB638 (exact) has 2015–2020, TAB5557 (Cell Key noise: its totals are
 * not the sums of their parts) has 2021; a year neither has is "Non-existent value"; a selection
 * of more cells than `maxCells` is "Too many cells selected".
 */
const AGES = Array.from({ length: 100 }, (_, i) => String(i));
const hashOf = (s: string) => {
  let h = 11;
  for (const ch of s) h = (h * 131 + ch.charCodeAt(0)) % 1_000_003;
  return h;
};
/** A cell of TAB638: one region, marital state, age, sex and year. */
export const tab638Cell = (region: string, civ: string, age: string, sex: string, year: string) => 1 + (hashOf(`${region}|${civ}|${age}|${sex}|${year}`) % 9);
/** A cell of TAB5557 for both sexes and all marital states (the only parts fetch asks for). */
export const tab5557Cell = (region: string, age: string, year: string) => 10 + (hashOf(`${region}|${age}|${year}`) % 40);

/** The population 18+ the loopback's tables hold for a region and year, summed as a reader sums it. */
export function scbAdults(region: string, year: number): number {
  const ages = [...AGES.filter((a) => Number(a) >= 18)];
  if (year === 2021) return [...ages, '100+1'].reduce((n, a) => n + tab5557Cell(region, a, '2021'), 0);
  let n = 0;
  for (const civ of ['OG', 'G', 'SK', 'ÄNKL']) for (const sex of ['1', '2']) for (const a of [...ages, '100+']) n += tab638Cell(region, civ, a, sex, String(year));
  return n;
}

type Dim = { label: string; codes: [string, string][]; elimination: boolean };
const dim = (label: string, codes: [string, string][], elimination = true): Dim => ({ label, codes, elimination });

function tables(regions: [string, string][]): Record<string, { label: string; updated: string; dims: Record<string, Dim> }> {
  return {
    TAB638: {
      label: 'Folkmängden efter region, civilstånd, ålder och kön.  År 1968-2024',
      updated: '2025-02-21T07:00:00Z',
      dims: {
        Region: dim('region', regions),
        Civilstand: dim('civilstånd', [['OG', 'ogifta'], ['G', 'gifta'], ['SK', 'skilda'], ['ÄNKL', 'änkor/änklingar']]),
        Alder: dim('ålder', [...AGES.map((a) => [a, `${a} år`] as [string, string]), ['100+', '100+ år'], ['tot', 'totalt ålder']]),
        Kon: dim('kön', [['1', 'män'], ['2', 'kvinnor']]),
        ContentsCode: dim('tabellinnehåll', [['BE0101N1', 'Folkmängd'], ['BE0101N2', 'Folkökning']], false),
        Tid: dim('år', ['2015', '2016', '2017', '2018', '2019', '2020'].map((y) => [y, y] as [string, string]), false),
      },
    },
    TAB5557: {
      label: 'Folkmängden efter region, civilstånd, ålder och kön. År 2025',
      updated: '2026-02-24T07:00:00Z',
      dims: {
        Region: dim('region', regions),
        Civilstand: dim('civilstånd', [['SC', 'totalt, samtliga civilstånd'], ['OG', 'ogifta'], ['G', 'gifta'], ['SK', 'skilda'], ['ÄNKL', 'änkor/änklingar']], false),
        Alder: dim('ålder', [['TotSA', 'totalt, samtliga åldrar'], ...AGES.map((a) => [a, `${a} år`] as [string, string]), ['100+1', '100+ år'], ['-4', '0–4 år'], ['100+5', '100+ år'], ['TOT1', 'totalt, samtliga åldrar']], false),
        Kon: dim('kön', [['TotSa', 'totalt, samtliga män och kvinnor'], ['1', 'män'], ['2', 'kvinnor']]),
        ContentsCode: dim('tabellinnehåll', [['000007ME', 'Folkmängd'], ['000007MG', 'Folkökning']], false),
        Tid: dim('år', [['2021', '2021']], false),
      },
    },
  };
}

/** TAB5557's note on its noise, as SCB words it (docs/apis.md §2.3). */
const CKM_NOTE = 'Uppgifterna skyddas med slumpmässigt brus; därför är inte alltid de redovisade totalerna lika med summan av deras redovisade delar.';

function jsonStat(id: string, t: { label: string; updated: string; dims: Record<string, Dim> }, pick: Record<string, string[]>, value: number[]) {
  const ids = Object.keys(t.dims);
  const dimension = Object.fromEntries(
    ids.map((d) => {
      const codes = pick[d];
      const label = Object.fromEntries(t.dims[d].codes.filter(([c]) => codes.includes(c)));
      return [d, { label: t.dims[d].label, category: { index: Object.fromEntries(codes.map((c, i) => [c, i])), label: Object.fromEntries(codes.map((c) => [c, label[c]])) }, extension: { elimination: t.dims[d].elimination } }];
    }),
  );
  return { version: '2.0', class: 'dataset', label: t.label, source: 'SCB', updated: t.updated, ...(id === 'TAB5557' ? { note: [CKM_NOTE] } : {}), role: { time: ['Tid'], metric: ['ContentsCode'] }, id: ids, size: ids.map((d) => pick[d].length), dimension, extension: { px: { tableid: id, contents: 'Folkmängd' } }, value };
}

export async function scbLoopback(o: { maxCells?: number; regions: [string, string][] }): Promise<Loopback> {
  const T = tables(o.regions);
  const state: Loopback = { base: '', asked: [], at: [], value: koladaValue, close: async () => {}, tooMany: 0 };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', state.base);
    let body = '';
    for await (const chunk of req) body += chunk;
    state.asked.push(`${req.method} ${url.pathname}${url.search}`);
    state.at.push(Date.now());
    const send = (status: number, b: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json; charset=UTF-8', ...headers });
      res.end(JSON.stringify(b));
    };
    if (state.fail) {
      res.writeHead(state.fail.status, { 'content-type': 'application/json' });
      return res.end(state.fail.body);
    }
    if (state.tooMany > 0) {
      state.tooMany--;
      return send(429, { title: 'Too many requests', status: 429 }, { 'retry-after': '0' });
    }
    const p = url.pathname.replace(/^\/api\/v2/, '');
    if (p === '/config') return send(200, { apiVersion: '2.3.2', maxDataCells: o.maxCells ?? 150000, maxCallsPerTimeWindow: state.limit?.calls ?? 30, timeWindow: state.limit?.window ?? 10, defaultLanguage: 'sv', defaultDataFormat: 'json-stat2' });
    if (p === '/tables') {
      const q = url.searchParams.get('query') ?? '';
      const found = Object.entries(T).filter(([, t]) => t.label.includes(q)).map(([id, t]) => ({ id, label: t.label, updated: t.updated, discontinued: false, firstPeriod: t.dims.Tid.codes[0][0], lastPeriod: t.dims.Tid.codes.at(-1)![0] }));
      return send(200, { language: 'sv', tables: found, page: { pageNumber: 1, pageSize: 100, totalElements: found.length, totalPages: 1 } });
    }
    const m = /^\/tables\/([^/]+)\/(metadata|data)$/.exec(p);
    const t = m && T[m[1]];
    if (!m || !t) return send(404, { type: 'Parameter error', title: 'Non-existent table', status: 404 });
    if (m[2] === 'metadata') return send(200, jsonStat(m[1], t, Object.fromEntries(Object.entries(t.dims).map(([d, x]) => [d, x.codes.map(([c]) => c)])), []));
    const selection = (JSON.parse(body || '{}').selection ?? []) as { variableCode: string; valueCodes: string[] }[];
    const pick: Record<string, string[]> = {};
    for (const [d, x] of Object.entries(t.dims)) {
      const s = selection.find((v) => v.variableCode === d);
      if (!s) {
        if (!x.elimination) return send(400, { type: 'Parameter error', title: 'Missing selection for mandantory variable', status: 400 });
        pick[d] = [x.codes[0][0]];
        continue;
      }
      if (s.valueCodes.some((c) => !x.codes.some(([k]) => k === c))) return send(400, { type: 'Parameter error', title: 'Non-existent value', status: 400 });
      pick[d] = s.valueCodes;
    }
    const cells = Object.values(pick).reduce((n, c) => n * c.length, 1);
    if (cells > (o.maxCells ?? 150000)) return send(400, { type: 'Parameter error', title: 'Too many cells selected', detail: 'Too many cells selected', status: 400 });
    const ids = Object.keys(t.dims);
    const value: number[] = [];
    const walk = (i: number, at: Record<string, string>) => {
      if (i === ids.length) return value.push(cellOf(m[1], at));
      for (const c of pick[ids[i]]) walk(i + 1, { ...at, [ids[i]]: c });
    };
    walk(0, {});
    return send(200, jsonStat(m[1], t, pick, value));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((r) => server.close(() => r()));
  return state;
}

function cellOf(table: string, at: Record<string, string>): number {
  const { Region: r, Civilstand: civ, Alder: age, Kon: sex, Tid: year, ContentsCode: content } = at;
  if (content !== 'BE0101N1' && content !== '000007ME') return 0;
  if (table === 'TAB638') {
    if (age === 'tot') return [...AGES, '100+'].reduce((n, a) => n + tab638Cell(r, civ, a, sex, year), 0);
    return tab638Cell(r, civ, age, sex, year);
  }
  // TAB5557: fetch asks for both sexes and all marital states together; the totals carry noise
  if (age === 'TotSA' || age === 'TOT1') return [...AGES, '100+1'].reduce((n, a) => n + tab5557Cell(r, a, year), 0) + 3;
  return tab5557Cell(r, age, year);
}
