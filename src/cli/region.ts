/** `--region`: a built-in region, or a file of municipality codes (one a line). */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { UsageError } from '../errors.js';
import * as msg from '../messages.js';
import { Region, regionById } from '../domain/municipalities.js';
import { loadMunicipalities } from '../io/reference.js';
import { readSmallCsv } from '../io/small-csv.js';

export function regionOf(v: string): Region {
  const builtIn = regionById(v);
  if (builtIn) return builtIn;
  if (existsSync(v)) {
    const munis = loadMunicipalities();
    const codes = readSmallCsv(v)
      .map((r) => r.fields[0])
      .filter((c) => /^\d{4}$/.test(c) && munis.byCode(c));
    if (codes.length) return { id: basename(v).replace(/\.[^.]+$/, ''), name: basename(v).replace(/\.[^.]+$/, ''), codes };
  }
  throw new UsageError(msg.unknownRegion(v), msg.unknownRegionHint());
}
