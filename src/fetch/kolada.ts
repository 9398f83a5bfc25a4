/**
 * Kolada's API v3, as rKolada's get_values asks it (docs/apis.md §1): the query composed in one
 * place — the path form `/data/kpi/{kpis}/municipality/{ids}/year/{years}`, at most 25 ids a
 * segment (Kolada answers 422 to more) — then each query's pages followed through `next_url` until
 * it is null. The answer is kept as Kolada wrote it (one envelope of every page's rows), which the
 * Kolada reader reads; values Kolada marks `isdeleted` are left for the reader to drop and count.
 */
import { BistandError } from '../errors.js';
import * as msg from '../messages.js';
import type { Service } from './http.js';

export const KOLADA_URL = 'https://api.kolada.se/v3';

/** Kolada refuses a path segment of more ids. */
export const MAX_IDS = 25;

const chunks = <T>(xs: readonly T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** The data URLs for every KPI × area × year, in segments Kolada accepts. */
export function koladaDataUrls(base: string, kpis: readonly string[], ids: readonly string[], years: readonly number[]): string[] {
  const urls: string[] = [];
  for (const k of chunks(kpis, MAX_IDS))
    for (const m of chunks(ids, MAX_IDS))
      for (const y of chunks(years, MAX_IDS)) urls.push(`${base.replace(/\/$/, '')}/data/kpi/${k.join(',')}/municipality/${m.join(',')}/year/${y.join(',')}`);
  return urls;
}

/** Every row of the answers to `urls`, their pages followed; the URLs asked, in order. */
export async function koladaValues(service: Service, urls: readonly string[]): Promise<{ values: unknown[]; asked: string[] }> {
  const values: unknown[] = [];
  const asked: string[] = [];
  for (const first of urls) {
    let url: string | null = first;
    const seen = new Set<string>();
    while (url) {
      // a next_url that leads back would never end
      if (seen.has(url)) throw new BistandError(msg.fetchShape(service.name, url, 'next_url leads back to a page already read'), 1, msg.fetchShapeHint());
      seen.add(url);
      asked.push(url);
      const page = await service.json(url);
      const shape = (field: string) => new BistandError(msg.fetchShape(service.name, url!, field), 1, msg.fetchShapeHint());
      if (!page || typeof page !== 'object' || !Array.isArray((page as { values?: unknown }).values)) throw shape('no "values" list');
      const { values: rows, next_url: next } = page as { values: unknown[]; next_url?: unknown };
      for (const r of rows) {
        const row = r as Record<string, unknown> | null;
        if (!row || typeof row.kpi !== 'string') throw shape('a row without "kpi"');
        if (typeof row.municipality !== 'string') throw shape(`${row.kpi}: a row without "municipality"`);
        if (!Array.isArray(row.values)) throw shape(`${row.kpi} ${row.municipality}: "values" is not a list`);
      }
      values.push(...rows);
      if (next !== null && next !== undefined && typeof next !== 'string') throw shape('"next_url" is neither a URL nor null');
      url = next || null;
    }
  }
  return { values, asked };
}
