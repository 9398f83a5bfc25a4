/**
 * The survey of first-line managers (SPEC §3.3): the questionnaire — its questions, the 20
 * competence areas, the 7 preconditions, the two answer scales — and how a web form's headers
 * and answers are matched to it. Spelling varies between questions in the real form
 * ("Lagstifning", "arbetsätt"), so items match on normalised text with a small edit distance.
 */
import { distance } from './names.js';

export const AREAS = [
  'Aktuell forskning, nya rön',
  'Andra huvudmäns ansvar och arbetssätt (t. ex. Försäkringskassa, Arbetsförmedling och sjukvården)',
  'Barnrättsperspektiv',
  'Beroendelära',
  'Brukarinflytande/delaktighet',
  'Handläggning och dokumentation',
  'Implementering och förändringsledning',
  'Kognitiva funktionsnedsättningar',
  'Kulturkompetens',
  'Lagstiftning (t. ex. SoL, offentlighets- och sekretesslagstiftning)',
  'Metoder för socialt förändringsarbete med individer och samtalsmetodik (t. ex. MI)',
  'Normkritik',
  'Psykisk ohälsa',
  'Samsjuklighet',
  'Samverkan och SIP',
  'Screeningmetoder (t. ex. avseende spel, psykisk ohälsa, våld)',
  'Systematisk uppföljning',
  'Säkerhet, hot, våld',
  'Utrednings- och bedömningsmetoder',
  'Våld i nära relationer',
] as const;

export const PRECONDITIONS = [
  'Tillgång till utbildningar som matchar behoven',
  'Tillgång till metodstöd på arbetsplatsen',
  'Möjlighet till kompetensöverföring mellan medarbetare',
  'Medarbetares motivation och beredskap till kompetensutveckling',
  'Ekonomiska resurser',
  'Tid för medarbetare att delta i utbildningar',
  'Tillgång till extern handledning',
] as const;

/** Q7's scale, and the scale of Q8 and Q9; 1…4. */
export const IMPORTANCE = ['Inte alls viktigt', 'Lite viktigt', 'Ganska viktigt', 'Mycket viktigt'] as const;
export const FULFILMENT = ['Inte alls', 'I viss grad', 'I ganska hög grad', 'I mycket hög grad'] as const;

/** The questions bistand reads; 5a–5c are Q5's three tenure counts. */
export type Question = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5a' | 'Q5b' | 'Q5c' | 'Q7' | 'Q8' | 'Q9';
export const GRID: Record<'Q7' | 'Q8' | 'Q9', { items: readonly string[]; scale: readonly string[] }> = {
  Q7: { items: AREAS, scale: IMPORTANCE },
  Q8: { items: AREAS, scale: FULFILMENT },
  Q9: { items: PRECONDITIONS, scale: FULFILMENT },
};

/** Lower case, no accents, no punctuation: how two spellings of one text are compared. */
export function normalise(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The item of a list a header's text names (1-based), by number, exact or near text; 0 when none. */
export function itemOf(text: string, items: readonly string[]): number {
  const t = normalise(text);
  if (/^\d+$/.test(t)) return Number(t) >= 1 && Number(t) <= items.length ? Number(t) : 0;
  const forms = items.map((it) => [normalise(it), normalise(it.replace(/\(.*?\)/g, ''))]);
  const exact = forms.findIndex((f) => f.includes(t));
  if (exact >= 0) return exact + 1;
  // spelling varies: the nearest item within a few edits (and clearly nearer than the next)
  const scored = forms.map((f, i) => [i, Math.min(...f.map((x) => distance(x, t)))] as const).sort((a, b) => a[1] - b[1]);
  const [best, d] = scored[0];
  const second = scored[1]?.[1] ?? Infinity;
  return d <= Math.max(2, Math.floor(t.length / 12)) && d < second ? best + 1 : 0;
}

/**
 * An answer on a 4-point scale: a code 1–4, a label of the scale in any case, `4 = Mycket
 * viktigt`, `4 - …`. `undefined` for a blank; `'dontknow'` for "Vet ej"; `'other'` for a code
 * outside 1–4; `'bad'` for anything else.
 */
export function scaleAnswer(raw: string, scale: readonly string[]): number | 'dontknow' | 'other' | 'bad' | undefined {
  const t = raw.trim();
  if (t === '') return undefined;
  const m = /^(\d+)(?:\s*(?:=|-|–|\.|:)\s*(.*))?$/.exec(t);
  if (m) {
    const n = Number(m[1]);
    return n >= 1 && n <= scale.length ? n : 'other';
  }
  const f = normalise(t);
  if (f === 'vet ej' || f === 'vet inte' || f === 'ingen asikt') return 'dontknow';
  const i = scale.findIndex((s) => normalise(s) === f);
  return i >= 0 ? i + 1 : 'bad';
}

/** One respondent's answers, by question (and item for the grids). */
export interface Respondent {
  id: string;
  /** the municipality's code, when the answer names one */
  kommun?: string;
  funktion?: string;
  /** the row it was read from, for messages */
  line: number;
  counts: Partial<Record<'Q3' | 'Q4' | 'Q5a' | 'Q5b' | 'Q5c', number>>;
  /** Q7/Q8/Q9 answers 1–4 by item (1-based); an item not answered is absent */
  grid: Record<'Q7' | 'Q8' | 'Q9', Map<number, number>>;
}

export interface SurveyRead {
  respondents: Respondent[];
  /** answers left out: "Vet ej", codes outside 1–4 */
  excluded: { dontknow: number; other: number };
  /** the year the answers were given (timestamps), when the export says */
  year?: number;
  /** how the columns were read, for the note */
  layout: string;
  /** columns whose header two questions share, told apart by order */
  byOrder: string[];
}
