/**
 * Försörjningshinder: the reason catalogue, its groups (GR report diagram 5 and
 * Socialstyrelsen's 11 main categories, Kolada N31858–N31868), and the matching of the many
 * spellings that case systems and Excel produce (SPEC §2).
 */
import { fold } from './fold.js';

export const GROUPS = ['unemployment', 'ill_health', 'social', 'other', 'missing'] as const;
export type Group = (typeof GROUPS)[number];
export const GROUP_INDEX: Record<Group, number> = { unemployment: 0, ill_health: 1, social: 2, other: 3, missing: 4 };
/** Socialstyrelsen's main categories, with the Kolada KPI that publishes each. */
export const SOS_CATEGORIES = {
  arbetslosa: 'Arbetslösa',
  etablering: 'Arbetslösa med etableringsersättning',
  sjukskrivna: 'Sjukskrivna med läkarintyg',
  sjuk_aktivitet: 'Sjuk- eller aktivitetsersättning',
  pension: 'Pension eller äldreförsörjningsstöd',
  sociala_skal: 'Arbetshinder av sociala skäl',
  foraldraledighet: 'Föräldraledighet',
  heltid: 'Heltidsarbetande',
  deltid: 'Deltidsarbetande',
  saknas: 'Försörjningshinder saknas',
  uppgift_saknas: 'Uppgift saknas',
} as const;
export type SosCategory = keyof typeof SOS_CATEGORIES;

export interface Reason {
  label: string;
  group: Group;
  sos: SosCategory;
}

/** The reasons of the register, as Socialstyrelsen names them. */
export const REASONS: readonly Reason[] = [
  { label: 'Arbetslös – otillräcklig ersättning', group: 'unemployment', sos: 'arbetslosa' },
  { label: 'Arbetslös – väntar på ersättning', group: 'unemployment', sos: 'arbetslosa' },
  { label: 'Arbetslös – ingen ersättning', group: 'unemployment', sos: 'arbetslosa' },
  { label: 'Otillräcklig etableringsersättning', group: 'unemployment', sos: 'etablering' },
  { label: 'Väntar på etableringsersättning', group: 'unemployment', sos: 'etablering' },
  { label: 'Sjukskriven med läkarintyg – otillräcklig sjukpenning', group: 'ill_health', sos: 'sjukskrivna' },
  { label: 'Sjukskriven med läkarintyg – väntar på sjukpenning', group: 'ill_health', sos: 'sjukskrivna' },
  { label: 'Sjukskriven med läkarintyg – ingen sjukpenning', group: 'ill_health', sos: 'sjukskrivna' },
  { label: 'Sjuk- eller aktivitetsersättning – otillräcklig ersättning', group: 'ill_health', sos: 'sjuk_aktivitet' },
  { label: 'Sjuk- eller aktivitetsersättning – väntar på ersättning', group: 'ill_health', sos: 'sjuk_aktivitet' },
  // The GR report counts this under Ohälsa; Socialstyrelsen most likely under etablering.
  { label: 'Ingen etableringsersättning (prestationsförmåga <25 %)', group: 'ill_health', sos: 'etablering' },
  { label: 'Arbetshinder – sociala skäl', group: 'social', sos: 'sociala_skal' },
  { label: 'Ensamkommande ungdom och gymnasiestuderande', group: 'social', sos: 'sociala_skal' },
  { label: 'Arbetar heltid – otillräcklig inkomst', group: 'other', sos: 'heltid' },
  { label: 'Arbetar heltid – väntar på inkomst', group: 'other', sos: 'heltid' },
  { label: 'Arbetar deltid (ofrivilligt) – otillräcklig inkomst', group: 'other', sos: 'deltid' },
  { label: 'Arbetar deltid (ofrivilligt) – väntar på inkomst', group: 'other', sos: 'deltid' },
  { label: 'Föräldrapenning otillräcklig', group: 'other', sos: 'foraldraledighet' },
  { label: 'Väntar på föräldrapenning', group: 'other', sos: 'foraldraledighet' },
  { label: 'Pension/Äldreförsörjningsstöd otillräcklig', group: 'other', sos: 'pension' },
  { label: 'Väntar på pension/äldreförsörjningsstöd', group: 'other', sos: 'pension' },
  { label: 'Saknar barnomsorg', group: 'other', sos: 'foraldraledighet' },
  { label: 'Utan försörjningshinder', group: 'other', sos: 'saknas' },
  { label: 'Uppgift saknas', group: 'missing', sos: 'uppgift_saknas' },
];

