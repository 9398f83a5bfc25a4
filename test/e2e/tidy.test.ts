import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-tidy-'));

describe('bistand tidy', () => {
  it('prints the contract columns, typed markers, and a summary per status', () => {
    const r = cli(['tidy', join(ROOT, 'test/fixtures/sdb_ekb_manad_hushall_2017.csv')]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('kommun_code,kommun_name,measure,period,sex,value,status,Inrikes- eller utrikesfödda hushåll');
    expect(lines.filter((l) => l.includes(',suppressed,'))).toHaveLength(211);
    expect(lines.filter((l) => l.includes(',missing,'))).toHaveLength(171);
    expect(lines.filter((l) => /,,(suppressed|missing),/.test(l))).toHaveLength(382);
    expect(r.stderr).toContain('read as Statistikdatabasen export; 4656 values: 4274 ok, 211 suppressed, 171 missing, 0 not_applicable');
  });

  it('reads stdin', () => {
    const r = cli(['tidy', '-'], 'kpi,municipality_id,year,gender,value\nN31814,1481,2021,T,40.1\n');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('kommun_code,kommun_name,measure,period,sex,value,status,measure_name');
    expect(r.stdout.split('\n')[1]).toMatch(/^1481,Mölndal,N31814,2021,T,40\.1,ok,/);
  });

  it('a misspelt name: exit 1, located, did-you-mean; --name-map mends it', () => {
    const p = join(dir, 'gr.csv');
    writeFileSync(p, 'Variabelkod,Kommun,År,Värde\nU31404,Ale,2021,80\nU31404,Möndal,2021,74\n');
    const r = cli(['tidy', p]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`bistand: ${p}:3:2: "Möndal" is not the name of a municipality, region or Riket — did you mean "Mölndal"? — correct the name, or map it with --name-map FILE (two columns: name, code)`);
    const map = join(dir, 'names.csv');
    writeFileSync(map, 'namn;kod\nMöndal;1481\n');
    const ok = cli(['tidy', p, '--name-map', map]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('1481,Mölndal,U31404,2021,T,74,ok');
  });

  it('an unknown layout: exit 1 with the known layouts; a bad --as: exit 2', () => {
    const r = cli(['tidy', join(ROOT, 'test/fixtures/socialstyrelsen_regions.csv')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/:1: the layout of this file is not one bistand knows \(known: /);
    expect(cli(['tidy', 'x.csv', '--as', 'excel']).status).toBe(2);
  });
});
