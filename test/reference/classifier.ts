/**
 * A plain reference implementation of SPEC §1–2, written apart from src/ on purpose: strings,
 * Maps and the definitions as they read, no typed arrays, no shared code. The fast path is
 * checked against it.
 */

export type RefGroup = 'unemployment' | 'ill_health' | 'social' | 'other' | 'missing';

/** Every spelling the tests use, by hand, with its group (SPEC §2 table and list). */
export const REF_LABEL_GROUP: Record<string, RefGroup> = {
  'Arbetslös – otillräcklig ersättning': 'unemployment',
  'Arbetslös – väntar på ersättning': 'unemployment',
  'Arbetslös – ingen ersättning': 'unemployment',
  'Otillräcklig etableringsersättning': 'unemployment',
  'Väntar på etableringsersättning': 'unemployment',
  'Arbetslös, ingen ersättning/stöd': 'unemployment',
  'Arbetslös - ingen ersättning': 'unemployment',
  'ARBETSLÖS – INGEN ERSÄTTNING': 'unemployment',
  'Arbetslös, otillräcklig ersättning': 'unemployment',
  'Arbetslös - otillräcklig ersättning': 'unemployment',
  'Arbetslös, väntar på ersättning': 'unemployment',
  'Etableringsersättning otillräcklig': 'unemployment',
  'Etableringsers. otillräcklig': 'unemployment',
  'Väntar på etableringsers.': 'unemployment',
  'Sjukskriven med läkarintyg – otillräcklig sjukpenning': 'ill_health',
  'Sjukskriven med läkarintyg – väntar på sjukpenning': 'ill_health',
  'Sjukskriven med läkarintyg – ingen sjukpenning': 'ill_health',
  'Sjukskriven med läkarintyg - ingen sjukpenning': 'ill_health',
  'Sjukskriven m läkarintyg, ingen sjukpenning': 'ill_health',
  'Sjukskriven m läkarintyg, otillräcklig sjukpenning': 'ill_health',
  'Sjukskriven m läkarintyg, väntar på sjukpenning': 'ill_health',
  'Sjuk- eller aktivitetsersättning – otillräcklig ersättning': 'ill_health',
  'Sjuk- eller aktivitetsersättning – väntar på ersättning': 'ill_health',
  'Sjuk/Aktivitetsersättning, väntar på ersättning': 'ill_health',
  'Sjuk/Aktivitetsersättning, otillräcklig ersättning': 'ill_health',
  'Ingen etableringsersättning (prestationsförmåga <25 %)': 'ill_health',
  'Etableringsers. saknas (prestationsförmåga <25%)': 'ill_health',
  'Arbetshinder – sociala skäl': 'social',
  'Arbetshinder, sociala skäl': 'social',
  'Arbetshinder - sociala skäl': 'social',
  'Ensamkommande ungdom och gymnasiestuderande': 'social',
  'Ensamkommande ungdom 18-20 år, gymnasiestuderande': 'social',
  'Arbetar heltid – otillräcklig inkomst': 'other',
  'Arbetar heltid – väntar på inkomst': 'other',
  'Arbetar deltid (ofrivilligt) – otillräcklig inkomst': 'other',
  'Arbetar deltid (ofrivilligt) – väntar på inkomst': 'other',
  'Föräldrapenning otillräcklig': 'other',
  'Väntar på föräldrapenning': 'other',
  'Pension/Äldreförsörjningsstöd otillräcklig': 'other',
  'Väntar på pension/äldreförsörjningsstöd': 'other',
  'Saknar barnomsorg': 'other',
  'Utan försörjningshinder': 'other',
  'Uppgift saknas': 'missing',
  '': 'missing',
};

export interface RefRow {
  id: string;
  kommun: string;
  year: number;
  month: number;
  hinder?: string;
  age?: number;
}

export interface RefResult {
  kommun: string;
  year: number;
  recipients: number;
  longTerm: number;
  veryLongTerm: number | null;
  groups: Record<RefGroup, number>;
}

