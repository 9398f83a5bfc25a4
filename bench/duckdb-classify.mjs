// The same classification as `bistand classify` (SPEC §1) in DuckDB SQL, as the bench's
// reference: one GROUP BY person with a bit set of months, then bit arithmetic for the rules.
// Usage: node bench/duckdb-classify.mjs FILE YEAR  → CSV on stdout (kommun_code,recipients,long_term,very_long_term)
import { DuckDBInstance } from '@duckdb/node-api';

const [file, yearArg] = process.argv.slice(2);
const Y = Number(yearArg);
const start = (Y - 2) * 12;
const sql = `
WITH rows AS (
  SELECT person_id, kommun, age, year * 12 + month - 1 - ${start} AS m
  FROM read_csv('${file.replace(/'/g, "''")}', delim = ';', header = true, auto_detect = false,
    columns = {'person_id': 'VARCHAR', 'kommun': 'VARCHAR', 'year': 'INTEGER', 'month': 'INTEGER',
               'hinder': 'VARCHAR', 'age': 'INTEGER', 'sex': 'VARCHAR'})
), p AS (
  SELECT person_id,
    bit_or(CAST(1 AS BIGINT) << m) AS bits,
    arg_max(kommun, m) FILTER (WHERE m >= 24) AS kommun,
    arg_max(age, m) FILTER (WHERE m >= 24) AS age
  FROM rows WHERE m BETWEEN 0 AND 35
  GROUP BY person_id
), c AS (
  SELECT kommun, bits,
    bit_count((bits >> 24) & 4095) AS months_y,
    bit_count(bits) AS months_all,
    bits | (bits << 1) | (bits << 2) AS covered,
    (CAST(1 AS BIGINT) << (CAST(floor(log2(bits)) AS INTEGER) + 1)) - (bits & -bits) AS span
  FROM p
  WHERE kommun IS NOT NULL AND (age IS NULL OR age >= 18)
)
SELECT kommun AS kommun_code,
  count(*) AS recipients,
  count(*) FILTER (WHERE months_y >= 10) AS long_term,
  count(*) FILTER (WHERE months_all >= 27 AND (covered & span) = span) AS very_long_term
FROM c GROUP BY kommun ORDER BY kommun`;

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const reader = await con.runAndReadAll(sql);
const lines = ['kommun_code,recipients,long_term,very_long_term'];
for (const r of reader.getRows()) lines.push(r.map(String).join(','));
process.stdout.write(lines.join('\n') + '\n');
