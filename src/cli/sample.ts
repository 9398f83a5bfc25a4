/** `bistand sample`: a synthetic register extract, seeded, of any size. */
import { Command } from 'commander';
import { GR } from '../domain/municipalities.js';
import { encodeCp1252 } from '../io/encoding.js';
import { checkTargets, openOutput } from '../io/output.js';
import { loadMunicipalities } from '../io/reference.js';
import { SampleOptions, generateSample } from '../sample/generate.js';
import { SAMPLE_OPTIONS, SampleCommandOptions, addOptions } from './options.js';

export const sampleCommand = () => {
  const cmd = new Command('sample')
    .description('write a synthetic register extract (person-month rows over Jan Y−2…Dec Y, or --years of them), seeded and reproducible')
    .addHelpText('after', '\nExample:\n  $ bistand sample --persons 300000 --kommuner all --seed 7 -o national.csv');
  addOptions(cmd, SAMPLE_OPTIONS);
  return cmd.action((o: SampleCommandOptions) => {
    const opts: SampleOptions = {
      persons: o.persons,
      year: o.year,
      years: o.years,
      kommuner: o.kommuner === 'all' ? loadMunicipalities().kommuner.map((k) => k.code) : GR.codes,
      seed: o.seed,
      delimiter: o.delimiter,
      header: o.header,
      period: o.period,
      age: o.age,
      lineEnding: o.crlf ? '\r\n' : '\n',
      unknownLabels: o.unknownLabels,
      amounts: Boolean(o.amounts),
    };
    const encode = (s: string) => (o.encoding === 'windows-1252' ? encodeCp1252(s) : Buffer.from(s, 'utf8'));
    checkTargets([], [{ option: '-o', path: o.output }]);
    // a file is written beside its name and renamed at the end; stdout goes through the stream
    const out = openOutput(o.output ?? '-');
    try {
      if (o.encoding === 'utf8-bom') out.write(Buffer.from([0xef, 0xbb, 0xbf]));
      generateSample(opts, (text) => out.write(encode(text)));
      out.commit();
    } catch (e) {
      out.abort();
      throw e;
    }
  });
};
