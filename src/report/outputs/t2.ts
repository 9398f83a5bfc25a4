/** T2: Öppna jämförelser, kunskapsbaserad verksamhet — Ja / Nej / Delvis / no answer per question. */
import type { OutputModule } from '../context.js';
import { skip } from '../context.js';
import { SV } from '../../texts-sv.js';

export const t2: OutputModule = {
  id: 't2',
  inputs: 'an ÖJ survey file',
  build(c) {
    const title = SV.t2Title;
    const inRegion = c.facts.oj.filter((r) => c.region.codes.includes(r.kommunCode));
    if (!inRegion.length) return c.facts.oj.length ? skip('t2', title, 'ojNoUnit', c.region.name) : skip('t2', title, 'needsOj');
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
      table: { columns: [{ name: SV.question }, { name: 'ja' }, { name: 'nej' }, { name: 'delvis' }, { name: 'ej_svar' }], rows },
      source: SV.ojSource(c.credit),
      notes: [SV.ojUnits(units, c.region.name)],
    };
  },
};