/** Words that carry no meaning for telling reasons apart. */
const STOP = new Set(['och', 'eller', 'med', 'm', 'pa', 'ar', 'av', 'for', 'stod', 'alt', 'samt', 'i', 'el']);

/** Abbreviations and synonyms, applied to whole (diacritic-free) tokens. */
const SYNONYM: Record<string, string> = {
  ers: 'ersattning',
  etableringsers: 'etableringsersattning',
  etabl: 'etablering',
  saknas: 'ingen',
  saknar: 'ingen',
  utan: 'ingen',
  otillr: 'otillracklig',
  otillrackliga: 'otillracklig',
  otillrackligt: 'otillracklig',
  sjukskr: 'sjukskriven',
  sjukskrivna: 'sjukskriven',
  lakarint: 'lakarintyg',
  vantan: 'vantar',
  arbetslosa: 'arbetslos',
  akt: 'aktivitetsersattning',
  aktivitetsers: 'aktivitetsersattning',
  sjukers: 'sjukersattning',
  foraldrapenn: 'foraldrapenning',
  gymnasiestud: 'gymnasiestuderande',
  aldreforsorjningsstod: 'aldreforsorjning',
  aldreforsorjning: 'aldreforsorjning',
  sjuk: 'sjukersattning',
  deltidsarbetande: 'deltid',
  heltidsarbetande: 'heltid',
};

/**
 * Tokens of a label, independent of case, diacritics, dashes, commas, slashes, abbreviations
 * and word order. `Sjuk/Aktivitetsersättning` and `Sjuk- eller aktivitetsersättning` both give
 * {sjukersattning, aktivitetsersattning}.
 */
export function labelTokens(label: string): string[] {
  const folded = fold(label)
    .replace(/[\u00ad]/g, '')
    .replace(/(\d)\s*%/g, '$1')
    .replace(/[^a-z0-9<]+/g, ' ');
  const out = new Set<string>();
  for (let t of folded.split(' ')) {
    if (!t) continue;
    t = SYNONYM[t] ?? t;
    if (STOP.has(t)) continue;
    if (/^\d+$/.test(t) && t !== '25') continue; // ages like "18-20 år" name no reason
    out.add(t.replace(/^<+/, ''));
  }
  out.delete('');
  return [...out].sort();
}

export function labelKey(label: string): string {
  return labelTokens(label).join(' ');
}

export interface ReasonMatch {
  /** index into REASONS */
  reason: number;
}

/** What a label names: a reason of the catalogue, or nothing known. */
export class ReasonMatcher {
  private readonly exact = new Map<string, number>();
  private readonly tokenSets: Set<string>[];
  private readonly overrides = new Map<string, number>();

  constructor() {
    REASONS.forEach((r, i) => this.exact.set(labelKey(r.label), i));
    this.tokenSets = REASONS.map((r) => new Set(labelTokens(r.label)));
  }

  /** Adds a mapping from a local label or code to a catalogue reason. */
  addOverride(from: string, reason: number): void {
    this.overrides.set(from.trim().toLowerCase(), reason);
  }

  /** Index into REASONS, or -1 when the label names no known reason. */
  match(label: string): number {
    const raw = label.trim();
    const o = this.overrides.get(raw.toLowerCase());
    if (o !== undefined) return o;
    if (raw === '') return MISSING_REASON;
    const tokens = labelTokens(raw);
    const hit = this.exact.get(tokens.join(' '));
    if (hit !== undefined) return hit;
    // Extra words ("18-20 år", "/stöd", "(ofrivilligt)") must not hide a reason: take the
    // catalogue reason whose words all occur, if exactly one is the longest such.
    const have = new Set(tokens);
    let best = -1;
    let bestSize = 0;
    let ambiguous = false;
    this.tokenSets.forEach((set, i) => {
      for (const t of set) if (!have.has(t)) return;
      if (set.size > bestSize) {
        best = i;
        bestSize = set.size;
        ambiguous = false;
      } else if (set.size === bestSize) ambiguous = true;
    });
    if (best >= 0 && !ambiguous && bestSize >= 2) return best;
    return -1;
  }
}

export const MISSING_REASON = REASONS.findIndex((r) => r.group === 'missing');

/** A target of a --hinder-map line: a catalogue reason in any spelling, or a group id. */
export function resolveTarget(target: string, matcher: ReasonMatcher): number {
  const t = target.trim();
  const asGroup = (GROUPS as readonly string[]).includes(t) ? (t as Group) : undefined;
  if (asGroup) return REASONS.findIndex((r) => r.group === asGroup);
  return matcher.match(t);
}
