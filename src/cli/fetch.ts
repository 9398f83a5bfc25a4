/** `bistand fetch`: a report's Kolada values for a region and year, into a folder with a recipe. */
import { Command } from 'commander';
import { UsageError } from '../errors.js';
import { readGroups } from '../io/groups.js';
import { loadMunicipalities } from '../io/reference.js';
import * as msg from '../messages.js';
import { makeNote } from '../notes.js';
import { FETCH_OPTIONS, type FetchCommandOptions, addOptions } from './options.js';
import { groupRegion } from './region.js';
import { printNote, printNotes } from './stderr.js';
import { statusLine } from './progress.js';

export const fetchCommand = () => {
  const cmd = new Command('fetch')
    .description("fetch what a report uses from Kolada (its KPIs) and SCB (the population, total and by age) for the region's municipalities, their counties, Riket and the --groups groups, Y−2…Y+1, into a folder with a recipe for `bistand report`")
    .addHelpText('after', '\nExample:\n  $ bistand fetch --year 2025 --region gr --groups data/kolada_groups_gr.csv --out gr-2025\n  $ bistand report --recipe gr-2025/recipe.json');
  addOptions(cmd, FETCH_OPTIONS);
  return cmd.action(async (o: FetchCommandOptions) => {
    const started = performance.now();
    if (o.year === undefined) throw new UsageError(msg.yearRequired(), msg.yearRequiredHint());
    if (!o.out) throw new UsageError(msg.fetchNeedsOut());
    const groups = o.groups ? { file: o.groups, groups: readGroups(o.groups, loadMunicipalities()) } : undefined;
    const region = groupRegion(o.region, groups?.groups);
    const { runFetch } = await import('../fetch/fetch.js');
    const line = statusLine();
    let run: Awaited<ReturnType<typeof runFetch>>;
    try {
      run = await runFetch({
        onRequest: line && ((service, n) => line.say(`fetching: ${service}, request ${n}`)),
        year: o.year,
        region,
        out: o.out,
        groups,
        kpis: o.kpi,
        trendYears: o.trendYears,
        refresh: Boolean(o.refresh),
        koladaUrl: process.env.BISTAND_KOLADA_URL,
        scbUrl: process.env.BISTAND_SCB_URL,
      });
    } finally {
      line?.done();
    }
    const { result, notes } = run;
    printNotes(notes);
    printNote(makeNote('fetchWritten', o.out, result.requests.map((r) => `${r.count} request${r.count === 1 ? '' : 's'} to ${r.service}`).join(', '), (performance.now() - started) / 1000));
  });
};
