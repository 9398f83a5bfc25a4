/**
 * Every word the report's reader sees, in Swedish, in one place: titles, subtitles, axis
 * titles, series, source lines, notes, the reasons an output was not made, and the index.
 * The command line's English messages are in messages.ts.
 */
import type { Group } from './domain/reasons.js';
import type { Table } from './tables/table.js';

export const GROUP_SV: Record<Group, string> = {
  unemployment: 'Arbetslöshet',
  ill_health: 'Ohälsa',
  social: 'Sociala skäl',
  other: 'Övrigt',
  missing: 'Uppgift saknas',
};

/** The register's household types (domain/classify BREAKDOWNS.household) by Kolada's KPI of the same type. */
const REGISTER_HOUSEHOLD_CODE: Record<string, string> = {
  N31911: 'single_woman_with_children',
  N31912: 'single_woman_without_children',
  N31913: 'single_man_with_children',
  N31914: 'single_man_without_children',
  N31915: 'couple_with_children',
  N31916: 'couple_without_children',
};
const KPI_OF_REGISTER_HOUSEHOLD = Object.fromEntries(Object.entries(REGISTER_HOUSEHOLD_CODE).map(([kpi, code]) => [code, kpi]));
/** The six household types as a table's header says them. */
const HOUSEHOLD_HEADERS: Record<string, string> = {
  N31911: 'Kvinna med barn',
  N31912: 'Kvinna utan barn',
  N31913: 'Man med barn',
  N31914: 'Man utan barn',
  N31915: 'Par med barn',
  N31916: 'Par utan barn',
};

/** Column headers of the human forms (Markdown, Swedish Excel, workbooks); the `.csv` keeps the names of SPEC §7. */
const COLUMN_SV: Record<string, string> = {
  kommun_code: 'Kommunkod',
  kommun_name: 'Kommun',
  year: 'År',
  recipients: 'Biståndsmottagare',
  long_term: 'Långvarigt',
  very_long_term: 'Mycket långvarigt',
  ...GROUP_SV,
  fraga: 'Fråga',
  ja: 'Ja',
  nej: 'Nej',
  delvis: 'Delvis',
  ej_svar: 'Ej svar',
  series: 'Serie',
  numerator: 'Täljare',
  denominator: 'Nämnare',
  share: 'Andel',
  status: 'Status',
  region_figure: 'Regionens värde',
  drawn: 'Ritad',
  item: 'Område',
  mean: 'Medelvärde',
  n: 'Antal svar',
  staff: 'Medarbetare',
  importance_mean: 'Vikt, medelvärde',
  fulfilment_mean: 'Tillgodoses, medelvärde',
  fulfilment_n: 'Antal svar, tillgodoses',
  gap: 'Gap',
  measure: 'Mått',
  measure_name: 'Måttets namn',
  period: 'Period',
  sex: 'Kön',
  value: 'Värde',
  // T6 and T7, whose title says they are percentages (the .csv keeps Kolada's ids)
  N31825_K: 'Kvinnor 18+',
  N31825_M: 'Män 18+',
  U31804: 'Unga vuxna 18–24',
  age_18_24_pct: '18–24 år',
  age_25_64_pct: '25–64 år',
  age_65_plus_pct: '65+ år',
  U31803: 'Barn',
  U31809: 'Barn, långvarigt',
  // T9, from the register (its title says percentages)
  women_pct: 'Kvinnor',
  men_pct: 'Män',
  // T7 by Kolada's KPI, T10 by the register's code of the same type
  ...Object.fromEntries(
    Object.entries(HOUSEHOLD_HEADERS).flatMap(([kpi, header]) => [
      [`${kpi}_pct`, header],
      [`${REGISTER_HOUSEHOLD_CODE[kpi]}_pct`, header],
    ]),
  ),
};

/** A column's header for the reader: `long_term_pct` → `Långvarigt (%)`; a year or a measure's own name as it is. */
export function columnSv(name: string): string {
  if (COLUMN_SV[name] !== undefined) return COLUMN_SV[name];
  const perHousehold = /^(\d{4})_per_household_month$/.exec(name);
  if (perHousehold) return `${perHousehold[1]}, per hushåll och månad`;
  const pct = /_pct$/.test(name);
  const base = pct ? name.replace(/_pct$/, '') : name;
  const sv = COLUMN_SV[base];
  return sv === undefined ? name : pct ? `${sv} (%)` : sv;
}

/** Values of the machine forms' coded columns as the reader's forms show them. */
const VALUE_SV: Record<string, Record<string, string>> = {
  status: { ok: 'visas', suppressed: 'dold (X)', missing: 'uppgift saknas', not_available: 'ej tillgänglig' },
  region_figure: { unweighted: 'ovägt medel', pooled: 'sammanvägt' },
  drawn: { yes: 'ja', no: 'nej' },
};

