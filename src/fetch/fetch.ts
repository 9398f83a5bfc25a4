/**
 * `bistand fetch`: what a report needs from Kolada, into a folder, with a recipe that names it.
 *
 *   region, year, groups ──► the areas (the region's municipalities, their counties, Riket, the
 *   groups) and years (Y−2…Y+1) ──► Kolada's data URLs (kolada.ts) ──► kolada.json, the answer as
 *   Kolada wrote it with the requests it answered and when ──► recipe.json
 *
 * The folder is written whole or not at all (a staged folder, as a report's); a kolada.json that
 * answers the same requests is kept, not fetched again, unless --refresh.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Region } from '../domain/municipalities.js';
import type { MuniGroup } from '../io/groups.js';
import { loadMunicipalities } from '../io/reference.js';
import { StagedDir } from '../io/staged-dir.js';
import { NoteLog, type Piped } from '../notes.js';
import { KOLADA_URL, koladaDataUrls, koladaValues } from './kolada.js';
import { Service } from './http.js';
import { SCB_URL, populationRequests } from './scb.js';
import { BistandError } from '../errors.js';
import * as msg from '../messages.js';

/** The Kolada KPIs the report's outputs read (src/report/outputs/*.ts; a test holds the two together). */
export const REPORT_KPIS = ['N31807', 'N31825', 'N31814', 'N31816', 'U31801', 'U31900', 'U31404', 'N31858', 'N31859', 'N31860', 'N31861', 'N31862', 'N31863', 'N31864', 'N31865', 'N31866', 'N31867', 'N31868', 'N31008', 'N31001', 'N31002', 'U31804', 'N31837', 'N31838', 'N31839', 'N31840', 'N31841', 'N31842', 'N31843', 'N31844', 'N31845', 'N31846', 'N31847', 'U31803', 'U31809', 'N31911', 'N31912', 'N31913', 'N31914', 'N31915', 'N31916'] as const;

export interface FetchSettings {
  year: number;
  region: Region;
  out: string;
  groups?: { file: string; groups: MuniGroup[] };
  /** KPIs beyond the report's (--kpi) */
  kpis: string[];
  /** years of the profiles' trend, ending with Y (--trend-years; default 3: the report's own) */
  trendYears?: number;
  refresh: boolean;
  /** Kolada's base URL (BISTAND_KOLADA_URL, else Kolada's own) */
  koladaUrl?: string;
  /** SCB's base URL (BISTAND_SCB_URL, else SCB's own) */
  scbUrl?: string;
  /** ms between two requests to Kolada, which publishes no limit (200: polite; a loopback in the tests needs none) */
  koladaGap?: number;
  /** the date the answers are dated with (today) */
  today?: Date;
  /** told of each request (a progress line) */
  onRequest?: (service: string, requests: number) => void;
}

export interface FetchResult {
  files: string[];
  /** requests made to each service (a kept file makes none) */
  requests: { service: string; count: number }[];
}

/** The two-digit codes of the counties of the region's municipalities. */
function countiesOf(region: Region): string[] {
  const munis = loadMunicipalities();
  return [...new Set(region.codes.map((c) => munis.byCode(c)?.countyCode).filter((c): c is string => Boolean(c)))];
}

/** The areas Kolada is asked for, in Kolada's codes: the region's municipalities, their counties (00NN), Riket (0000), the groups. */
export function koladaAreas(s: FetchSettings): string[] {
  return [...s.region.codes, ...countiesOf(s.region).map((c) => `00${c}`), '0000', ...(s.groups?.groups.map((g) => g.id) ?? [])];
}

export async function runFetch(s: FetchSettings): Promise<Piped<FetchResult>> {
  const log = new NoteLog();
  const dir = new StagedDir(s.out, { inputs: s.groups ? [s.groups.file] : [] });
  try {
    // the report's years and the trend's before them, and Y+1 (Kolada publishes some KPIs a year ahead)
    const back = Math.max(3, s.trendYears ?? 3);
    const years = Array.from({ length: back + 1 }, (_, i) => s.year - back + 1 + i);
    const today = (s.today ?? new Date()).toISOString().slice(0, 10);
    const kpis = [...new Set([...REPORT_KPIS, ...s.kpis])];
    const told = s.onRequest && ((v: Service) => s.onRequest!(v.name, v.requests));
    const kolada = new Service('Kolada', s.koladaGap ?? 200, told);
    const urls = koladaDataUrls(s.koladaUrl ?? KOLADA_URL, kpis, koladaAreas(s), years);
    const kept = s.refresh ? undefined : keptAnswer(join(dir.out, 'kolada.json'), urls);
    const file = kept ?? (await koladaFile(kolada, urls, today));
    dir.write('kolada.json', file);
    if (kept) log.add('fetchKept', 'kolada.json');
    const scb = new Service('SCB', 400, told);
    const population = await populationFiles(scb, s, dir.out, years, today, log);
    for (const [name, text] of population) dir.write(name, text);
    const region = recipeRegion(s.region);
    if (region.file) dir.write('region.txt', region.file);
    const recipe = {
      year: s.year,
      region: region.value,
      ...(region.file ? { regionName: s.region.name } : {}),
      out: 'rapport',
      ...(s.trendYears ? { trendYears: s.trendYears } : {}),
      kolada: ['kolada.json'],
      ...(population.size ? { population: [...population.keys()], populationSource: `SCB, hämtad ${fetchedOf(population)}` } : {}),
      ...(s.groups ? { groups: 'groups.csv' } : {}),
    };
    // the groups file beside the recipe, which names it
    if (s.groups) dir.write('groups.csv', readFileSync(s.groups.file));
    dir.write('recipe.json', JSON.stringify(recipe, null, 2) + '\n');
    await dir.publish();
    return { result: { files: dir.files, requests: [kolada, scb].map((v) => ({ service: v.name, count: v.requests })) }, notes: log.notes };
  } catch (e) {
    await dir.abort();
    throw e;
  }
}

