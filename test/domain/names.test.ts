import { describe, expect, it } from 'vitest';
import { nameIndex } from '../../src/io/aggregated/read.js';
import { loadMunicipalities } from '../../src/io/reference.js';

describe('names ↔ codes', () => {
  const idx = nameIndex();
  it('every municipality, region and Riket by its own name, and back', () => {
    for (const a of loadMunicipalities().areas) expect(idx.find(a.name)?.code, a.name).toBe(a.code);
  });
  it('as sources write them', () => {
    const cases: [string, string][] = [
      ['Göteborgs stad', '1480'],
      ['Malmö stad', '1280'],
      ['ale kommun', '1440'],
      ['Upplands-Bro', '0139'],
      ['UPPLANDS BRO', '0139'],
      ['Stockholm', '0180'],
      ['Stockholms län', '0001'],
      ['Region Skåne', '0012'],
      ['Håbo', '0305'],
      ['Habo', '0643'],
      ['Mölndals stad', '1481'],
      ['Molndal', '1481'],
      ['1480 Göteborg', '1480'],
      ['Riket', '0000'],
      ['Gtb', '1480'],
    ];
    for (const [name, code] of cases) expect(idx.find(name)?.code, name).toBe(code);
  });
  it('suggests the closest name for a typo, and nothing for nonsense', () => {
    expect(idx.suggest('Möndal')).toBe('Mölndal');
    expect(idx.suggest('Kungsbaka')).toBe('Kungsbacka');
    expect(idx.suggest('Xyzzyqwerty')).toBeUndefined();
  });
});

describe('values as sources write them', async () => {
  const { parseValue } = await import('../../src/domain/tidy.js');
  it('numbers with spaces, no-break spaces, decimal comma, a percent sign; markers', () => {
    expect(parseValue('12 345')).toEqual({ value: 12345, status: 'ok' });
    expect(parseValue('12\u00a0345,5')).toEqual({ value: 12345.5, status: 'ok' });
    expect(parseValue('12 %')).toEqual({ value: 12, status: 'ok' });
    expect(parseValue('−3,5')).toEqual({ value: -3.5, status: 'ok' });
    expect(parseValue('X')).toEqual({ value: null, status: 'suppressed' });
    expect(parseValue('..')).toEqual({ value: null, status: 'suppressed' });
    expect(parseValue('--')).toEqual({ value: null, status: 'missing' });
    expect(parseValue('.')).toEqual({ value: null, status: 'not_applicable' });
    expect(parseValue('tolv')).toEqual({ invalid: true });
  });
});
