/**
 * The share of the population with assistance (D1 for the region's municipalities, D2 for the
 * metropolitan three): from the register and a population file, else from Kolada N31825 (the
 * report's measure: adults per adult inhabitant) or N31807 (all inhabitants).
 */
import type { ChartData, Point } from '../../charts/types.js';
import { Output, ReportContext, areaName, skip, yearSpan } from '../context.js';
import { KpiId, REG } from '../facts.js';
import { countPoints, hiddenNote, kpiPoints, populationOf, regionLabel, chartOrder } from '../points.js';
import { SV } from '../../texts-sv.js';
import { InputError } from '../../errors.js';
import * as msg from '../../messages.js';

export function populationShare(c: ReportContext, id: 'd1' | 'd2', codes: string[], regionRow: boolean, title: string): Output {
  const hasRegister = c.facts.registerYears.length > 0;
  const pop = populationOf(c);
  const registerCovers = hasRegister && codes.every((k) => c.facts.covered(k, c.year));
  const years = c.years;
  // one bar a year per municipality (and the region), from whichever source
  const chart = (points: Point[], subtitle: string, source: string, label: string, notes: string[]): ChartData & { id: typeof id } => ({
    kind: 'chart',
    id,
    slug: id === 'd1' ? 'andel-av-befolkningen' : 'storstaderna',
    title,
    subtitle: SV.shareOfPopulationSubtitle(subtitle, yearSpan(c)),
    template: 'grouped',
    order: chartOrder(c, codes, points, regionRow ? label : undefined),
    yTitle: SV.yShareOfPopulation,
    points: points.map((p) => ({ ...p, series: String(p.year) })),
    source,
    notes: [...hiddenNote(c, points), ...notes],
    codes,
  });
  if (hasRegister && pop && (id === 'd1' || registerCovers)) {
    const den = (code: string, y: number) => {
      const f = c.facts.get(pop.measure, code, y);
      if (f?.status !== 'ok') return null;
      const recipients = c.facts.get(REG.recipients, code, y);
      // fewer inhabitants than recipients: the wrong file, year or age group, never a share over 100 %
      if (typeof recipients?.value === 'number' && recipients.value > (f.value as number))
        throw new InputError(f.where ?? { file: 'population' }, msg.populationBelowRecipients(areaName(c, code), y, f.value as number), msg.populationBelowRecipientsHint());
      return f.value as number;
    };
    const { points, notes } = countPoints(c, codes, years, [{ label: '', num: REG.recipients }], den, false, regionRow);
    return chart(
      points,
      pop.adults ? SV.perAdultInhabitant : SV.perInhabitant,
      SV.registerSource(yearSpan(c), c.credit, c.source) + SV.populationSource(c.populationSource),
      regionLabel(c),
      c.populationNoise ? [...notes, SV.populationNoise] : notes,
    );
  }
  // Statistikdatabasen's recipients per year over the population of the same ages
  const sdb = !hasRegister && pop ? (pop.adults ? 'sdb:recipients_18plus' : 'sdb:recipients') : undefined;
  if (sdb && pop && c.facts.has(sdb) && (id === 'd1' || codes.every((k) => c.facts.get(sdb, k, c.year)))) {
    for (const code of [...codes, '0000'])
      for (const y of years) {
        const n = c.facts.get(sdb, code, y);
        const d = c.facts.get(pop.measure, code, y);
        if (!n) continue;
        if (n.status === 'ok' && d?.status === 'ok' && (n.value as number) > (d.value as number))
          throw new InputError(d.where ?? { file: 'population' }, msg.populationBelowRecipients(areaName(c, code), y, d.value as number), msg.populationBelowRecipientsHint());
        // a published count of 1–4 recipients is hidden as the register's would be (SPEC §6)
        const small = c.suppress.enabled && n.status === 'ok' && (n.value as number) > 0 && (n.value as number) < c.suppress.minCount;
        const status = small ? 'suppressed' : n.status !== 'ok' ? n.status : d?.status === 'ok' ? 'ok' : 'missing';
        c.facts.set('sdb:share', code, y, { value: status === 'ok' ? (100 * (n.value as number)) / (d!.value as number) : null, status });
      }
    const { points, notes } = kpiPoints(c, codes, years, [{ label: '', kpi: 'sdb:share' as KpiId }], regionRow);
    return chart(points, pop.adults ? SV.perAdultInhabitant : SV.perInhabitant, SV.sdbSource(c.credit) + SV.populationSource(c.populationSource), regionLabel(c, 'unweighted'), c.populationNoise ? [...notes, SV.populationNoise] : notes);
  }
  const kpi = c.facts.has('N31825') ? 'N31825' : c.facts.has('N31807') ? 'N31807' : undefined;
  if (kpi) {
    const { points, notes } = kpiPoints(c, codes, years, [{ label: '', kpi }], regionRow);
    return chart(points, kpi === 'N31825' ? SV.n31825Subtitle : SV.n31807Subtitle, SV.koladaSource(kpi, c.credit, c.koladaFetched), regionLabel(c, 'unweighted'), notes);
  }
  if (hasRegister && !pop) return skip(id, title, 'needsPopulation');
  return id === 'd2' && hasRegister ? skip(id, title, 'd2NotCovered') : skip(id, title, 'needsD1Inputs');
}
