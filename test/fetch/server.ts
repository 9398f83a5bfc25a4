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
  /** the values a KPI, area and year was given (T) */
  value: (kpi: string, area: string, year: number) => number;
  close: () => Promise<void>;
  /** answer the next request with 429 and Retry-After: 0 */
  tooMany: number;
  /** answer every request with this status and body */
  fail?: { status: number; body: string };
}

/** A value in 0–60 for a KPI, area and year: the same each time. */
export function koladaValue(kpi: string, area: string, year: number): number {
  let h = 7;
  for (const ch of `${kpi}|${area}|${year}`) h = (h * 31 + ch.charCodeAt(0)) % 100_003;
  return Math.round((h % 600) + 1) / 10;
}

export async function koladaLoopback(o: { published: number; pageSize?: number; deleted?: { kpi: string; area: string; year: number } }): Promise<Loopback> {
  const pageSize = o.pageSize ?? 5000;
  const state: Loopback = { base: '', asked: [], value: koladaValue, close: async () => {}, tooMany: 0 };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', state.base);
    state.asked.push(url.pathname + url.search);
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
