/** `bistand sample`: a synthetic register extract, seeded, of any size. */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command } from 'commander';
import { GR } from '../domain/municipalities.js';
import { encodeCp1252 } from '../io/encoding.js';
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
    };
    const encode = (s: string) => (o.encoding === 'windows-1252' ? encodeCp1252(s) : Buffer.from(s, 'utf8'));
    const target = o.output ? `${o.output}.${process.pid}.tmp` : undefined;
    if (o.output) mkdirSync(dirname(o.output), { recursive: true });
    const fd = target ? openSync(target, 'w') : -1;
    // stdout may be a non-blocking pipe: write through the stream, not to fd 1
    const write = (b: Buffer) => {
      if (fd < 0) process.stdout.write(b);
      else for (let off = 0; off < b.length; ) off += writeSync(fd, b, off);
    };
    try {
      if (o.encoding === 'utf8-bom') write(Buffer.from([0xef, 0xbb, 0xbf]));
      generateSample(opts, (text) => write(encode(text)));
      if (target) {
        closeSync(fd);
        renameSync(target, o.output!);
      }
    } catch (e) {
      if (target) rmSync(target, { force: true });
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
      throw e;
    }
  });
};
