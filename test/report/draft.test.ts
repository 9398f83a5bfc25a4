/**
 * The draft text under the region's charts: the region's value and its change, the highest and
 * lowest municipality as the chart draws them, and never a rank that involves a hidden value.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import type { DocItem } from '../../src/report/document.js';
import { planned, plannedOnce, rows, text as fileText, type Planned } from './planned.js';

const recipe = join(ROOT, 'data/sample/recipe.json');
const draftOf = (r: Planned, anchor: string) => (r.plan.document.sections[0].items.find((it) => it.anchor === anchor) as DocItem & { kind: 'chart' | 'table' }).draft ?? '';
const sv = (v: number) => v.toFixed(1).replace('.', ',');

describe('the draft text', () => {
  it('D1: the region, its change, the highest and lowest as the chart shows them', async () => {
    const r = await plannedOnce(['--recipe', recipe, '--no-png']);
    const d1 = (await rows(r.plan, 'region/d1-andel-av-befolkningen.csv')).filter((p) => p.year === '2021');
    const own = d1.filter((p) => /^\d{4}$/.test(p.kommun_code) && p.status === 'ok').sort((a, b) => Number(a.share_pct) - Number(b.share_pct));
    const region = d1.find((p) => p.region_figure === 'unweighted')!;
    const text = draftOf(r, 'd1');
    expect(text).toContain(`Göteborgsregionen 2021: ${sv(Number(region.share_pct))} procent`);
    expect(text).toContain(`Högst har ${own.at(-1)!.kommun_name} (${sv(Number(own.at(-1)!.share_pct))} procent), lägst ${own[0].kommun_name} (${sv(Number(own[0].share_pct))} procent).`);
  });

  it('text.md: each folder\'s drafts under their captions, the words of the documents', async () => {
    const r = await plannedOnce(['--recipe', recipe, '--no-png']);
    const md = await fileText(r.plan, 'region/text.md');
    expect(md.split('\n')[0]).toBe('# Förslag till text: Regionen');
    expect(md).toContain(`## Diagram 1: Andel av befolkningen med ekonomiskt bistånd i Göteborgsregionen\n\n${draftOf(r, 'd1').split('\n')[0]}\n`);
    const kommun = await fileText(r.plan, 'kommun/1481-molndal/text.md');
    expect(kommun).toMatch(/^# Förslag till text: 1481 Mölndal\n\n## Mölndal: nyckeltal 2021\n\nAndel av befolkningen med ekonomiskt bistånd: Mölndal 2021 \d+,\d procent/);
  });

  it('T3 and D7: the highest and lowest as the table and the chart give them', async () => {
    const r = await plannedOnce(['--recipe', recipe, '--no-png']);
    const t3 = (await rows(r.plan, 'region/t3-socionomexamen.csv')).filter((x) => /^\d{4}$/.test(x.kommun_code) && x.kommun_code !== '0000' && x['2021'] !== '');
    const byValue = [...new Map(t3.map((x) => [x.kommun_code, x])).values()].sort((a, b) => Number(a['2021']) - Number(b['2021']));
    expect(draftOf(r, 't3')).toContain(`2021 har ${byValue.at(-1)!.kommun_name} högst (${byValue.at(-1)!['2021']}) och ${byValue[0].kommun_name} lägst (${byValue[0]['2021']}).`);
    const d7 = (await rows(r.plan, 'region/d7-kompetensomradenas-vikt.csv')).filter((x) => x.mean !== '').sort((a, b) => Number(a.mean) - Number(b.mean));
    expect(draftOf(r, 'd7')).toBe(`Högst medelvärde har ”${d7.at(-1)!.item}” (${sv(Number(d7.at(-1)!.mean))}), lägst ”${d7[0].item}” (${sv(Number(d7[0].mean))}), på skalan 1–4.`);
  });

  it('D2 of the metropolitan three, T2 of the questions, from their CSVs', async () => {
    const r = await plannedOnce(['--recipe', recipe, '--no-png']);
    const d2 = (await rows(r.plan, 'region/d2-storstaderna.csv')).filter((x) => x.year === '2021' && x.status === 'ok').sort((a, b) => Number(a.share_pct) - Number(b.share_pct));
    expect(draftOf(r, 'd2')).toContain(`Högst har ${d2.at(-1)!.kommun_name} (${sv(Number(d2.at(-1)!.share_pct))} procent), lägst ${d2[0].kommun_name} (${sv(Number(d2[0].share_pct))} procent).`);
    const t2 = await rows(r.plan, 'region/t2-kunskapsbaserad-verksamhet.csv');
    const most = Math.max(...t2.map((x) => Number(x.ja)));
    expect(draftOf(r, 't2')).toContain(`Flest enheter svarade ja på ”${t2.find((x) => Number(x.ja) === most)!.fraga}” (${most})`);
  });

  it('T4 and T5: the highest and lowest net cost; the försörjningshinder most often the largest, from their CSVs', async () => {
    const r = await plannedOnce(['--recipe', recipe, '--no-png']);
    const own = (x: Record<string, string>) => /^1\d{3}$/.test(x.kommun_code);
    const t4 = (await rows(r.plan, 'region/t4-kostnad-per-invanare.csv')).filter(own).sort((a, b) => Number(a.N31008) - Number(b.N31008));
    const kr = (v: string) => `${v.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')}\u00a0kr`;
    expect(draftOf(r, 't4')).toContain(`högst i ${t4.at(-1)!.kommun_name} (${kr(t4.at(-1)!.N31008)}) och lägst i ${t4[0].kommun_name} (${kr(t4[0].N31008)})`);
    const t5 = (await rows(r.plan, 'region/t5-forsorjningshinder-socialstyrelsen.csv')).filter(own);
    const largest = t5.map((x) => Object.entries(x).slice(2).sort((a, b) => Number(b[1]) - Number(a[1]))[0][0]);
    const n = largest.filter((k) => k === 'N31858').length;
    expect(draftOf(r, 't5')).toBe(`Arbetslösa är det vanligaste försörjningshindret i ${n} av ${t5.length} kommuner.`);
  });

  it('D4: where a municipality is hidden, no highest or lowest of that series', async () => {
    const r = await plannedOnce(['--recipe', recipe, '--no-png']);
    const d4 = (await rows(r.plan, 'region/d4-langvarigt-per-kommun.csv')).filter((p) => p.year === '2021' && p.series.startsWith('Mycket'));
    const hidden = d4.filter((p) => p.status === 'suppressed');
    expect(hidden.length).toBeGreaterThan(0);
    const line = draftOf(r, 'd4').split('\n').find((l) => l.startsWith('Mycket'))!;
    expect(line).toContain(`${hidden.length} kommuners värden är dolda`);
    expect(line).not.toMatch(/Högst har/);
  });

  it('one municipality: its own value and change, no ranking; its largest försörjningshinder and household type with their shares', async () => {
    const r = await plannedOnce(['--recipe', recipe, '--no-png', '--region', '1481']);
    const text = draftOf(r, 'd1');
    expect(text).toMatch(/^Mölndal 2021: \d+,\d procent/);
    expect(text).not.toMatch(/Högst har/);
    const largest = async (file: string) => {
      const row = (await rows(r.plan, file)).find((x) => x.kommun_code === '1481')!;
      return Object.entries(row).slice(2).sort((a, b) => Number(b[1]) - Number(a[1]))[0];
    };
    const [, hinder] = await largest('region/t5-forsorjningshinder-socialstyrelsen.csv');
    expect(draftOf(r, 't5')).toBe(`Arbetslösa är det vanligaste försörjningshindret i Mölndal (${sv(Number(hinder))} procent av de vuxna biståndsmottagarna).`);
    const [type, share] = await largest('region/t7-hushallstyper.csv');
    expect(type).toBe('N31914_pct');
    expect(draftOf(r, 't7')).toBe(`Ensamstående man utan barn är den vanligaste hushållstypen bland hushållen med bistånd i Mölndal (${sv(Number(share))} procent).`);
  });

  it("a municipality's key figures: its value and change beside the region's, a hidden value said to be hidden", async () => {
    const r = await plannedOnce(['--recipe', recipe, '--no-png']);
    const overview = await rows(r.plan, 'region/oversikt.csv');
    const ockero = overview.find((o) => o.kommun_code === '1407')!;
    expect(ockero.very_long_term).toBe('X');
    const section = r.plan.document.sections[1].sections!.find((s) => s.heading === '1407 Öckerö')!;
    const text = (section.items.find((it) => it.anchor === 'k1407-nyckeltal') as DocItem & { kind: 'table' }).draft!;
    expect(text).toContain(`Långvarigt (≥ 10 mån): Öckerö 2021 ${sv(Number(ockero.long_term))} procent`);
    expect(text.split('\n').find((l) => l.startsWith('Mycket'))).toBe('Mycket långvarigt (≥ 27 av 36 mån): Öckerös värde 2021 är dolt (små tal).');
  });

  it('a county the register covers in part: highest and lowest of the members that have a value, said so; the rest named, cut short', async () => {
    const S = (f: string) => join(ROOT, 'data/sample', f);
    const r = await planned(['--year', '2021', '--region', '14', '--register', S('register.csv'), '--population', S('population.csv'), '--no-png']);
    const text = draftOf(r, 'd1');
    expect(text).toMatch(/^Bland de 12 kommuner som har ett värde har \S+ högst \(\d+,\d procent\) och \S+ lägst/);
    expect(text).toContain('och 27 kommuner till.');
  });
});