/** A table as the reader's forms show it: Swedish headers (`columnSv`) and Swedish words for coded values. */
export function readerForm(t: Table): Table {
  const maps = t.columns.map((c) => VALUE_SV[c.name]);
  // an empty cell is "uppgift saknas" to a reader (–, as the legend says), never a blank that reads as 0
  const rows = t.rows.map((r) => r.map((v, i) => (v === null || v === undefined || v === '' ? '–' : maps[i] && typeof v === 'string' ? (maps[i][v] ?? v) : v)));
  return { columns: t.columns.map((c) => ({ ...c, name: columnSv(c.name) })), rows };
}

/** A share as the report's text quotes it: one decimal, a decimal comma. */
const pct = (v: number) => `${v.toFixed(1).replace('.', ',').replace('-', '−')} procent`;
/** A number as the draft writes it: its decimals as given (a table's value keeps its own), a decimal comma. */
const num = (v: number, d?: number) => (d === undefined ? String(v) : v.toFixed(d)).replace('.', ',').replace('-', '−');
/** The eleven försörjningshinder as Kolada names them (N31858–N31868). */
const T5_NAMES: Record<string, string> = {
  N31858: 'arbetslösa',
  N31859: 'arbetslösa med etableringsersättning',
  N31860: 'sjukskrivna med läkarintyg',
  N31861: 'sjuk- eller aktivitetsersättning',
  N31862: 'pension eller äldreförsörjningsstöd',
  N31863: 'arbetshinder av sociala skäl',
  N31864: 'föräldraledighet',
  N31865: 'heltidsarbetande',
  N31866: 'deltidsarbetande',
  N31867: 'försörjningshinder saknas',
  N31868: 'uppgift saknas',
};
export const hinderName = (kpi: string) => T5_NAMES[kpi] ?? kpi;
/** The six household types as Kolada names them (N31911–N31916). */
const T7_NAMES: Record<string, string> = {
  N31911: 'ensamstående kvinna med barn',
  N31912: 'ensamstående kvinna utan barn',
  N31913: 'ensamstående man med barn',
  N31914: 'ensamstående man utan barn',
  N31915: 'sammanboende par med barn',
  N31916: 'sammanboende par utan barn',
};
/** A household type's name, by Kolada's KPI or the register's code. */
export const householdName = (kpi: string) => T7_NAMES[kpi] ?? T7_NAMES[KPI_OF_REGISTER_HOUSEHOLD[kpi]] ?? kpi;
/** Kronor as the text and the charts write them: whole, thousands apart. */
export const kr = (v: number) => `${String(Math.round(v)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')}\u00a0kr`;
/** Names in a sentence: "A", "A och B", "A, B och C". */
/** The change from last year as the text quotes both (equal when they read the same). */
const change = (v: number, before: number | undefined, year: number) => {
  if (before === undefined) return '';
  const [a, b] = [Math.round(v * 10), Math.round(before * 10)];
  return a > b ? `, upp från ${pct(before)} ${year - 1}` : a < b ? `, ned från ${pct(before)} ${year - 1}` : `, samma som ${year - 1}`;
};
const names = (ns: string[]) => (ns.length < 2 ? ns.join('') : `${ns.slice(0, -1).join(', ')} och ${ns[ns.length - 1]}`);

