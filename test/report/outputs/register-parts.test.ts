/**
 * T9 (sex and age) and T10 (household types) from the register: each share the part's count of
 * `classify --by` over the municipality's recipients — the same cells hidden, the same
 * municipalities left out (one pattern of parts, whichever output prints them) — and, open, the
 * reference classifier's count of the part's persons.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, command, csvObjects } from '../../helpers.js';
import { parseRegisterText, referenceClassify } from '../../reference/classifier.js';
import { planned, plannedOnce, rows } from '../planned.js';

const recipe = join(ROOT, 'data/sample/recipe.json');
const register = join(ROOT, 'data/sample/register.csv');
const COLUMNS = { women_pct: ['sex', 'K'], men_pct: ['sex', 'M'], age_18_24_pct: ['age', '18-24'], age_25_64_pct: ['age', '25-64'], age_65_plus_pct: ['age', '65+'] } as const;
const BY_COLUMN = { sex: 'sex', age: 'age_group' } as const;

describe('T9: the register’s recipients by sex and age', () => {
  it('each share the part of classify --by over the recipients, X where it prints X or leaves the municipality out', async () => {
    const { plan } = await plannedOnce(['--recipe', recipe, '--no-png']);
    const t9 = await rows(plan, 'region/t9-kon-och-alder.csv');
    const plain = csvObjects((await command(['classify', register, '--year', '2021'])).stdout);
    const by = { sex: csvObjects((await command(['classify', register, '--year', '2021', '--by', 'sex'])).stdout), age: csvObjects((await command(['classify', register, '--year', '2021', '--by', 'age'])).stdout) };
    expect(t9.length).toBe(13);
    for (const r of t9) {
      const n = plain.find((x) => x.kommun_code === r.kommun_code)!.recipients;
      expect(r.recipients, r.kommun_code).toBe(n);
      for (const [col, [b, part]] of Object.entries(COLUMNS)) {
        const p = by[b].find((x) => x.kommun_code === r.kommun_code && x[BY_COLUMN[b]] === part);
        const want = !p || p.recipients === 'X' || n === 'X' || Number(n) < 10 ? 'X' : ((100 * Number(p.recipients)) / Number(n)).toFixed(1);
        expect(r[col], `${r.kommun_code} ${col}`).toBe(want);
      }
    }
    // some shown, some hidden, some municipalities left out whole
    expect(t9.some((r) => r.women_pct !== 'X')).toBe(true);
    expect(t9.some((r) => Object.keys(COLUMNS).every((c) => r[c] === 'X'))).toBe(true);
  });

  it('open (--no-suppress): each share the reference classifier’s count of the part’s persons', async () => {
    const { plan } = await plannedOnce(['--recipe', recipe, '--no-png', '--no-suppress']);
    const t9 = await rows(plan, 'region/t9-kon-och-alder.csv');
    const text = readFileSync(register, 'utf8');
    const { rows: ref, hasAge } = parseRegisterText(text);
    const [head, ...lines] = text.trimEnd().split('\n').map((l) => l.split(';'));
    const sexOf = new Map(lines.map((f) => [f[head.indexOf('person_id')], f[head.indexOf('sex')]]));
    const all = referenceClassify(ref, 2021, 'internal', hasAge);
    const women = referenceClassify(ref.filter((r) => sexOf.get(r.id) === 'K'), 2021, 'internal', hasAge);
    for (const r of t9) {
      const n = all.find((w) => w.kommun === r.kommun_code)!.recipients;
      const k = women.find((w) => w.kommun === r.kommun_code)?.recipients ?? 0;
      expect(Number(r.women_pct), r.kommun_code).toBe(Number(((100 * k) / n).toFixed(1)));
    }
  });

  it('a sex the reader cannot read is unknown in T9, said in a warning; the report is made (classify --by sex refuses it)', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const lines = readFileSync(register, 'utf8').split('\n');
    // "9", as some case systems write an unknown sex, on every row of one person
    const id = lines.find((l) => /;2021;12;/.test(l) && Number(l.split(';')[5]) >= 25)!.split(';')[0];
    const file = join(mkdtempSync(join(tmpdir(), 'bistand-sex9-')), 'register.csv');
    writeFileSync(file, lines.map((l) => (l.startsWith(`${id};`) ? l.replace(/;[KM]$/, ';9') : l)).join('\n'));
    const r = await planned(['--year', '2021', '--register', file, '--no-png', '--no-suppress']);
    expect(r.stderr).toMatch(/rows had a sex or household type that is none of the known codes/);
    const t9 = await rows(r.plan, 'region/t9-kon-och-alder.csv');
    const open = await rows((await plannedOnce(['--recipe', recipe, '--no-png', '--no-suppress'])).plan, 'region/t9-kon-och-alder.csv');
    const sum = (t: typeof t9) => t.reduce((a, x) => a + Number(x.women_pct) * Number(x.recipients) + Number(x.men_pct) * Number(x.recipients), 0);
    expect(sum(t9)).toBeLessThan(sum(open));
    await expect(command(['classify', file, '--year', '2021', '--by', 'sex'])).rejects.toThrow(/sex "9" is none of/);
  });
});