/** Rows in input order → one result per municipality with recipients in `year`. */
export function referenceClassify(rows: RefRow[], year: number, gapRule: 'internal' | 'all', hasAge: boolean): RefResult[] {
  const monthKey = (y: number, m: number) => y * 12 + (m - 1);
  const first = monthKey(year - 2, 1);
  const last = monthKey(year, 12);
  // decidable when the input reaches back into Y−2 and has rows in Y−1
  const keys = rows.map((r) => monthKey(r.year, r.month));
  const covered = keys.some((k) => k <= monthKey(year - 2, 12)) && rows.some((r) => r.year === year - 1);

  // person → month → rows of that month, in input order
  const people = new Map<string, Map<number, RefRow[]>>();
  for (const r of rows) {
    const k = monthKey(r.year, r.month);
    if (k < first || k > last) continue;
    if (!people.has(r.id)) people.set(r.id, new Map());
    const pm = people.get(r.id)!;
    if (!pm.has(k)) pm.set(k, []);
    pm.get(k)!.push(r);
  }

  const out = new Map<string, RefResult>();
  for (const months of people.values()) {
    const inYear = [...months.keys()].filter((k) => k >= monthKey(year, 1)).sort((a, b) => a - b);
    if (inYear.length === 0) continue;
    // rows of the latest month in two municipalities: the lower code, then the lower age (any order)
    const latestRows = months.get(inYear[inYear.length - 1])!;
    const latest = [...latestRows].sort((a, b) => a.kommun.localeCompare(b.kommun) || (a.age ?? 999) - (b.age ?? 999))[0];
    if (hasAge && latest.age !== undefined && latest.age < 18) continue;

    const flags: string[] = [];
    for (let k = first; k <= last; k++) flags.push(months.has(k) ? '1' : '0');
    const s = flags.join('');
    const total = s.split('').filter((c) => c === '1').length;
    const inner = gapRule === 'all' ? s : s.replace(/^0+/, '').replace(/0+$/, '');
    const noLongGap = !/000/.test(inner);

    const votes: Record<RefGroup, number> = { unemployment: 0, ill_health: 0, social: 0, other: 0, missing: 0 };
    const lastVote: Record<RefGroup, number> = { unemployment: -1, ill_health: -1, social: -1, other: -1, missing: -1 };
    for (const k of inYear) {
      const rs = months.get(k)!;
      const label = (rs[rs.length - 1].hinder ?? '').trim();
      const g = label in REF_LABEL_GROUP ? REF_LABEL_GROUP[label] : 'other';
      votes[g]++;
      lastVote[g] = k;
    }
    let winner: RefGroup = 'missing';
    let best = -1;
    for (const g of Object.keys(votes) as RefGroup[]) {
      if (votes[g] === 0) continue;
      if (votes[g] > best || (votes[g] === best && lastVote[g] > lastVote[winner])) {
        winner = g;
        best = votes[g];
      }
    }

    const key = latest.kommun;
    if (!out.has(key))
      out.set(key, {
        kommun: key,
        year,
        recipients: 0,
        longTerm: 0,
        veryLongTerm: covered ? 0 : null,
        groups: { unemployment: 0, ill_health: 0, social: 0, other: 0, missing: 0 },
      });
    const res = out.get(key)!;
    res.recipients++;
    if (inYear.length >= 10) res.longTerm++;
    if (covered && total >= 27 && noLongGap) res.veryLongTerm!++;
    res.groups[winner]++;
  }
  return [...out.values()].sort((a, b) => a.kommun.localeCompare(b.kommun));
}

/** A small CSV reader of its own: `;`/`,`/tab, quotes, CRLF; headers by the common aliases. */
export function parseRegisterText(text: string): { rows: RefRow[]; hasAge: boolean } {
  text = text.replace(/^\uFEFF/, '');
  const records: string[][] = [];
  let rec: string[] = [];
  let field = '';
  let q = false;
  const firstLine = text.slice(0, text.indexOf('\n'));
  const d = [';', ',', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') q = false;
      else field += c;
    } else if (c === '"') q = true;
    else if (c === d) {
      rec.push(field);
      field = '';
    } else if (c === '\n') {
      rec.push(field.replace(/\r$/, ''));
      records.push(rec);
      rec = [];
      field = '';
    } else field += c;
  }
  if (field || rec.length) {
    rec.push(field.replace(/\r$/, ''));
    records.push(rec);
  }
  const norm = (h: string) => h.trim().toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o');
  const header = records[0].map(norm);
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const cId = col('person_id', 'lopnr', 'id');
  const cK = col('kommun', 'kommunkod');
  const cY = col('year', 'ar');
  const cM = col('month', 'manad');
  const cP = col('period');
  const cH = col('hinder', 'forsorjningshinder');
  const cA = col('age', 'alder');
  const cB = col('birth_year', 'fodelsear');
  const rows = records.slice(1).filter((r) => r.some((f) => f.trim() !== '')).map((r) => {
    let year: number;
    let month: number;
    if (cP >= 0) {
      const m = /^(\d{4})-?(\d{1,2})$/.exec(r[cP].trim())!;
      year = Number(m[1]);
      month = Number(m[2]);
    } else {
      year = Number(r[cY]);
      month = Number(r[cM]);
    }
    const row: RefRow = { id: personOf(r[cId].trim()), kommun: r[cK].trim().padStart(4, '0'), year, month };
    if (cH >= 0) row.hinder = r[cH];
    if (cA >= 0 && r[cA].trim() !== '') row.age = Number(r[cA]);
    if (cB >= 0 && r[cB].trim() !== '') row.age = year - Number(r[cB]);
    return row;
  });
  return { rows, hasAge: cA >= 0 || cB >= 0 };
}

/**
 * One person in every form of a personnummer (SPEC §3.1, issue 38): invisible characters out;
 * 10 or 12 digits with a date (day + 60 for a samordningsnummer), a `-`, `+` or space before the
 * last four, become the 10 digits without the century; any other id stays.
 */
function personOf(raw: string): string {
  const t = raw.replace(/[\u00a0\u00ad\u200b-\u200f\u202f\u2060\ufeff]/g, '');
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})$/.exec(t);
  if (!m) return t;
  const [, century, yy, mm, dd, last] = m;
  const day = Number(dd);
  const ok = Number(mm) >= 1 && Number(mm) <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91)) && (century === undefined || (Number(century) >= 18 && Number(century) <= 20));
  return ok ? yy + mm + dd + last : t;
}