export const SV = {
  draftLabel: 'Förslag till text',
  draftRegion: (name: string, v: number, year: number, before?: number) =>
    `${name} ${year}: ${pct(v)}${change(v, before, year)}.`,
  draftHighLow: (high: string[], max: number, low: string[], min: number, among?: number) =>
    among === undefined
      ? `Högst har ${names(high)} (${pct(max)}), lägst ${names(low)} (${pct(min)}).`
      : `Bland de ${among} kommuner som har ett värde har ${names(high)} högst (${pct(max)}) och ${names(low)} lägst (${pct(min)}).`,
  draftHidden: (n: number) => `${n === 1 ? 'En kommuns värde är dolt' : `${n} kommuners värden är dolda`} (små tal), så högst och lägst anges inte.`,
  draftMissing: (ns: string[]) => `Uppgift saknas för ${ns.length > 12 ? `${ns.slice(0, 10).join(', ')} och ${ns.length - 10} kommuner till` : names(ns)}.`,
  draftRiket: (v: number) => `Riket: ${pct(v)}.`,
  draftTableHighLow: (year: number, high: string[], max: number, low: string[], min: number) => `${year} har ${names(high)} högst (${num(max)}) och ${names(low)} lägst (${num(min)}).`,
  draftCost: (year: number, high: string[], max: number, low: string[], min: number) => `Nettokostnaden per invånare ${year} är högst i ${names(high)} (${kr(max)}) och lägst i ${names(low)} (${kr(min)}).`,
  draftCostOne: (name: string, year: number, v: number) => `Nettokostnaden per invånare i ${name} ${year}: ${kr(v)}.`,
  draftCostRiket: (v: number) => `Riket: ${kr(v)}.`,
  draftTableOne: (name: string, year: number, v: number) => `${name} ${year}: ${num(v)}.`,
  draftTableRiket: (v: number) => `Riket: ${num(v)}.`,
  draftOj: (top: string[], most: number, bottom: string[], fewest: number) => `Flest enheter svarade ja på ${names(top)} (${most}), färst på ${names(bottom)} (${fewest}).`,
  draftSurveyMeans: (top: string, max: number, bottom: string, min: number) => `Högst medelvärde har ”${top}” (${num(max, 1)}), lägst ”${bottom}” (${num(min, 1)}), på skalan 1–4.`,
  draftSurveyGap: (top: string, max: number, bottom: string, min: number) => `Störst skillnad mellan vikt och hur väl behovet tillgodoses har ”${top}” (${num(max, 1)}), minst ”${bottom}” (${num(min, 1)}).`,
  draftSurveyShares: (bars: [string, number][]) => `${bars.map(([l, v]) => `${l}: ${v} procent`).join(', ')}.`,
  draftSurveyHidden: (n: number) => `${n === 1 ? 'En fråga har' : `${n} frågor har`} för få svar och visas inte.`,
  draftProfile: (label: string, name: string, v: number, year: number, before: number | undefined, others: [string, number][]) =>
    `${label}: ${name} ${year} ${pct(v)}${change(v, before, year)}${others.length ? `; ${others.map(([n, x]) => `${n} ${pct(x)}`).join(', ')}` : ''}.`,
  draftProfileHidden: (label: string, name: string, year: number) => `${label}: ${name}s värde ${year} är dolt (små tal).`,
  draftProfileMissing: (label: string, name: string, year: number) => `${label}: uppgift saknas för ${name} ${year}.`,
  // titles
  t1Title: 'Socioekonomisk sorteringsnyckel per kommun',
  t2Title: 'Kunskapsbaserad verksamhet (Öppna jämförelser): antal svar per fråga',
  t3Title: 'Handläggare med socionomexamen (%)',
  t4Title: (year: number) => `Kostnad för ekonomiskt bistånd per invånare ${year} (kr)`,
  t5Title: (year: number) => `Försörjningshinder enligt Socialstyrelsens indelning ${year} (%)`,
  t5Columns: (kpis: readonly string[]) => `Andel av de vuxna biståndsmottagarna med försörjningshinder, per hinder. Kolumnerna: ${kpis.map((k) => `${k} ${T5_NAMES[k] ?? ''}`.trim()).join('; ')}.`,
  draftHinder: (name: string, n: number, of: number) => `${name} är det vanligaste försörjningshindret i ${n} av ${of} kommuner.`,
  t6Title: (year: number) => `Vem får ekonomiskt bistånd ${year}: kön, ålder och barn (%)`,
  t6Columns: (cols: readonly string[]) =>
    [
      cols.some((k) => k.startsWith('N31825')) ? 'Kvinnor och män: andel av befolkningen 18 år och äldre med ekonomiskt bistånd (N31825).' : '',
      cols.includes('U31804') ? 'Unga vuxna: andel av invånarna 18–24 år (U31804).' : '',
      cols.some((k) => k.startsWith('age_')) ? '18–24, 25–64 och 65+ år: andel av de vuxna biståndsmottagarna, räknad på Koladas antal per ålder (N31837–N31847).' : '',
      cols.some((k) => k.startsWith('U318')) ? 'Barn: andel av barnen i befolkningen som ingår i familjer med ekonomiskt bistånd (U31803), med långvarigt bistånd (U31809).' : '',
    ]
      .filter(Boolean)
      .join(' '),
  t8Title: 'Utbetalt ekonomiskt bistånd per biståndsmottagare (kr)',
  t8TitleHousehold: 'Utbetalt ekonomiskt bistånd per biståndsmottagare och per hushåll och månad (kr)',
  t8HouseholdNote: 'Per hushåll och månad: summan delad med antalet hushåll och månader med utbetalt belopp (Sbel) i hushållsfilen.',
  t8Note: (minDenominator: number | undefined) =>
    `Summan av registrets utbetalda belopp under året delad med antalet vuxna biståndsmottagare. ${minDenominator ? `X = dolt: kommunens antal mottagare är dolt eller färre än ${minDenominator}.` : ''}`.trim(),
  draftPaid: (year: number, high: string[], max: number, low: string[], min: number) => `Utbetalt bistånd per biståndsmottagare ${year} är högst i ${names(high)} (${kr(max)}) och lägst i ${names(low)} (${kr(min)}).`,
  draftPaidOne: (name: string, year: number, v: number) => `Utbetalt bistånd per biståndsmottagare i ${name} ${year}: ${kr(v)}.`,
  t9Title: (year: number) => `Vuxna biståndsmottagare efter kön och ålder ${year}, enligt registret (%)`,
  t9Note: 'Andel av kommunens vuxna biståndsmottagare under året. Varje person räknas med kön och ålder från sin sista månad med bistånd under året; andelarna av kön och av ålder summerar var för sig till 100 % utom för personer där uppgiften saknas.',
  t10Title: (year: number) => `Vuxna biståndsmottagare efter hushållstyp ${year}, enligt registret (%)`,
  t10Note: 'Andel av kommunens vuxna biståndsmottagare (personer, inte hushåll) i de sex hushållstyperna, från hushållets vuxna och antalet barn under 16 år (Barn15) under personens sista månad med bistånd under året. Par: två vuxna i hushållet. Personer vars hushållstyp inte framgår ingår inte i någon kolumn.',
  partsHidden: (minDenominator: number) =>
    `X = dolt: ett litet antal, dolt så att ett annat inte kan räknas fram, eller en kommun med färre än ${minDenominator} mottagare eller för få för att dela upp utan att ett litet antal framgår.`,
  draftYoungRecipients: (year: number, high: string[], max: number, low: string[], min: number) => `Andelen unga vuxna (18–24 år) bland de vuxna biståndsmottagarna ${year} är högst i ${names(high)} (${pct(max)}) och lägst i ${names(low)} (${pct(min)}).`,
  draftYoungRecipientsOne: (name: string, year: number, v: number) => `Andelen unga vuxna (18–24 år) bland de vuxna biståndsmottagarna i ${name} ${year}: ${pct(v)}.`,
  t7Title: (year: number) => `Hushåll med ekonomiskt bistånd efter hushållstyp ${year} (%)`,
  t7Columns: (kpis: readonly string[]) => `Andel av hushållen med ekonomiskt bistånd i de sex hushållstyperna, räknad på Koladas antal (${kpis[0]}–${kpis.at(-1)}).`,
  draftYoung: (year: number, high: string[], max: number, low: string[], min: number) => `Andelen unga vuxna (18–24 år) med ekonomiskt bistånd ${year} är högst i ${names(high)} (${pct(max)}) och lägst i ${names(low)} (${pct(min)}).`,
  draftYoungOne: (name: string, year: number, v: number) => `Andelen unga vuxna (18–24 år) med ekonomiskt bistånd i ${name} ${year}: ${pct(v)}.`,
  draftPctRiket: (v: number) => `Riket: ${pct(v)}.`,
  draftHinderOne: (hinder: string, name: string, v: number) => `${hinder} är det vanligaste försörjningshindret i ${name} (${pct(v)} av de vuxna biståndsmottagarna).`,
  draftHouseholdOne: (type: string, name: string, v: number) => `${type} är den vanligaste hushållstypen bland hushållen med bistånd i ${name} (${pct(v)}).`,
  draftHouseholdPersons: (name: string, n: number, of: number) => `${name} är den vanligaste hushållstypen bland de vuxna biståndsmottagarna i ${n} av ${of} kommuner.`,
  draftHouseholdPersonsOne: (type: string, name: string, v: number) => `${type} är den vanligaste hushållstypen bland de vuxna biståndsmottagarna i ${name} (${pct(v)}).`,
  draftHousehold: (name: string, n: number, of: number) => `${name} är den vanligaste hushållstypen bland hushållen med bistånd i ${n} av ${of} kommuner.`,
  t4Columns: (kpis: readonly string[]) => `Kolumnerna: ${kpis.map((k) => ({ N31008: 'N31008 nettokostnad', N31001: 'N31001 kostnad (brutto minus interna intäkter)', N31002: 'N31002 utbetalt bistånd' })[k] ?? k).join('; ')}, kronor per invånare.`,
  d1Title: (region: string) => `Andel av befolkningen med ekonomiskt bistånd i ${region}`,
  d2Title: 'Andel av befolkningen med ekonomiskt bistånd i storstäderna',
  d3Title: (region: string) => `Långvarigt och mycket långvarigt ekonomiskt bistånd i ${region}`,
  d4Title: 'Långvarigt och mycket långvarigt ekonomiskt bistånd per kommun',
  d5Title: 'Försörjningshinder per kommun',
  trendKolada: (kpi: string, to: number) => `Till och med ${to}: Kolada (${kpi}), som har samma definition; därefter registret.`,
  trendSubtitle: (from: number, to: number) => `Vuxna biståndsmottagare per vuxen invånare (%), ${from}–${to}`,
  comparisonsNote: 'Jämförelserna är ovägda medel av kommunernas andelar där indata inte har ett publicerat värde; dolda värden ingår inte.',
  comparisonsNoteKr: 'Jämförelserna är ovägda medel av kommunernas värden där indata inte har ett publicerat värde; dolda värden ingår inte.',
  comparisonsMissing: (names: string) => `Uppgift saknas i indata för ${names}.`,
  keyPopulationShare: 'Andel av befolkningen med ekonomiskt bistånd',
  keyPopulationShort: 'Andel av befolkningen',
  keySortingShort: 'Sorteringsnyckel',
  keySocialWorkShort: 'Socionomexamen',
  keyLongShort: 'Långvarigt',
  keyVeryLongShort: 'Mycket långvarigt',
  keySortingKey: 'Socioekonomisk sorteringsnyckel',
  keySocialWorkDegree: 'Handläggare med socionomexamen',
  keyMeasure: 'Nyckeltal',
  keyChange: (from: number) => `Förändring sedan ${from}`,
  keyRank: (region: string) => `Rang i ${region}`,
  keyGroupMean: (title: string) => `${title.replace(/,\s*\d{4}\s*$/, '')} (medel)`,
  profileTitle: (kommun: string, year: number) => `${kommun}: nyckeltal ${year}`,
  profileSource: 'Andelar i procent av vuxna biståndsmottagare, utom andelen av befolkningen (per vuxen invånare) och sorteringsnyckeln (index). Förändringen är i procentenheter. Rang 1 = högst värde. X = dolt (sekretess), – = uppgift saknas.',
  overviewTitle: (region: string, year: number) => `Nyckeltal per kommun i ${region} ${year}`,
  trendTitle: (kommun: string) => `${kommun}: andel av befolkningen med ekonomiskt bistånd`,
  costTrendTitle: (kommun: string) => `${kommun}: kostnad för ekonomiskt bistånd per invånare`,
  costTrendSubtitle: (from: number, to: number) => `Nettokostnad per invånare (kr), ${from}–${to}`,
  longTrendTitle: (kommun: string) => `${kommun}: långvarigt ekonomiskt bistånd`,
  longTrendSubtitle: (from: number, to: number) => `Vuxna med bistånd minst 10 av årets 12 månader, andel av de vuxna biståndsmottagarna (%), ${from}–${to}`,
  veryLongTrendTitle: (kommun: string) => `${kommun}: mycket långvarigt ekonomiskt bistånd`,
  veryLongTrendSubtitle: (from: number, to: number) => `Vuxna med bistånd minst 27 av 36 månader, andel av de vuxna biståndsmottagarna (%), ${from}–${to}`,
  costTrendLabel: 'Nettokostnad per invånare',
  indexCostTrend: 'kostnad',
  indexLongTrend: 'långvarigt',
  indexVeryLongTrend: 'mycket långvarigt',
  d6Title: 'Medarbetarnas tid i yrket',
  d7Title: 'Kompetensområdets vikt',
  d8Title: 'Tillgodoser medarbetarna kompetensbehovet?',
  gapTitle: (group: string) => `Kompetensgap i ${group}`,
  d6SmallCells: (n: number) => `${n} svar från kommuner med färre än 3 fullständiga svar ingår inte, så att inga två redovisningar skiljer sig med färre än 3 svarande.`,
  surveyOutside: (n: number, region: string) => `${n} svarande som arbetar utanför ${region} ingår inte.`,
  surveyStray: (n: number, area: string) => `${n} svarande utanför enkätens område (${area}) ingår inte.`,
  surveyNoKommun: (n: number) => `${n} svarande som inte angett kommun ingår inte.`,
  d12Title: 'Förutsättningar för medarbetarnas kompetensutveckling',

  // the survey
  surveySource: (year: number, credit: string) => `Källa: Enkät till första linjens arbetsledare inom ekonomiskt bistånd ${year}, bearbetning: ${credit}`,
  surveyMeanSubtitle: (n: number, per = 'område') => `Medelvärde per ${per}, skala 1–4 (${n} svar)`,
  surveyHiddenMeans: (n: number, min: number) => `${n} område${n === 1 ? '' : 'n'} med färre än ${min} svar visas inte.`,
  gapSubtitle: (n: number) => `Vikt (fråga 7) minus hur väl behovet tillgodoses (fråga 8), medelvärden på skala 1–4 (${n} svar)`,
  gapScalesDiffer: 'Skalorna skiljer sig åt (”viktigt” mot ”i vilken grad”): gapet är en jämförelse av medelvärden, inte en mätning på samma skala.',
  d6Subtitle: (kept: number, excluded: number, staff: number) =>
    `Andel av ${staff.toLocaleString('sv-SE')} medarbetare (${kept} svar${excluded ? `; ${excluded} svar exkluderades där antalen inte summerar till antalet medarbetare` : ''})`,
  d6Sums: (q3: number, n3: number, q4: number, n4: number) =>
    `Summa årsarbetare: ${q3.toLocaleString('sv-SE')} (${n3} svar); summa medarbetare: ${q4.toLocaleString('sv-SE')} (${n4} svar).`,
  d8Rule: 'Streckad linje: 3 = I ganska hög grad.',
  tenureShort: 'Mindre än 2 år',
  tenureMiddle: '2–5 år',
  tenureLong: 'Mer än 5 år',
  importance: 'Vikt',
  fulfilment: 'Tillgodoses',
  gapLabel: 'Gap',
  focusMunicipality: 'fokuskommunen',
  restOf: (_region: string, focus: string) => `övriga kommuner (utom ${focus})`,
  altSurveyBars: (title: string, subtitle: string, top: string, bottom: string) => `${title}. ${subtitle}. Högst: ${top}; lägst: ${bottom}.`,

  // subtitles, axes, series
  perAdultInhabitant: 'Vuxna biståndsmottagare per vuxen invånare',
  perInhabitant: 'Biståndsmottagare per invånare',
  n31825Subtitle: 'Vuxna biståndsmottagare, andel av befolkningen 18+ år',
  n31807Subtitle: 'Invånare med ekonomiskt bistånd, andel av befolkningen',
  shareOfPopulationSubtitle: (what: string, years: string) => `${what} (%), ${years}`,
  shareOfAdultRecipients: (years: string, tail = '') => `Andel av vuxna biståndsmottagare (%), ${years}${tail}`,
  regionTail: (method: 'unweighted' | 'pooled') => (method === 'unweighted' ? ', ovägt medel av kommunerna' : ', sammanvägt för regionen'),
  reasonsSubtitle: (year: number) => `Andel av vuxna biståndsmottagare per grupp av försörjningshinder (%), ${year}`,
  yShareOfPopulation: 'Andel av befolkningen (%)',
  yCostPerInhabitant: 'Kronor per invånare',
  yShareOfRecipients: 'Andel av biståndsmottagarna (%)',
  longTerm: 'Långvarigt (≥ 10 mån)',
  veryLongTerm: 'Mycket långvarigt (≥ 27 av 36 mån)',
  unweightedMean: (region: string) => `${region} (ovägt medel)`,
  pooled: (region: string) => `${region} (sammanvägt)`,
  riket: 'Riket',
  /** a ranked chart shows the last year only, sorted */
  rankedSubtitle: (subtitle: string, year: number) => `${subtitle.replace(/,?\s*\d{4}(?:\s*[–-]\s*\d{4})?\s*$/, '')}, ${year}, sorterat efter värde`,
  highlighted: (kommun: string) => `${kommun} markerad`,
  highlightedHidden: (kommun: string) => `${kommun} markerad — alla dess värden är dolda (sekretess, X)`,
  highlightedMissing: (kommun: string) => `${kommun} markerad — uppgift saknas eller dold för alla dess värden`,
  draft: 'Ej för publicering – små tal visas',
  altNoValues: (title: string, subtitle: string) => `${title}. ${subtitle}. Inga värden att visa.`,
  altBars: (title: string, subtitle: string, max: string, min: string, lines = false) => `${title}. ${subtitle}. ${lines ? 'Linjediagram' : 'Stapeldiagram'}. Högst: ${max}. Lägst: ${min}.`,

  // source lines
  // a register is not Socialstyrelsen's unless the user says so: it may be the municipality's own extract
  registerSource: (years: string, credit: string, source = 'registeruppgifter om ekonomiskt bistånd') => `Källa: ${source} ${years}, bearbetning: ${credit}`,
  populationSource: (source = 'befolkningsuppgifter') => `; befolkning: ${source}`,
  sdbSource: (credit: string) => `Källa: Socialstyrelsens statistikdatabas (ekonomiskt bistånd, antal biståndsmottagare), bearbetning: ${credit}`,
  populationNoise: 'Befolkningen från 2025: SCB skyddar uppgifterna med slumpmässigt brus (Cell Key Method), så en summa och dess delar kan skilja sig något.',
  koladaSource: (kpis: string, credit: string, fetched?: string) => (fetched ? `Källa: Kolada (RKA), ${kpis}, hämtad ${fetched}, bearbetning: ${credit}` : `Källa: Kolada (${kpis}), bearbetning: ${credit}`),
  ojSource: (credit: string) => `Källa: Öppna jämförelser, Socialstyrelsen, bearbetning: ${credit}`,

  // notes
  hiddenBars: (small: number, secondary: number, den: number, minCount: number, minDen: number) =>
    'X = dolt (sekretess): ' +
    [
      small ? `${small} ${small === 1 ? 'värde' : 'värden'} på färre än ${minCount} personer` : '',
      secondary ? `${secondary} ${secondary === 1 ? 'värde' : 'värden'} som annars kunde räknas fram ur en summa` : '',
      den ? `${den} ${den === 1 ? 'andel' : 'andelar'} med färre än ${minDen} i nämnaren` : '',
    ]
      .filter(Boolean)
      .join(', ') +
    '.',
  missingLeftOut: (list: string, region: string) => `– = uppgift saknas: ${list}; ingår inte i ${region}s värde.`,
  yearsMissing: (years: string) => `– = uppgift saknas: indata har inga värden för ${years}.`,
  regionNotDrawn: (region: string, year: number, missing: number, of: number) => `${region} ${year} visas inte: uppgift saknas för ${missing} av ${of} kommuner.`,
  unweightedRegion: (region: string) => `${region}: ovägt medel av kommunernas andelar (som Kolada och GR-rapporten).`,
  pooledRegion: (region: string) => `${region}: samtliga mottagare delat med samtliga i regionen (sammanvägt).`,
  pooledNeedsCounts: (region: string) => `${region}: ovägt medel — ett sammanvägt värde kräver antal, som Kolada-filen inte har.`,
  riketFromRegister: (least: number, most: number, of: number) =>
    least === of ? `Riket: ovägt medel av alla ${of} kommuners andelar i registret.` : `Riket: ovägt medel av kommunernas andelar i registret (${least === most ? least : `${least}–${most}`} av ${of} kommuner; övriga saknas eller har sekretess).`,
  countyFromRegister: (county: string, least: number, most: number, of: number) =>
    least === of ? `${county}: ovägt medel av länets ${of} kommuners andelar i registret.` : `${county}: ovägt medel av kommunernas andelar i registret (${least === most ? least : `${least}–${most}`} av länets ${of} kommuner; övriga saknas eller har sekretess).`,
  meanOfSome: (region: string, where: string, n: number, of: number) => `${region} ${where}: medel av ${n} av ${of} kommuner (övriga saknas eller har sekretess).`,
  veryLongNotDrawn: (years: string) => `Mycket långvarigt ${years}: ritas inte — registret når inte tillbaka in i året två år före.`,
  veryLongDefinitionShort: 'Mycket långvarigt: minst 27 månader med bistånd under tre år och inget avbrott längre än två månader.',
  reasonsVote: 'Varje person räknas en gång, i den grupp flest av årets månader har; övrigt och uppgift saknas visas inte.',
  etableringAsIllHealth: 'Ingen etableringsersättning (prestationsförmåga < 25 %) räknas som ohälsa, som i GR-rapporten.',
  koladaGroups:
    'Arbetslöshet = arbetslösa + arbetslösa med etableringsersättning, ohälsa = sjukskrivna + sjuk- eller aktivitetsersättning, sociala skäl = arbetshinder av sociala skäl (Socialstyrelsens kategorier).',
  koladaEtablering: 'Socialstyrelsen räknar Ingen etableringsersättning (prestationsförmåga < 25 %) som etablering, GR-rapporten som ohälsa.',
  markersKolada: 'X = sekretess, – = uppgift saknas, . = ej tillämpligt',
  markersRegister: 'X = dolt (sekretess), – = uppgift saknas',
  markersOj: 'X = sekretess, – = uppgift saknas',
  gothenburgMean: 'Göteborg: medel av socialförvaltningarnas svar.',
  noRiketInOj: 'Riket saknas i ÖJ-filen.',
  ojUnits: (n: number, region: string) => `${n} svarande enheter i ${region} (Göteborgs socialförvaltningar var för sig).`,

  // table column headers
  question: 'fraga',

  // index.md
  reportTitle: (year: number, region: string) => `Ekonomiskt bistånd ${year}: ${region}`,
  indexUnsuppressed: (maxShown: number) =>
    `> **Ej för publicering – små tal visas.** Små tal är inte dolda: utdata innehåller antal från 1 till ${maxShown} och får inte publiceras som de är.`,
  indexRegion: '## Regionen',
  indexKommuner: '## Kommunerna',
  indexGaps: (years: string, n: number, of: number, missing: string) => `uppgift saknas ${years} för ${n} av ${of} kommuner: ${missing}`,
  indexSkipped: (id: string, title: string, reason: string) => `- **${id}** ${title} — *inte gjord:* ${reason}`,
  indexTable: 'tabell: .csv, .sv.csv, .md',
  indexDocx: (pictures: boolean) =>
    `Rapporten som Word-dokument: [rapport.docx](rapport.docx) (samma innehåll som webbsidan, ${pictures ? 'med diagrammen som bilder' : 'men utan diagrammens bilder: körningen ritade inga, diagrammen finns som SVG-filer i mapparna'}).`,
  indexHtml: 'Rapporten som webbsida: [rapport.html](rapport.html) (en fil med alla tabeller och diagram, regionen och varje kommun; skriv ut den som PDF från webbläsaren).',
  indexPdf: 'Samma sida som PDF: [rapport.pdf](rapport.pdf).',
  templateTitle: 'Mall för bistands rapport',
  templateIntro: 'Ändra formaten nedan (Format › Formatmallar) till organisationens egna och spara som mall (.dotx); ge den sedan till bistand när rapporten görs. Innehållet i mallen används inte, bara formaten.',
  docxNotMade: 'Inte gjord',
  docxContents: 'Innehåll',
  docxCoverYear: (year: number) => `Uppgifter för år ${year}`,
  docxCoverSources: 'Källor',
  docxAbout: 'Om statistiken',
  docxAboutSmall: (minCount: number) => `Små tal är dolda: antal från 1 till ${minCount - 1} personer visas som X, och fler tal döljs där ett dolt tal annars skulle kunna räknas fram ur en summa. X = dolt (sekretess), – = uppgift saknas.`,
  docxAboutNotMade: 'Det som inte kunde göras och varför',
  docxPage: 'Sida',
  docRegion: 'Regionen',
  docKommuner: 'Kommunerna',
  docNothing: 'Inget att visa för kommunen.',
  docUnsuppressed: (maxShown: number) => `Ej för publicering – små tal visas. Små tal är inte dolda: innehållet har antal från 1 till ${maxShown} och får inte publiceras som det är.`,
  htmlContents: 'Innehåll',
  docxNoPng: 'Diagrammet ritades inte som bild; se SVG-filen i mappen region.',
  indexWorkbook: 'Alla tabeller och diagrammens data finns också i [tabeller.xlsx](tabeller.xlsx), ett blad per tabell eller diagram.',
  indexChart: (png: boolean) => `diagram: ${png ? '.png, ' : ''}.svg, .vl.json, .csv`,
  indexTrend: 'utveckling',
  indexKeyFigures: 'nyckeltal',
  overviewSheet: 'Översikt',
  indexCoverage: (n: number, of: number, year: number, missing: string) =>
    of === 1
      ? n === 1 ? `Registret har rader för kommunen ${year}.` : `Registret har inga rader för kommunen ${year} — uppgift saknas.`
      : `Registret har rader för ${n} av regionens ${of} kommuner ${year}${missing ? ` — uppgift saknas för ${missing}` : ''}.`,
  indexNothing: '*inget att visa*',
  indexDefinition:
    'Mycket långvarigt bistånd följer Socialstyrelsens definition som den läses här: minst 27 månader med bistånd under januari år −2 till december år 0 och inget avbrott längre än två månader.',
} as const;

