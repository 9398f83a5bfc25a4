// Writes data/sample/survey.csv: a synthetic survey of first-line managers in the Google Forms
// layout (SPEC §3.3), 26 respondents in the 13 GR municipalities, seeded. Some respondents'
// tenure counts do not add up to their staff (D6 leaves them out), a few answers are blank,
// and question 8 spells two areas as the real form did ("Lagstifning", "arbetsätt").
import { writeFileSync } from 'node:fs';

const AREAS = ['Aktuell forskning, nya rön', 'Andra huvudmäns ansvar och arbetssätt (t. ex. Försäkringskassa, Arbetsförmedling och sjukvården)', 'Barnrättsperspektiv', 'Beroendelära', 'Brukarinflytande/delaktighet', 'Handläggning och dokumentation', 'Implementering och förändringsledning', 'Kognitiva funktionsnedsättningar', 'Kulturkompetens', 'Lagstiftning (t. ex. SoL, offentlighets- och sekretesslagstiftning)', 'Metoder för socialt förändringsarbete med individer och samtalsmetodik (t. ex. MI)', 'Normkritik', 'Psykisk ohälsa', 'Samsjuklighet', 'Samverkan och SIP', 'Screeningmetoder (t. ex. avseende spel, psykisk ohälsa, våld)', 'Systematisk uppföljning', 'Säkerhet, hot, våld', 'Utrednings- och bedömningsmetoder', 'Våld i nära relationer'];
const PRE = ['Tillgång till utbildningar som matchar behoven', 'Tillgång till metodstöd på arbetsplatsen', 'Möjlighet till kompetensöverföring mellan medarbetare', 'Medarbetares motivation och beredskap till kompetensutveckling', 'Ekonomiska resurser', 'Tid för medarbetare att delta i utbildningar', 'Tillgång till extern handledning'];
const IMP = ['Inte alls viktigt', 'Lite viktigt', 'Ganska viktigt', 'Mycket viktigt'];
const FUL = ['Inte alls', 'I viss grad', 'I ganska hög grad', 'I mycket hög grad'];
const KOMMUNER = ['Göteborg', 'Göteborg', 'Göteborg', 'Göteborg', 'Göteborg', 'Göteborg', 'Göteborg', 'Göteborg', 'Mölndal', 'Mölndal', 'Kungsbacka', 'Kungsbacka', 'Alingsås', 'Lerum', 'Partille', 'Härryda', 'Kungälv', 'Ale', 'Stenungsund', 'Lilla Edet', 'Tjörn', 'Öckerö', 'Göteborg', 'Göteborg', 'Mölndal', 'Lerum'];

let seed = 20230430;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = (weights) => {
  const r = rnd() * weights.reduce((a, b) => a + b, 0);
  let s = 0;
  for (let i = 0; i < weights.length; i++) if ((s += weights[i]) >= r) return i;
  return weights.length - 1;
};
const q5 = (t) => `5. Hur många av de medarbetare som var anställda den 30 april 2023 hade arbetat som socialsekreterare inom ekonomiskt bistånd (i er eller annan kommun) ${t}`;
const header = [
  'Tidstämpel',
  '1. I vilken kommun arbetar du?',
  '2. Vilken funktion har du?',
  '3. Hur många årsarbetare arbetade på din enhet den 30 april 2023?',
  '4. Hur många medarbetare arbetade på din enhet den 30 april 2023?',
  'Ev. kommentarer på fråga 3-4',
  `${q5('[i mindre än 2 år?]')}`,
  `${q5('[2 till 5 år?]')}`,
  `${q5('[i mer än 5 år?]')}`,
  '6. Finns det hos er några formaliserade kompetenskrav vid nyanställningar?',
  ...AREAS.map((a) => `7. Hur viktiga uppfattar du följande kompetensområden vara för socialsekreterare inom ekonomiskt bistånd? [${a}]`),
  '7. Hur viktiga uppfattar du följande kompetensområden vara för socialsekreterare inom ekonomiskt bistånd? [Annat]',
  ...AREAS.map((a) => `8. I vilken grad bedömer du att dina medarbetare som grupp tillgodoser kompetensbehovet inom din enhet när det gäller följande områden? [${a.replace('Lagstiftning', 'Lagstifning').replace('arbetssätt', 'arbetsätt')}]`),
  ...PRE.map((p) => `9. I vilken grad uppfattar du att följande förutsättningar finns för medarbetarnas kompetensutveckling på din enhet? [${p}]`),
  '10. Har ni följt upp/utvärderat kompetenssatsningar de senaste 24 månaderna?',
];
// how important and how well met each area tends to be: a gap that differs between areas
const impW = AREAS.map((_, i) => [1, 2, 6 + (i % 4), 8 + ((i * 7) % 9)]);
const fulW = AREAS.map((_, i) => [1 + (i % 3), 5 + ((i * 5) % 6), 6, 2 + (i % 4)]);
const preW = PRE.map((_, i) => [1 + (i % 2), 4 + i, 5, 2 + ((i * 3) % 4)]);
const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const rows = [header];
KOMMUNER.forEach((k, r) => {
  const staff = 6 + Math.floor(rnd() * 20);
  const short = Math.floor(rnd() * staff * 0.5);
  const middle = Math.floor(rnd() * (staff - short));
  // every fifth respondent's counts do not add up (a count left out, or one too many)
  const long = staff - short - middle + (r % 5 === 3 ? 1 + (r % 2) : 0);
  const fte = (staff - rnd() * 2).toFixed(1).replace('.', ',');
  const day = String(3 + (r % 25)).padStart(2, '0');
  rows.push([
    `2023/05/${day} ${String(8 + (r % 9)).padStart(2, '0')}:14:0${r % 10} fm CET`,
    k,
    r % 4 === 1 ? 'Förste socialsekreterare' : 'Enhetschef',
    fte,
    String(staff),
    r % 7 === 2 ? 'Två tjänster vakanta under våren' : '',
    String(short),
    String(middle),
    String(long),
    r % 3 === 0 ? 'Ja, ange vilka: socionomexamen' : 'Nej',
    ...AREAS.map((_, i) => (r === 5 && i === 8 ? '' : IMP[pick(impW[i])])),
    '',
    ...AREAS.map((_, i) => (r === 11 && i < 2 ? '' : FUL[pick(fulW[i])])),
    ...PRE.map((_, i) => FUL[pick(preW[i])]),
    ['Ja', 'Nej', 'Ingen kompetenssatsning genomförd'][r % 3],
  ]);
});
writeFileSync(new URL('../data/sample/survey.csv', import.meta.url), rows.map((r) => r.map(quote).join(',')).join('\n') + '\n');
