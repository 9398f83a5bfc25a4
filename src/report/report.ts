/**
 * The yearly regional report (SPEC §5): tables T1–T3, diagrams D1–D5 and a profile folder per
 * municipality.
 *
 *   --register ──► read + classify (pipeline/register, three years) ─┐
 *   --population, --kolada, --sdb, --oj ──► tidy (io/aggregated) ───┼─► Facts
 *                                                                    ▼
 *                                          datasets: T1–T3, D1–D5 or a reason to skip
 *                                          (report/datasets; suppression inside)
 *                                                                    ▼
 *               tables ──► .csv .sv.csv .md          charts ──► spec (charts/spec) ──► .vl.json
 *                                                               └► SVG (vega) ──► PNG (resvg)
 *                                                                    ▼
 *               DIR/region/…, DIR/kommun/<code>-<slug>/…, DIR/index.md — staged, then moved
 *               into place, so a failed run leaves the previous report as it was.
 */
import * as msg from '../messages.js';
import { chartSpec } from '../charts/spec.js';
import { PRINT_WIDTH_PX, toPngAsync, toSvg } from '../charts/render.js';
import { GapRule } from '../domain/months.js';
import { Region } from '../domain/municipalities.js';
import { SuppressOptions } from '../domain/suppress.js';
import { readAggregated } from '../io/aggregated/read.js';
import { loadMunicipalities } from '../io/reference.js';
import { openSource, readFileOrFail } from '../io/source.js';
import { formatExcelCsv, formatMarkdown, formatTable } from '../io/write-table.js';
import { runRegister } from '../pipeline/register.js';
import { StagedDir } from '../io/staged-dir.js';
import { Table } from '../tables/table.js';
import { ChartData, Output, ReportContext, TableData, buildOutputs, trendFor } from './datasets.js';
import { Facts } from './facts.js';

export interface ReportSettings {
  year: number;
  region: Region;
  out: string;
  register?: string;
  population?: string;
  kolada: string[];
  sdb: string[];
  oj?: string;
  credit: string;
  suppress: SuppressOptions;
  gapRule: GapRule;
  note: (line: string) => void;
}

export interface ReportResult {
  outputs: Output[];
  files: string[];
}

export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

async function gatherFacts(s: ReportSettings, years: number[]): Promise<Facts> {
  const munis = loadMunicipalities();
  const facts = new Facts();
  if (s.register) {
    const r = await runRegister(await openSource(s.register), { years, gapRule: s.gapRule, municipalities: munis, requireHinder: false, readHinder: true, note: s.note });
    facts.addRegister(r.classification, munis, years);
  }
  const values = [s.population, ...s.kolada, ...s.sdb].filter((f): f is string => Boolean(f));
  for (const f of values) {
    const read = readAggregated(readFileOrFail(f), f, f === s.population ? { as: 'population' } : {});
    s.note(msg.tidySummary(f, read.layout, read.rows.length, `${read.rows.filter((r) => r.status === 'ok').length} ok`));
    facts.addTidy(read.rows, 'values');
  }
  if (s.oj) {
    const read = readAggregated(readFileOrFail(s.oj), s.oj, { as: 'oj' });
    facts.addTidy(read.rows, 'oj');
  }
  return facts;
}