/** Why an output was not made, as the index tells the reader (English for stderr: messages.ts SKIP_EN). */
export const SKIP_SV = {
  registerNoReasons: 'registret har ingen kolumn för försörjningshinder (och Kolada N31858–N31861, N31863 saknas)',
  noValues: (region: string, years: string) => `indata har inget värde för någon av kommunerna i ${region} ${years}`,
  tooFewForRegion: (region: string, n: number, of: number, missing: string) =>
    `bara ${n} av de ${of} kommunerna i ${region} har ett värde, och regionens värde kräver minst hälften (uppgift saknas för ${missing})`,
  needsPopulation: 'behöver befolkningsuppgifter för att räkna mottagarna som andel av invånarna',
  d2NotCovered: 'registret täcker inte Stockholm, Göteborg och Malmö, och Kolada N31807 saknas',
  needsD1Inputs: 'behöver registeruppgifter och befolkning, eller Koladas nyckeltal N31825 eller N31807',
  needsLongTerm: 'behöver registeruppgifter, eller Koladas nyckeltal N31814 / U31801',
  needsReasons: 'behöver registeruppgifter med försörjningshinder, eller Koladas nyckeltal N31858–N31861 och N31863',
  needsKpi: (kpi: string, orOj: boolean) => `behöver Koladas nyckeltal ${kpi}${orOj ? ', eller en ÖJ-fil med en fråga om socionomexamen' : ''}`,
  ojNoUnit: (region: string) => `ÖJ-filen har ingen enhet i ${region}`,
  needsOj: 'behöver Öppna jämförelsers enkät (ÖJ)',
  needsAmounts: 'behöver registeruppgifter med en kolumn för utbetalt belopp (belopp, sbel)',
  needsSexOrAge: 'behöver registeruppgifter med kön eller ålder',
  needsHouseholdType: 'behöver hushållsfilen (Socialstyrelsens postbeskrivning) med Barn15, eller registeruppgifter med en kolumn hushallstyp',
  needsSurvey: 'behöver enkäten till första linjens arbetsledare',
  surveyTooFew: (group: string, n: number, min: number) => `${group} har ${n} svar; färre än ${min} visas inte, så att ingen svarande kan pekas ut`,
  surveyOneMunicipality: 'enkäten redovisas aldrig för en enskild kommun',
  surveySplitsCell: (region: string) =>
    `${region} omfattar bara en del av enkätens små kommuner (färre än 3 svar var): resultatet skulle skilja sig från en annan regions med färre än 3 svarande`,
  surveyNoFocus: (region: string, min: number) => `ingen kommun i ${region} har minst ${min} svar`,
  surveyFocusOutside: (focus: string, region: string) => `${focus} ingår inte i ${region}`,
  surveyFocusTooFew: (focus: string, min: number) => `${focus} har färre än ${min} svar: varken kommunen eller övriga kommuner visas, eftersom skillnaden mot hela regionen skulle peka ut de svarande`,
} as const;
