/**
 * `classify` and `reasons` `--by sex|age`: each part of each municipality the count of an
 * independent reading of the file (the reference classifier over that part's persons); the parts
 * add up to the municipality. Under suppression each part is the open count or X, and the parts
 * that cannot be protected are left out and named (their attacker: test/domain/disclosure/parts.test.ts);
 * with --total, or without the column, one line saying why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, command, csvObjects } from '../helpers.js';
import { parseRegisterText, referenceClassify } from '../reference/classifier.js';

const sample = join(ROOT, 'data/sample/register.csv');
const text = readFileSync(sample, 'utf8');
const { rows: ref, hasAge } = parseRegisterText(text);
// the sample's sex is the person's (one a person); its age in Y is the age of every row of Y
const [head, ...lines] = text.trimEnd().split('\n').map((l) => l.split(';'));
const at = (name: string) => head.indexOf(name);
const sexOf = new Map(lines.map((f) => [f[at('person_id')], f[at('sex')]]));
const ageIn = new Map(lines.map((f) => [`${f[at('person_id')]}|${f[at('year')]}`, Number(f[at('age')])]));
const group = (age: number) => (age < 25 ? '18-24' : age < 65 ? '25-64' : '65+');

describe('--by', () => {
  it('sex: each part the reference count of its persons; the parts add up to the municipality', async () => {
    const got = csvObjects((await command(['classify', sample, '--year', '2021', '--by', 'sex', '--no-suppress'])).stdout);
    const whole = csvObjects((await command(['classify', sample, '--year', '2021', '--no-suppress'])).stdout);
    for (const sex of ['K', 'M']) {
      const want = referenceClassify(ref.filter((r) => sexOf.get(r.id) === sex), 2021, 'internal', hasAge);
      for (const w of want) {
        const row = got.find((x) => x.kommun_code === w.kommun && x.sex === sex)!;
        expect([row.recipients, row.long_term, row.very_long_term].map(Number), `${w.kommun} ${sex}`).toEqual([w.recipients, w.longTerm, w.veryLongTerm]);
      }
    }
    for (const w of whole) expect(got.filter((x) => x.kommun_code === w.kommun_code).reduce((a, x) => a + Number(x.recipients), 0), w.kommun_code).toBe(Number(w.recipients));
  });

  it('age: the age groups of reasons, each the reference count of its persons', async () => {
    const got = csvObjects((await command(['reasons', sample, '--year', '2021', '--by', 'age', '--no-suppress'])).stdout);
    for (const g of ['18-24', '25-64', '65+']) {
      // every row of the persons of that age group in 2021 (the window's earlier years too)
      const want = referenceClassify(ref.filter((r) => ageIn.has(`${r.id}|2021`) && group(ageIn.get(`${r.id}|2021`)!) === g), 2021, 'internal', hasAge);
      for (const w of want) {
        const row = got.find((x) => x.kommun_code === w.kommun && x.age_group === g)!;
        expect([row.recipients, row.unemployment, row.ill_health, row.social].map(Number), `${w.kommun} ${g}`).toEqual([w.recipients, w.groups.unemployment, w.groups.ill_health, w.groups.social]);
      }
    }
  });

  it('under suppression: each part its count or X; the parts left out are named in a note', async () => {
    const open = csvObjects((await command(['classify', sample, '--year', '2021', '--by', 'sex', '--no-suppress'])).stdout);
    const r = await command(['classify', sample, '--year', '2021', '--by', 'sex']);
    const got = csvObjects(r.stdout);
    for (const row of got) {
      const same = open.find((x) => x.kommun_code === row.kommun_code && x.sex === row.sex)!;
      for (const m of ['recipients', 'long_term', 'very_long_term']) expect([same[m], 'X'], `${row.kommun_code} ${row.sex} ${m}`).toContain(row[m]);
    }
    const missing = [...new Set(open.map((x) => x.kommun_name))].filter((n) => !got.some((x) => x.kommun_name === n));
    expect(missing.length).toBeGreaterThan(0);
    for (const n of missing.slice(0, 5)) expect(r.stderr).toContain(`${n} 2021`);
  });

  it('with --total under suppression: one line saying why, nothing printed', async () => {
    await expect(command(['classify', sample, '--year', '2021', '--by', 'sex', '--total'])).rejects.toThrow(/--by sex with --total prints the parts of the total only with --no-suppress/);
  });

  it('a file without the column: an error naming the file', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'bistand-by-')), 'utan-kon.csv');
    writeFileSync(file, 'person_id;kommun;year;month\n1;1480;2021;3\n');
    await expect(command(['classify', file, '--year', '2021', '--by', 'sex', '--no-suppress'])).rejects.toThrow(/the file has no sex column/);
  });
});
