// A population file for a synthetic national register (the bench's report over all 290
// municipalities): inhabitants per municipality and year, 20–44 adults per adult recipient
// and a quarter more of all ages, from the register's own counts (classify --no-suppress).
// Usage: node bench/national-population.mjs REGISTER YEAR OUT [YEARS]  (YEARS ending with YEAR; 3)
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [register, year, out, count = '3'] = process.argv.slice(2);
const cli = fileURLToPath(new URL('../dist/bin/main.js', import.meta.url));
const lines = ['kommun;år;folkmängd;folkmängd 18+'];
for (let y = Number(year) - Number(count) + 1; y <= Number(year); y++) {
  const r = spawnSync(process.execPath, [cli, 'classify', register, '--year', String(y), '--no-suppress'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  for (const row of r.stdout.trim().split('\n').slice(1)) {
    const [code, , , recipients] = row.split(',');
    // 20–44 adults per adult recipient, fixed per municipality, so the shares differ as real ones do
    const adults = Math.max(200, Number(recipients) * (20 + (Number(code) * 7919) % 25));
    lines.push(`${code};${y};${Math.round(adults * 1.25)};${adults}`);
  }
}
writeFileSync(out, lines.join('\n') + '\n');
