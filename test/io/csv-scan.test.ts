import { describe, expect, it } from 'vitest';
import { CsvScanner, RowSink, UnterminatedQuote, detectDelimiter, unquote } from '../../src/io/csv-scan.js';

/** All rows of `text`, fed in pieces of `piece` bytes as the reader does. */
function rows(text: string, delimiter = ';', piece = 1 << 20): { fields: string[]; line: number }[] {
  const bytes = Buffer.from(text, 'utf8');
  const out: { fields: string[]; line: number }[] = [];
  const sink: RowSink = {
    row(buf, starts, ends, n, line) {
      const fields: string[] = [];
      for (let i = 0; i < Math.min(n, 8); i++) fields.push(unquote(Buffer.from(buf.subarray(starts[i], ends[i])).toString('utf8')));
      out.push({ fields, line });
    },
  };
  const s = new CsvScanner(delimiter.charCodeAt(0), 8);
  let buf = Buffer.alloc(0);
  let fed = 0;
  let pos = 0;
  while (fed < bytes.length) {
    const next = Buffer.concat([buf.subarray(pos), bytes.subarray(fed, fed + piece)]);
    fed += piece;
    buf = next;
    pos = s.scan(buf, 0, buf.length, fed >= bytes.length, sink);
  }
  return out;
}

describe('CsvScanner', () => {
  it('splits fields at the delimiter, LF and CRLF alike', () => {
    expect(rows('a;b;c\n1;2;3\r\n4;5;6').map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });
  it('reads quoted fields with delimiters, doubled quotes and line breaks inside', () => {
    const r = rows('x;"a;b";"say ""hi""";"two\nlines"\r\nnext;1;2;3\n');
    expect(r.map((x) => x.fields)).toEqual([
      ['x', 'a;b', 'say "hi"', 'two\nlines'],
      ['next', '1', '2', '3'],
    ]);
    expect(r.map((x) => x.line)).toEqual([1, 3]);
  });
  it('gives the same rows whatever the chunk boundaries', () => {
    const text = 'id;k;"q;x"\n1;"0180";"a ""b"""\r\n\n2;1480;"c\nd"\n3;1481;e';
    const whole = rows(text);
    for (const piece of [1, 2, 3, 5, 7, 11]) expect(rows(text, ';', piece)).toEqual(whole);
  });
  it('skips blank lines but counts them in line numbers', () => {
    expect(rows('a\n\n\nb\n').map((r) => r.line)).toEqual([1, 4]);
  });
  it('reports a quote that is never closed with the line it opens on', () => {
    expect(() => rows('a;b\n1;"open\n2;3\n')).toThrow(UnterminatedQuote);
    try {
      rows('a;b\n1;"open\n2;3\n');
    } catch (e) {
      expect((e as UnterminatedQuote).line).toBe(2);
    }
  });
  it('counts fields beyond its capacity', () => {
    let n = 0;
    new CsvScanner(44, 2).scan(Buffer.from('a,b,c,d\n'), 0, 8, true, { row: (_b, _s, _e, k) => (n = k) });
    expect(n).toBe(4);
  });
});

describe('detectDelimiter', () => {
  it('takes the most frequent of ; , and tab outside quotes', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"x,y,z";b;c')).toBe(';');
  });
});