export async function runReport(s: ReportSettings): Promise<ReportResult> {
  const years = [s.year - 2, s.year - 1, s.year];
  const munis = loadMunicipalities();
  const facts = await gatherFacts(s, years);
  const ctx: ReportContext = { year: s.year, years, region: s.region, areas: (code) => munis.area(code), facts, suppress: s.suppress, credit: s.credit };
  const outputs = buildOutputs(ctx);

  const dir = new StagedDir(s.out);
  try {
    const index: string[] = [`# Ekonomiskt bistånd ${s.year}: ${s.region.name}`, ''];
    if (!s.suppress.enabled) index.push(`> **Obs!** Små tal är inte dolda (--no-suppress): utdata innehåller antal från 1 till ${s.suppress.minCount - 1} och får inte publiceras som de är.`, '');
    index.push('## Regionen', '');
    for (const o of outputs) {
      if (o.kind === 'skipped') {
        s.note(msg.reportSkipped(o.id, o.title, o.reason));
        index.push(`- **${o.id.toUpperCase()}** ${o.title} — *inte gjord:* ${o.reason}`);
        continue;
      }
      const base = `region/${o.id}-${o.slug}`;
      if (o.kind === 'table') writeTable(dir, base, o, o.table);
      else await writeChart(dir, base, o);
      index.push(`- **${o.id.toUpperCase()}** [${o.title}](${base}.${o.kind === 'table' ? 'md' : 'png'}) (${o.kind === 'table' ? 'tabell: .csv, .sv.csv, .md' : 'diagram: .png, .svg, .vl.json, .csv'})`);
    }
    index.push('', '## Kommunerna', '');
    const d1 = outputs.find((o): o is ChartData => o.kind === 'chart' && o.id === 'd1');
    for (const code of s.region.codes) {
      const area = munis.area(code)!;
      const folder = `kommun/${code}-${slugify(area.name)}`;
      const listed: string[] = [];
      for (const o of outputs) {
        if (o.kind === 'chart' && o.codes.includes(code) && o.template === 'grouped') {
          await writeChart(dir, `${folder}/${o.id}-${o.slug}`, o, { code, name: area.name });
          listed.push(`[${o.id.toUpperCase()}](${folder}/${o.id}-${o.slug}.png)`);
        }
        if (o.kind === 'table' && o.codeColumn !== undefined) {
          const rows = o.table.rows.filter((r) => r[o.codeColumn!] === code);
          writeTable(dir, `${folder}/${o.id}-${o.slug}`, o, { ...o.table, rows });
          listed.push(`[${o.id.toUpperCase()}](${folder}/${o.id}-${o.slug}.md)`);
        }
      }
      if (d1) {
        const trend = trendFor(ctx, d1, code);
        await writeChart(dir, `${folder}/${trend.id}-${trend.slug}`, trend);
        listed.push(`[utveckling](${folder}/${trend.id}-${trend.slug}.png)`);
      }
      index.push(`- ${code} ${area.name}: ${listed.join(', ')}`);
    }
    index.push('', 'Mycket långvarigt bistånd följer Socialstyrelsens definition som den läses här: minst 27 månader med bistånd under januari år −2 till december år 0 och inget avbrott längre än två månader.');
    dir.write('index.md', index.join('\n') + '\n');
    await dir.publish(['region', 'kommun', 'index.md']);
  } catch (e) {
    await dir.abort();
    throw e;
  }
  return { outputs, files: dir.files };
}

function writeTable(dir: StagedDir, base: string, o: TableData, t: Table): void {
  const codeCols = o.codeColumn === undefined ? [] : [o.codeColumn];
  dir.write(`${base}.csv`, formatTable(t, 'csv'));
  dir.write(`${base}.sv.csv`, formatExcelCsv(t, codeCols));
  dir.write(`${base}.md`, formatMarkdown(t, o.title, [o.source, ...o.notes]));
}

async function writeChart(dir: StagedDir, base: string, c: ChartData, highlight?: { code: string; name: string }): Promise<void> {
  const spec = chartSpec(c, highlight);
  dir.write(`${base}.vl.json`, JSON.stringify(spec, null, 2) + '\n');
  const svg = await toSvg(spec);
  dir.write(`${base}.svg`, svg);
  // PNGs render on the thread pool while the next chart is laid out
  dir.later(() => toPngAsync(svg, PRINT_WIDTH_PX).then((png) => dir.write(`${base}.png`, png)));
  const t: Table = {
    columns: [{ name: 'kommun_code' }, { name: 'kommun_name' }, { name: 'year' }, { name: 'series' }, { name: 'numerator' }, { name: 'denominator' }, { name: 'share_pct', decimals: 1 }, { name: 'status' }],
    rows: c.points.map((p) => [p.code, p.name, p.year, p.series, p.numerator, p.denominator, p.pct, p.status]),
  };
  dir.write(`${base}.csv`, formatTable(t, 'csv'));
}