/** Kolada's answer to `urls` as one envelope, dated, with the requests it answers. */
async function koladaFile(service: Service, urls: string[], today: string): Promise<string> {
  const { values, asked } = await koladaValues(service, urls);
  const envelope = { values, count: values.length, next_url: null, previous_url: null, bistand: { source: 'Kolada', fetched: today, requests: urls, pages: asked.length } };
  return JSON.stringify(envelope, null, 1) + '\n';
}

/** A kolada.json already in the folder that answers exactly these requests, or undefined. */
function keptAnswer(path: string, urls: string[]): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const text = readFileSync(path, 'utf8');
    const requests = (JSON.parse(text) as { bistand?: { requests?: unknown } }).bistand?.requests;
    return Array.isArray(requests) && requests.length === urls.length && requests.every((u, i) => u === urls[i]) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The region as the recipe names it: a built-in region by its name, a county or municipality by its code, a group by its id; a file region as region.txt beside the recipe. */
function recipeRegion(r: Region): { value: string; file?: string } {
  const m = /^(?:lan|kommun|grupp)-(.+)$/.exec(r.id);
  if (r.file) return { value: 'region.txt', file: r.codes.join('\n') + '\n' };
  if (m) return { value: r.id.startsWith('grupp-') ? m[1].toUpperCase() : m[1] };
  return { value: r.id };
}

/** The areas SCB is asked for, in SCB's codes: the region's municipalities, their counties, Riket (00). */
export function scbAreas(s: FetchSettings): string[] {
  return [...s.region.codes, ...countiesOf(s.region), '00'];
}

/**
 * SCB's population answers by file name (scb-TAB638.json, …), each as SCB wrote it with the
 * request it answers and its date; the folder's own kept when they answer the same areas and years.
 */
async function populationFiles(service: Service, s: FetchSettings, out: string, years: number[], today: string, log: NoteLog): Promise<Map<string, string>> {
  const areas = scbAreas(s);
  const asked = { areas, years };
  const kept = s.refresh ? undefined : keptPopulation(out, asked);
  if (kept) {
    log.add('fetchKept', [...kept.keys()].join(', '));
    return kept;
  }
  const base = (s.scbUrl ?? SCB_URL).replace(/\/$/, '');
  const { requests, missing } = await populationRequests(service, base, areas, years);
  if (missing.length) log.add('fetchNoPopulation', missing);
  const files = new Map<string, string>();
  const perTable = new Map<string, number>();
  for (const r of requests) {
    const answer = (await service.json(r.url, { method: 'POST', body: r.body })) as Record<string, unknown>;
    if (!answer || !Array.isArray(answer.id) || !Array.isArray(answer.value)) throw new BistandError(msg.fetchShape(service.name, r.url, 'no "id" and "value" (JSON-stat 2.0)'), 1, msg.fetchShapeHint());
    const n = (perTable.get(r.table) ?? 0) + 1;
    perTable.set(r.table, n);
    files.set(`scb-${r.table}-${n}.json`, JSON.stringify({ ...answer, bistand: { source: 'SCB', fetched: today, asked, request: { url: r.url, body: r.body } } }) + '\n');
  }
  return files;
}

/** The folder's SCB files, when every one of them answers these areas and years. */
function keptPopulation(out: string, asked: { areas: string[]; years: number[] }): Map<string, string> | undefined {
  const recipe = join(out, 'recipe.json');
  if (!existsSync(recipe)) return undefined;
  try {
    const names = (JSON.parse(readFileSync(recipe, 'utf8')) as { population?: unknown }).population;
    if (!Array.isArray(names) || !names.length) return undefined;
    const files = new Map<string, string>();
    for (const name of names) {
      if (typeof name !== 'string' || !/^scb-[\w-]+\.json$/.test(name)) return undefined;
      const text = readFileSync(join(out, name), 'utf8');
      const theirs = (JSON.parse(text) as { bistand?: { asked?: unknown } }).bistand?.asked;
      if (JSON.stringify(theirs) !== JSON.stringify(asked)) return undefined;
      files.set(name, text);
    }
    return files;
  } catch {
    return undefined;
  }
}

/** The day the population files were fetched (the first's). */
const fetchedOf = (files: Map<string, string>) => (JSON.parse([...files.values()][0]) as { bistand: { fetched: string } }).bistand.fetched;

