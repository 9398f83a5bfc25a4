/**
 * Municipality, region and country names ↔ codes, tolerant of how sources write them:
 * case, diacritics, hyphens and spaces, "Göteborgs stad", "Malmö stad", "Ale kommun",
 * "Stockholms län", "Region Skåne", "Riket", a code in front ("1480 Göteborg"), and the
 * abbreviations of ÖJ files ("Gtb"). A name that matches nothing gets a did-you-mean.
 */
import { fold } from './fold.js';
import { Area } from './municipalities.js';

/** Lower case, hyphens and spaces alike; diacritics kept (`Håbo` and `Habo` are two municipalities). */
export function keyName(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/\u00ad/g, '-')
    .replace(/[\s\-_.]+/g, ' ')
    .trim();
}

/** `keyName` without diacritics, for sources that drop them. */
export function foldName(s: string): string {
  return fold(s)
    .replace(/\u00ad/g, '-')
    .replace(/[\s\-_.]+/g, ' ')
    .trim();
}

export interface NameMatch {
  area: Area;
}

export class NameIndex {
  private readonly byKey = new Map<string, Area>();
  private readonly byFolded = new Map<string, Area>();
  private readonly names: [string, Area][] = [];

  /** `extra`: more spellings, such as Socialstyrelsen's county names, as [name, code]. */
  constructor(
    readonly areas: readonly Area[],
    extra: readonly [string, string][] = [],
  ) {
    const byCode = new Map(areas.map((a) => [a.code, a]));
    // municipalities first: "Stockholm", "Uppsala", "Gotland" name the municipality, not the region
    const ordered = [...areas.filter((a) => a.kind === 'kommun'), ...areas.filter((a) => a.kind !== 'kommun')];
    for (const a of ordered) {
      const base = keyName(a.name);
      this.add(base, a);
      if (a.kind === 'kommun') {
        for (const suffix of [' kommun', 's kommun', ' stad', 's stad', ' kommuns', ' stads']) this.add(base + suffix, a);
      }
      if (a.kind === 'region') {
        const bare = base.replace(/^region /, '');
        for (const k of [bare, `${bare} län`, `${bare}s län`, `region ${bare}`]) this.add(k, a);
      }
      this.names.push([a.name, a]);
    }
    const riket = byCode.get('0000');
    if (riket) for (const k of ['riket', 'sverige', 'hela riket', 'hela landet', 'alla kommuner', 'sweden', 'riket totalt']) this.add(k, riket);
    const gbg = byCode.get('1480');
    if (gbg) for (const k of ['gtb', 'gbg']) this.add(k, gbg);
    for (const [name, code] of extra) {
      const a = byCode.get(code.padStart(4, '0'));
      if (a) this.add(keyName(name), a);
    }
  }

  private add(key: string, a: Area): void {
    if (!this.byKey.has(key)) this.byKey.set(key, a);
    const folded = foldName(key);
    if (!this.byFolded.has(folded)) this.byFolded.set(folded, a);
  }

  /** Adds a user's spelling (`--name-map`). */
  alias(name: string, a: Area): void {
    this.byKey.set(keyName(name), a);
    this.byFolded.set(foldName(name), a);
  }

  find(name: string): Area | undefined {
    const hit = this.byKey.get(keyName(name)) ?? this.byFolded.get(foldName(name));
    if (hit) return hit;
    const key = foldName(name);
    // "1480 Göteborg", "1480 - Göteborg"; a county as "01 Stockholms län" or by its NUTS code
    // ("SE110 Stockholms län"); Riket as "00 Riket" or "00 Sweden"; English "Stockholm county"
    const m = /^(\d{4})\b/.exec(key);
    if (m) return this.areas.find((a) => a.code === m[1]);
    const county = /^(\d{2}) \D/.exec(key);
    if (county) return county[1] === '00' ? this.areas.find((a) => a.kind === 'country') : this.areas.find((a) => a.code === `00${county[1]}` && a.kind === 'region');
    const nuts = /^se\d{1,3} (.+)$/.exec(key);
    if (nuts) return this.find(nuts[1]);
    if (/^(sweden|whole country)$/.test(key)) return this.areas.find((a) => a.kind === 'country');
    const english = /^(.+) county$/.exec(key);
    if (english) return this.find(`${english[1]} län`) ?? this.find(`${english[1]}s län`);
    return undefined;
  }

  /** The closest known name, for a did-you-mean; undefined when nothing is close. */
  suggest(name: string): string | undefined {
    const key = foldName(name);
    let best: string | undefined;
    let bestD = Infinity;
    for (const [n] of this.names) {
      const d = distance(key, foldName(n));
      if (d < bestD) {
        bestD = d;
        best = n;
      }
    }
    return bestD <= Math.max(2, Math.floor(key.length / 4)) ? best : undefined;
  }
}

/** Levenshtein distance. */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
