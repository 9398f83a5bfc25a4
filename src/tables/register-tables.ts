/** The `classify` and `reasons` tables (SPEC §7): one row per municipality and year. */
import { Classification } from '../domain/classify.js';
import { Municipalities } from '../domain/municipalities.js';
import { GROUPS } from '../domain/reasons.js';
import { SuppressOptions, count, share } from '../domain/suppress.js';
import { Column, Table } from './table.js';

const PCT_DECIMALS = 1;

export function classifyTable(c: Classification, munis: Municipalities, s: SuppressOptions): Table {
  const columns: Column[] = [
    { name: 'kommun_code' },
    { name: 'kommun_name' },
    { name: 'year' },
    { name: 'recipients' },
    { name: 'long_term' },
    { name: 'long_term_pct', decimals: PCT_DECIMALS },
    { name: 'very_long_term' },
    { name: 'very_long_term_pct', decimals: PCT_DECIMALS },
  ];
  const rows = c.rows.map((r) => {
    const k = munis.kommuner[r.kommun];
    const recipients = count(r.recipients, s);
    const longTerm = count(r.longTerm, s);
    const veryLong = count(r.veryLongTerm, s);
    return [k.code, k.name, r.year, recipients, longTerm, share(longTerm, recipients), veryLong, share(veryLong, recipients)];
  });
  return { columns, rows };
}

export function reasonsTable(c: Classification, munis: Municipalities, s: SuppressOptions): Table {
  const columns: Column[] = [
    { name: 'kommun_code' },
    { name: 'kommun_name' },
    { name: 'year' },
    { name: 'recipients' },
    ...GROUPS.map((g) => ({ name: g })),
    ...GROUPS.map((g) => ({ name: `${g}_pct`, decimals: PCT_DECIMALS })),
  ];
  const rows = c.rows.map((r) => {
    const k = munis.kommuner[r.kommun];
    const recipients = count(r.recipients, s);
    const groups = r.groups.map((n) => count(n, s));
    return [k.code, k.name, r.year, recipients, ...groups, ...groups.map((g) => share(g, recipients))];
  });
  return { columns, rows };
}
