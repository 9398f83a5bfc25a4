/**
 * The report catalogue (SPEC §5) in report order: one module per output, each building its
 * table or chart from the facts, or saying why it cannot. Pure: no I/O.
 */
import { Output, OutputModule, ReportContext, skip, yearSpan } from './context.js';
import { chartGaps } from './points.js';
import { d1 } from './outputs/d1.js';
import { d2 } from './outputs/d2.js';
import { d3 } from './outputs/d3.js';
import { d4 } from './outputs/d4.js';
import { d5 } from './outputs/d5.js';
import { d6, d7, d8, d9, d10, d11, d12 } from './outputs/survey.js';
import { t1 } from './outputs/t1.js';
import { t2 } from './outputs/t2.js';
import { t3 } from './outputs/t3.js';
import { t4 } from './outputs/t4.js';
import { t5 } from './outputs/t5.js';
import { t6 } from './outputs/t6.js';
import { t7 } from './outputs/t7.js';
import { t8 } from './outputs/t8.js';
import { t9 } from './outputs/t9.js';
import { t10 } from './outputs/t10.js';

/** The survey's diagrams, made from the survey alone. */
export const FROM_SURVEY: readonly OutputModule[] = [d6, d7, d8, d9, d10, d11, d12];

export const CATALOGUE: readonly OutputModule[] = [t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, d1, d2, d3, d4, d5, ...FROM_SURVEY];

export function buildOutputs(c: ReportContext, modules: readonly OutputModule[] = CATALOGUE): Output[] {
  // municipalities in Swedish alphabetical order, as a reader looks for them
  const byName = [...c.region.codes].sort((a, b) => (c.areas(a)?.name ?? a).localeCompare(c.areas(b)?.name ?? b, 'sv'));
  const sorted = { ...c, region: { ...c.region, codes: byName } };
  return modules.map((o) => {
    const out = o.build(sorted);
    // a chart of nothing but gaps is not a chart: say why instead
    const empty = out.kind === 'chart' && !out.points.some((p) => p.drawn !== false && (p.status === 'ok' || p.status === 'suppressed'));
    if (!empty) return out.kind === 'chart' ? { ...out, gaps: chartGaps(c, out) } : out;
    // the region's figure alone (D3), of too few of its members: say which have none
    const own = out.points.filter((p) => c.region.codes.includes(p.code) && !p.method);
    const withValue = new Set(own.filter((p) => p.status === 'ok' || p.status === 'suppressed').map((p) => p.code));
    if (!withValue.size) return skip(o.id, out.title, 'noValues', c.region.name, yearSpan(c));
    const missing = byName.filter((k) => !withValue.has(k)).map((k) => c.areas(k)?.name ?? k);
    const list = missing.length > 12 ? `${missing.slice(0, 10).join(', ')} +${missing.length - 10}` : missing.join(', ');
    return skip(o.id, out.title, 'tooFewForRegion', c.region.name, withValue.size, c.region.codes.length, list);
  });
}
