/** `bistand sample`: a synthetic register extract, seeded, of any size. */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { GR } from '../domain/municipalities.js';
import { encodeCp1252 } from '../io/encoding.js';
import { loadMunicipalities } from '../io/reference.js';
import { DEFAULT_SAMPLE, SampleOptions, generateSample } from '../sample/generate.js';
import { parseDelimiter } from './options.js';

interface Opts {
  persons: string;
  year: string;
  kommuner: string;
  seed: string;
  delimiter: string;
  encoding: 'utf8' | 'utf8-bom' | 'windows-1252';
  header: 'canonical' | 'swedish';
  period: 'year-month' | 'period';
  age: 'age' | 'birth_year' | 'none';
  crlf?: boolean;
  unknownLabels: string;
  output?: string;
}

const int = (name: string, v: string, min: number, max: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} "${v}" is not a whole number from ${min} to ${max}`);
  return n;
};

export const sampleCommand = () =>
  new Command('sample')
    .description('write a synthetic register extract (person-month rows over Jan Y−2…Dec Y), seeded and reproducible')
    .option('-n, --persons <n>', 'persons', String(DEFAULT_SAMPLE.persons))
    .option('-y, --year <year>', 'last year of the three', String(DEFAULT_SAMPLE.year))
    .addOption(new Option('--kommuner <set>', '"gr" (the 13 GR municipalities) or "all" (all 290)').choices(['gr', 'all']).default('gr'))
    .option('--seed <n>', 'random seed', String(DEFAULT_SAMPLE.seed))
    .option('--delimiter <char>', 'field delimiter (";", ",", "tab")', ';')
    .addOption(new Option('--encoding <enc>', 'file encoding').choices(['utf8', 'utf8-bom', 'windows-1252']).default('utf8'))
    .addOption(new Option('--header <style>', 'column names').choices(['canonical', 'swedish']).default('canonical'))
    .addOption(new Option('--period <style>', 'year and month columns, or one period column').choices(['year-month', 'period']).default('year-month'))
    .addOption(new Option('--age <col>', 'age column').choices(['age', 'birth_year', 'none']).default('age'))
    .option('--crlf', 'end lines with CRLF')
    .option('--unknown-labels <share>', 'share of rows with a reason label no catalogue knows', '0')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .addHelpText('after', '\nExample:\n  $ bistand sample --persons 300000 --kommuner all --seed 7 -o national.csv')
    .action((o: Opts) => {
      const unknown = Number(o.unknownLabels);
      if (!(unknown >= 0 && unknown <= 1)) throw new UsageError(`--unknown-labels "${o.unknownLabels}" is not a share from 0 to 1`);
      const opts: SampleOptions = {
        persons: int('--persons', o.persons, 1, 20_000_000),
        year: int('--year', o.year, 1992, 2100),
        kommuner: o.kommuner === 'all' ? loadMunicipalities().kommuner.map((k) => k.code) : GR.codes,
        seed: int('--seed', o.seed, 0, 2 ** 31),
        delimiter: parseDelimiter(o.delimiter) ?? ';',
        header: o.header,
        period: o.period,
        age: o.age,
        lineEnding: o.crlf ? '\r\n' : '\n',
        unknownLabels: unknown,
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
        if (target) {
          rmSync(target, { force: true });
        }
        if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
        throw e;
      }
    });
