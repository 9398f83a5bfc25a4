/**
 * Every message the user reads, in one place: wording stays consistent and tests assert on it.
 * No message takes a person id: rows are named by file, line and column.
 */
import { formatMonth } from './domain/months.js';

/** Numbers on the command line are plain: digits, a `.` for decimals, no grouping (scripts read them). */
const fmtInt = (n: number) => String(n);
/** A count of persons in a note: from 1 to min−1 it says "fewer than min", as a table's X would (SPEC §6). */
const fmtPersons = (n: number, min: number) => (n > 0 && n < min ? `fewer than ${min}` : fmtInt(n));

/**
 * A field's value in a message. A register field may hold a person id — in the wrong column, or
 * in a file without a header — so a value with five or more digits is described, never echoed;
 * short values (months, years, 4-character codes) and words are quoted, long ones cut.
 */
export function shown(v: string): string {
  const t = v.trim();
  if (t === '') return 'an empty value';
  // a year and month with a separator (2021-13) is no id
  if (/^\d{4}[-/. ]\d{1,2}$/.test(t)) return `"${t}"`;
  const digits = t.replace(/\D/g, '').length;
  if (digits >= 5) return /^\d+$/.test(t) ? `(a ${digits}-digit value)` : `(a value of ${[...t].length} characters with ${digits} digits)`;
  const chars = [...t];
  return chars.length > 80 ? `"${chars.slice(0, 60).join('')}…" (${chars.length} characters)` : `"${t}"`;
}

/** A list of names on one line: a long one gives its first ten and how many more. */
const someOf = (names: readonly string[], what = '') => (names.length > 12 ? `${names.slice(0, 10).join(', ')} and ${fmtInt(names.length - 10)} more${what ? ` ${what}` : ''}` : names.join(', '));

/** Header names in a message: each as `shown` gives it (a headerless file's first row is data), at most eight. */
export function shownNames(names: readonly string[]): string {
  const list = names.slice(0, 8).map((n) => {
    const s = shown(n);
    return s.startsWith('"') ? s.slice(1, -1).replace(/" \(/, ' (') : s.slice(1, -1);
  });
  return list.join(', ') + (names.length > 8 ? `, … (${fmtInt(names.length)} columns)` : '');
}

// --- opening files
export const cannotOpen = (path: string, code?: string) =>
  code === 'ENOENT' ? `cannot open ${path}: no such file` : code === 'EISDIR' ? `cannot open ${path}: it is a directory` : `cannot open ${path} (${code ?? 'error'})`;
export const cannotOpenHint = (code?: string) =>
  code === 'ENOENT' ? 'check the path, or give - to read from stdin' : code === 'EISDIR' ? 'give a CSV file, not a folder' : 'check that the file can be read';
export const rowTooLong = (mb: number) => `a row longer than ${mb} MB: this is not a register extract (a binary file, or a device such as /dev/zero)`;
export const rowTooLongHint = () => 'give the register as a CSV or tab-separated file, one row per person and month';
export const notAFile = (path: string, what: string) => `cannot read ${path}: it is ${what}, not a file or a pipe`;
export const notAFileHint = () => 'give a regular file, or - to read from stdin';
export const inputTooLarge = (path: string, mb: number) => `${path} is larger than ${mb} MB: no table of published statistics is`;
export const inputTooLargeHint = () => 'give the file of the statistics themselves (a register extract goes to --register)';
export const emptyFile = () => 'the file is empty';
export const emptyFileHint = () => 'give a register extract with a header line and one row per person and month';
export const utf16 = () => 'the file is UTF-16 (Excel "Unicode text")';
export const utf16Hint = () => 'save it from Excel as "CSV UTF-8" or "CSV (semikolonavgränsad)"';

// --- writing
export const outputClash = (output: string, other: string) => `${output} is the same file as ${other}`;
export const outputClashHint = () => 'give each output its own file, and never an input: nothing was written';
const WRITE_WHY: Record<string, [string, string]> = {
  ENOSPC: ['no space left on the device', 'free some space, or write to another disk'],
  EDQUOT: ['the disk quota is used up', 'free some space, or write to another disk'],
  EROFS: ['the file system is read-only', 'write to a folder on a writable disk'],
  EACCES: ['permission denied', 'write to a folder you may write to, or ask for write access'],
  EPERM: ['permission denied', 'write to a folder you may write to, or ask for write access'],
  EISDIR: ['it is a folder', 'give a file name, such as out/classify.csv'],
  ENOTDIR: ['a part of the path is a file, not a folder', 'check the path'],
  EEXIST: ['a file of that name is in the way', 'remove it, or write elsewhere'],
  ENOTEMPTY: ['a folder of that name is in the way and not empty', 'remove it, or write elsewhere'],
  EXDEV: ['it would move a file across file systems', 'write to a folder on one disk'],
  ENOENT: ['the folder does not exist', 'check the path'],
  ELOOP: ['its links go round in a loop', 'check the link'],
  ENAMETOOLONG: ['the name is too long', 'choose a shorter path'],
  EBUSY: ['it is busy (a mount point?)', 'write to a folder inside it'],
};
export const cannotWrite = (path: string, code: string) => `cannot write ${path}: ${WRITE_WHY[code]?.[0] ?? `error ${code}`}`;
export const cannotWriteHint = (code: string) => WRITE_WHY[code]?.[1] ?? 'check that the path can be written';

export const outReplacesInput = (out: string, input: string) => `the report into ${out} would replace its own input ${input}`;
export const outReplacesInputHint = () => 'copy the input out of the report folder first, or write the report elsewhere: nothing was written';
export const outTooWide = (out: string) => `--out ${out} is the root of the file system or your home folder`;
export const outSymlinkInTheWay = (path: string) => `${path}: a symlink or another kind of file is in the way of the report (bistand follows no symlink inside the report folder)`;
export const outSymlinkInTheWayHint = () => 'remove it, or give --out a folder of its own';
export const outTooWideHint = () => 'give a folder of its own for the report, such as rapport-2021';
export const outNotOurs = (out: string, n: number) => `${out} has ${fmtInt(n)} entr${n === 1 ? 'y' : 'ies'} and bistand did not write it (no ${'.bistand-manifest.json'})`;
export const outNotOursHint = () => 'choose a new or empty folder, or give --force to write into it (files of the same names are replaced, nothing else)';
export const outFileInTheWay = (path: string, n: number) => `${path}${n > 1 ? ` and ${fmtInt(n - 1)} more` : ''} would be replaced, and bistand did not write ${n > 1 ? 'them' : 'it'}`;
export const outLocked = (out: string, pid: number, host: string) => `another bistand report is writing into ${out}${pid ? ` (process ${pid} on ${host})` : ''}`;
export const outLockedHint = (lock: string) => `wait for it to finish; if no bistand is running, remove ${lock}`;

export const registerWorkbook = () => 'an Excel workbook on stdin: a workbook is read from a file';
export const registerWorkbookHint = () => 'give the .xlsx as a file name, or save the sheet as "CSV UTF-8"';

// --- header
export const missingColumn = (col: string, found: string, delimiter: string) =>
  `no ${col} column among the columns found (${found}) with delimiter ${delimiterName(delimiter)}`;
export const ambiguousColumn = (role: string, names: string[], columns: number[]) =>
  `columns ${names.map((n, i) => `${shownNames([n])} (column ${columns[i]})`).join(' and ')} could each be the ${role} column`;
export const ambiguousColumnHint = (role: string, names: string[], columns: number[]) =>
  `say which with --column ${role}=${names[0] === names[1] ? columns[0] : shownNames([names[0]])} (a name or a column number), or rename the other`;
export const chosenColumnMissing = (role: string, name: string, found: string) => `--column ${role}=${shownNames([name])}: no such column among ${found}`;
export const chosenColumnMissingHint = () => 'give the column name as the header line writes it';
export const badColumnOption = (v: string, roles: string) => `--column "${v}" is not role=name with a role of ${roles}`;
export const noHeader = () => 'the first line is data, not a header: no column has a name bistand knows and some hold numbers';
export const noHeaderHint = () => 'add a header line first, such as person_id;kommun;year;month;hinder;age';
export const missingColumnHint = (aliases: string) => `name one column ${aliases}, or force the delimiter with --delimiter`;
export const missingPeriodHint = (year: string, month: string, period: string) =>
  `give a year column (${year}) and a month column (${month}), or one period column (${period})`;
export const delimiterName = (d: string) => (d === '\t' ? 'tab' : `"${d}"`);

// --- rows
export const fieldCount = (expected: number, found: number) => `expected ${expected} fields as in the header, found ${found}`;
export const fieldCountHint = () => 'check for an unquoted delimiter inside a field, or a missing field';
export const unterminatedQuote = () => 'a quoted field is not closed';
export const unterminatedQuoteHint = () => 'close the quote, or double a quote inside a quoted field ("")';
export const afterQuote = () => 'text after the closing quote of a field';
export const afterQuoteHint = () => 'a quoted field ends at its closing quote and the delimiter follows; double a quote inside the field ("")';
export const emptyId = () => 'the person id is empty';
export const emptyIdHint = () => 'every row needs the id of the person it is about';
export const badKommun = (v: string) => `municipality code ${shown(v)} is not a 4-digit code`;
export const badKommunHint = () => 'give SCB kommunkoder such as 0180 or 1480 (kept as text)';
export const unknownKommun = (v: string) => `municipality code ${shown(v)} is not one of the 290 municipalities`;
export const unknownKommunHint = () => 'see data/kommuner.csv for the codes; region codes (00NN) are not municipalities';
export const badYear = (v: string) => `year ${shown(v)} is not a 4-digit year`;
export const badYearHint = () => 'write years as 2021';
export const badMonth = (v: string) => `month ${shown(v)} is not a month from 1 to 12`;
export const badMonthHint = () => 'write months as 1–12 or 01–12';
export const badPeriod = (v: string) => `period ${shown(v)} is not a year and month`;
export const badPeriodHint = () => 'write periods as 2021-03 or 202103';
export const badAge = (v: string) => `age ${shown(v)} is not a whole number from 0 to 130`;
export const badBirthYear = (v: string) => `birth year ${shown(v)} does not give an age from 0 to 130`;
export const badAgeHint = () => 'leave it empty when unknown';
export const byTotalNeedsNoSuppress = (by: string) => `--by ${by} with --total prints the parts of the total only with --no-suppress: suppression decides each municipality's parts against its own counts, not against the total's`;
export const byTotalNeedsNoSuppressHint = () => 'leave --total out, or add --no-suppress for your own analysis (not for publication)';
const BY_NEEDS: Record<string, [string, string]> = {
  sex: ['sex column (kon, sex)', '--column sex=NAME'],
  age: ['age or birth-year column (alder, fodelsear)', '--column age=NAME'],
  household: ['household type: the household file with Barn15, or a column hushallstyp of codes 1–6', '--column household_type=NAME'],
};
export const byNoColumn = (by: string) => `--by ${by}: the file has no ${BY_NEEDS[by][0]}`;
export const byNoColumnHint = (by: string) => `name it with ${BY_NEEDS[by][1]}, or leave --by out`;
export const badPersonSex = (v: string) => `sex ${shown(v)} is none of 1/2, M/K, man/kvinna`;
export const badPersonSexHint = () => 'leave it empty when unknown';
export const badHouseholdType = (v: string) => `household type ${shown(v)} is none of 1–6 (Kolada's N31911–N31916: single woman with/without children, single man with/without, couple with/without)`;
export const badHouseholdTypeHint = () => 'leave it empty when unknown';
export const badAmount = (v: string) => `amount ${shown(v)} is not a sum of kronor (1234, 1234,50 or 1234.50)`;
export const badAmountHint = () => 'leave it empty when there is none, or name the right column with --column amount=NAME';
export const tooManyLabels = (max: number) => `more than ${fmtInt(max)} different reason labels`;
export const tooManyLabelsHint = () => 'is the hinder column the right one? map local codes with --hinder-map';

// --- coverage
export const noRowsInYear = (year: number, first: number, last: number) =>
  `no rows in ${year}` + (Number.isFinite(first) ? `: the input covers ${formatMonth(first)}…${formatMonth(last)}` : ': the input has no valid rows');
export const noRowsInYearHint = (year: number) => `choose --year within the months the input covers, or give an extract that covers ${year}`;

// --- usage
export const badYearOption = (v: string) => `--year "${v}" is not a year, a list (2020,2021) or a range (2019-2021)`;
export const badOptionValue = (opt: string, v: string, allowed: readonly string[]) => `${opt} "${v}" is not one of ${allowed.join(', ')}`;
export const badNumberOption = (flag: string, v: string) => `${flag} "${v}" is not a whole number from 1 to 1000`;
export const badIntOption = (flag: string, v: string, min: number, max: number) => `${flag} "${v}" is not a whole number from ${min} to ${max}`;
export const badShareOption = (flag: string, v: string) => `${flag} "${v}" is not a share from 0 to 1`;
export const oneYearOnly = (flag: string) => `${flag} takes one year for the report`;
export const oneYearOnlyHint = () => 'the charts cover that year and the two before';
export const yearRequired = () => '--year is required';
export const yearRequiredHint = () => 'give the reference year, as --year 2021';
export const recipeUnknownKey = (key: string, suggestion?: string) => `unknown key "${key}"${suggestion ? ` — did you mean "${suggestion}"?` : ''}`;
export const recipeUnknownKeyHint = (keys: string) => `the keys are ${keys}`;
export const recipeWrongType = (key: string, want: string, got: string) => `"${key}" must be ${want}, not ${got}`;
export const recipeWrongTypeHint = () => 'see the recipe keys in the README';
export const badKommunOption = (v: string) => `--survey-focus "${v}" is not a 4-digit municipality code`;
export const binaryToTerminal = () => '--format xlsx writes a workbook, not text for the terminal';
export const binaryToTerminalHint = () => 'give -o FILE.xlsx, or redirect stdout to a file';
export const badDelimiterOption = (v: string) => `--delimiter "${v}" is not one character (or "tab")`;

// --- mapping file
export const mapBadLine = () => 'a mapping line needs two fields: the local label or code, and a reason or group';
export const mapBadLineHint = () => 'write lines such as "12;Arbetslös – ingen ersättning" or "12;unemployment"';
export const mapUnknownTarget = (t: string) => `${shown(t)} is neither a known reason nor a group`;
export const mapUnknownTargetHint = (groups: string) => `use a reason as Socialstyrelsen names it, or one of ${groups}`;


// --- notes on stderr: typed values that pipelines collect and return (see notes.ts)
export const NOTES = {
  summary: { level: 'info', text: (file: string, s: { read: number; used: number; outside: number; rejected: number; persons: number; empty: number }, window: string) =>
    `${file}: ${fmtInt(s.read)} rows read, ${fmtInt(s.used)} used, ${fmtInt(s.outside)} outside ${window}, ${fmtInt(s.rejected)} rejected` +
    (s.empty ? `, ${fmtInt(s.empty)} empty rows skipped` : '') +
    `; ${fmtInt(s.persons)} persons` },
  veryLongNotAvailable: { level: 'note', text: (year: number, months: number[]) =>
    `very long-term for ${year} not available: the input has no rows for ${monthList(months)}, and the 36-month rule needs ${year - 2}-01…${year}-12` },
  historyGaps: { level: 'note', text: (year: number, months: number[]) =>
    `the input has no rows for ${monthList(months)}: very long-term for ${year} counts those months as without assistance` },
  yearIncomplete: { level: 'note', text: (year: number, months: number[]) => `the input has no rows for ${monthList(months)}: figures for ${year} may be incomplete` },
  veryLongDefinition: { level: 'note', text: (rule: string) =>
    `very long-term = at least 27 months with assistance in Jan Y−2…Dec Y and no interruption longer than 2 months (gap rule "${rule}": ${
    rule === 'internal' ? 'only gaps between the first and last month count' : 'gaps before the first and after the last month count too'
    })` },
  childrenLeftOut: { level: 'note', text: (year: number, n: number, min: number) => `${fmtPersons(n, min)} recipients under 18 in ${year} not counted (adults only, as Socialstyrelsen)` },
  twoKommuner: { level: 'warning', text: (year: number, n: number, min: number) =>
    `${fmtPersons(n, min)} recipients in ${year} had rows in two municipalities in their latest month with assistance: each is counted in the one with the lower code (the rows' order does not matter)` },
  idForms: { level: 'note', text: (n: number, min: number) =>
    `${fmtPersons(n, min)} rows had a person id written as a personnummer in another form (with a century, a hyphen or plus, a space or an invisible character): read as its 10-digit form, so that one person counts once` },
  unreadParts: { level: 'warning', text: (n: number, min: number) =>
    `${fmtPersons(n, min)} rows had a sex or household type that is none of the known codes: their persons count as unknown in the breakdowns` },
  unknownAgeCounted: { level: 'note', text: (year: number, n: number, min: number) => `${fmtPersons(n, min)} recipients in ${year} with no age counted as adults` },
  coverage: { level: 'info', text: (file: string, kommuner: number, first: number, last: number) =>
    `${file}: rows for ${fmtInt(kommuner)} municipalit${kommuner === 1 ? 'y' : 'ies'} in the reference years; the input covers ${formatMonth(first)}…${formatMonth(last)}` },
  kommunMonthsMissing: { level: 'warning', text: (kommun: string, year: number, months: number[]) =>
    `${kommun}: no rows for ${monthList(months)}, which the input has for other municipalities: figures for ${year} may be incomplete` },
  regionMissing: { level: 'warning', text: (region: string, year: number | string, missing: string[], members: number, total: boolean) =>
    `${region} ${year}: no rows for ${someOf(missing, 'municipalities')} (uppgift saknas, not 0)` +
    (total ? `; the Totalt row sums ${members - missing.length} of the ${members} municipalities` : '') },
  utf8Labels: { level: 'warning', text: (file: string, n: number) =>
    `${file} is Windows-1252, but ${fmtInt(n)} reason label${n === 1 ? ' is' : 's are'} UTF-8 (rows joined from two exports?): those are read as UTF-8` },
  paddedCodes: { level: 'note', text: (n: number, min: number) => `${fmtPersons(n, min)} rows had a 3-digit municipality code (a leading zero lost in Excel); read as 0NNN` },
  unknownLabels: { level: 'info', text: (n: number) => `${n} reason label${n === 1 ? '' : 's'} matched no known reason and count as "other" (map them with --hinder-map):` },
  unknownLabel: { level: 'info', text: (label: string, rows: number, min: number) => `  ${shown(label)}: ${fmtPersons(rows, min)} rows` },
  minCountOff: { level: 'warning', text: (n: number) => `--min-count ${n} hides no count: small-count suppression is off, as with --no-suppress` },
  gapRuleAll: { level: 'note', text: () =>
    'do not publish very long-term under both gap rules side by side: the difference between them can single out small groups' },
  rejectsWritten: { level: 'info', text: (file: string, n: number) => `${fmtInt(n)} rejected rows written to ${file}` },
  byLeftOut: { level: 'note', text: (by: string, n: number, of: number, names: string[]) =>
    `--by ${by}: the parts of ${fmtInt(n)} of ${fmtInt(of)} municipality-years are left out (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}): a count of the municipality is hidden, or its recipients are too few to split without revealing a small count` },
  suppressionOff: { level: 'warning', text: () => 'small-count suppression is off (--no-suppress): the output shows small counts and must not be published as is' },
  suppressionSummary: { level: 'note', text: (primary: number, secondary: number, cells: number, minCount: number) =>
    `${fmtInt(primary)} of ${fmtInt(cells)} counts hidden as X (1–${minCount - 1}), ${fmtInt(secondary)} more so that no hidden count can be worked out from a total` },
  illHealthNote: { level: 'note', text: () =>
    '"Ingen etableringsersättning (prestationsförmåga <25 %)" counts as ill_health, as in the GR report; Socialstyrelsen most likely counts it under etablering' },
  groupRowsSkipped: { level: 'note', text: (n: number, names: string) => `${fmtInt(n)} rows of groups of municipalities skipped (${names}): not a municipality, region or Riket` },
  surveyExcluded: { level: 'note', text: (file: string, dontknow: number, other: number) => `${file}: ${fmtInt(dontknow + other)} answer${dontknow + other === 1 ? '' : 's'} left out (${fmtInt(dontknow)} "vet ej", ${fmtInt(other)} codes outside 1–4)` },
  surveyByOrder: { level: 'note', text: (file: string, n: number) => `${file}: ${fmtInt(n)} statement column${n === 1 ? '' : 's'} appear twice: the first read as question 7 (importance), the second as question 8 (fulfilment), by their order` },
  koladaDeleted: { level: 'note', text: (file: string, n: number) => `${file}: ${fmtInt(n)} value${n === 1 ? '' : 's'} flagged isdeleted (replaced by Kolada later) dropped` },
  populationZeros: { level: 'note', text: (file: string, n: number) =>
    `${file}: ${fmtInt(n)} value${n === 1 ? '' : 's'} of 0 inhabitants read as not applicable (SCB writes 0 for a municipality in the years before it existed)` },
  populationNoAdults: { level: 'warning', text: (file: string, groups: string[]) =>
    `${file}: the age groups (${someOf(groups)}) give the population of all ages but not of adults (18+): shares are of all inhabitants; export single years of age or groups that start at 18 for shares of adults` },
  populationNoise: { level: 'note', text: (file: string) =>
    `${file}: SCB protects this table with its Cell Key Method (2025 on): a total and the sum of its parts may differ slightly; bistand takes totals where the table gives them` },
  populationMonths: { level: 'note', text: (file: string, months: string[]) =>
    `${file}: a population by month; ${months.length === 1 ? 'a year' : 'years'} without December taken at ${someOf(months)} (the population at 31 December is what a year's figures are set against)` },
  emptyRowsSkipped: { level: 'note', text: (file: string, n: number) => `${file}: ${fmtInt(n)} row${n === 1 ? '' : 's'} of delimiters only skipped` },
  columnsRenamed: { level: 'note', text: (names: string[]) => `the input's own column${names.length === 1 ? '' : 's'} ${names.join(', ')} renamed ${names.map((n) => `input_${n}`).join(', ')}: tidy's columns keep their names` },
  tidySummary: { level: 'info', text: (file: string, layout: string, rows: number, byStatus: [string, number][]) => `${file}: read as ${layout}; ${fmtInt(rows)} values: ${byStatus.map(([s, n]) => `${fmtInt(n)} ${s}`).join(', ')}` },
  yearMissing: { level: 'warning', text: (file: string, year: number) => `${file} has no rows in ${year}: the report's figures for ${year} are missing (uppgift saknas), not 0` },
  inputUnused: { level: 'warning', text: (file: string) => `${file} was read but no output of the report uses it` },
  outputGaps: { level: 'warning', text: (id: string, years: string, missing: string[], members: number) =>
    `${id.toUpperCase()}: no figure for ${fmtInt(missing.length)} of ${fmtInt(members)} municipalities in ${years}: ${someOf(missing)} (uppgift saknas, named in the chart's note)` },
  registerUncredited: { level: 'warning', text: () =>
    'the register is credited as "registeruppgifter om ekonomiskt bistånd" in the source lines: give --source "Socialstyrelsens register över ekonomiskt bistånd", or the name of your own extract' },
  populationUncredited: { level: 'warning', text: (file: string) =>
    `${file} does not say where its population is from: the source lines say "befolkningsuppgifter"; give --population-source SCB (or its origin)` },
  reportSkippedMany: { level: 'note', text: (ids: string[], reason: string) => `${ids.map((i) => i.toUpperCase()).join(', ')} not made: ${reason}` },
  reportSkipped: { level: 'note', text: (id: string, title: string, reason: string) => `${id.toUpperCase()} (${title}) not made: ${reason}` },
  templateStylesMissing: { level: 'warning', text: (file: string, missing: string[]) => `${file} has no style ${missing.join(', ')}: those paragraphs of rapport.docx show as Normal (add the styles to the template to set their look)` },
  fetchKept: { level: 'note', text: (file: string) => `${file} already answers these requests: kept, not fetched again (--refresh fetches it anew)` },
  fetchWritten: { level: 'info', text: (dir: string, requests: string, seconds: number) => `fetched into ${dir} in ${seconds.toFixed(1)} s (${requests}); make the report with: bistand report --recipe ${dir}/recipe.json` },
  fetchNoPopulation: { level: 'warning', text: (years: number[]) => `SCB has no population for ${years.join(', ')} (not yet published): those years' register-based shares will be missing (uppgift saknas)` },
  reportWritten: { level: 'info', text: (dir: string, files: number, seconds: number) => `wrote ${fmtInt(files)} file${files === 1 ? "" : "s"} to ${dir} in ${seconds.toFixed(1)} s` },
} satisfies Record<string, { level: 'info' | 'note' | 'warning'; text: (...args: never[]) => string }>;

function monthList(months: number[]): string {
  if (months.length === 0) return '';
  const ranges: string[] = [];
  let a = months[0];
  let b = a;
  for (const m of months.slice(1)) {
    if (m === b + 1) b = m;
    else {
      ranges.push(a === b ? formatMonth(a) : `${formatMonth(a)}…${formatMonth(b)}`);
      a = b = m;
    }
  }
  ranges.push(a === b ? formatMonth(a) : `${formatMonth(a)}…${formatMonth(b)}`);
  return ranges.join(', ');
}

// --- aggregated inputs (tidy)
export const registerNotStatistics = () => 'this is a register extract (it has a person id column), not published statistics';
export const registerNotStatisticsHint = () => 'classify and reasons read register extracts (report: --register); tidy, --population, --kolada, --sdb and --oj read published statistics';
export const notAWorkbook = () => 'a ZIP file that is not an Excel workbook (.xlsx)';
export const brokenWorkbook = (why: string) => `not a workbook bistand can read: ${why}`;
export const workbookTooLarge = (mb: number) => `the workbook unpacks to more than ${mb} MB`;
export const workbookTooLargeHint = () => 'save the sheet as CSV UTF-8 and give the CSV';
export const workbookTooWide = (part: string, cols: number, rows: number, maxCols: number, maxRows: number) =>
  `a cell of ${part} lies at column ${cols}, row ${rows}: beyond ${maxCols} columns or ${maxRows} rows, no table bistand reads`;
export const workbookTooWideHint = () => 'delete the stray cells far to the right or below the table (Ctrl+End shows the last one), or save the table as CSV';
export const workbookLongText = (max: number) => `a cell holds more than ${max} characters, more than Excel itself allows`;
export const notAWorkbookHint = () => 'give the .xlsx as downloaded, or save the sheet as CSV UTF-8';
export const noSuchSheet = (sheet: string, names: string[]) => `no sheet "${sheet}" (the workbook has ${names.map((n) => `"${n}"`).join(', ')})`;
export const noSuchSheetHint = () => 'give --sheet a sheet name or its number (1 = the first)';
export const koladaTwice = (sex: string) => `two values for sex ${sex}`;
export const koladaTwiceLines = (what: string, first: number) => `${what}: a second value (the first is at line ${first})`;
export const koladaTwiceHint = () => 'keep one value per KPI, municipality, year and sex: files joined twice, or a deleted value kept?';
export const koladaField = (field: string) => `"${field}" is not as Kolada's API writes it`;
export const koladaFieldHint = () => 'give the API response as downloaded (api.kolada.se/v3/data/…)';
export const csvUnreadable = (why: string) => `cannot read the file as CSV: ${why}`;
export const csvUnreadableHint = () => 'check quotes and delimiters; save it again from Excel as CSV';
export const notAValue = (raw: string) => `${shown(raw)} is neither a number nor a known marker`;
export const notAValueHint = () => 'numbers as 12 345 or 467,52; markers X and .. (sekretess), -- and - (saknas), . (ej tillämplig)';
export const unknownAreaCode = (code: string) => `${shown(code)} is not a municipality, region or country code`;
export const unknownAreaCodeHint = () => 'codes are SCB kommunkoder (0180), 00NN for regions and 0000 for Riket';
export const unknownAreaName = (name: string, suggestion?: string) =>
  `${shown(name)} is not the name of a municipality, region or Riket${suggestion ? ` — did you mean "${suggestion}"?` : ''}`;
export const unknownAreaNameHint = () => 'correct the name, or map it with --name-map FILE (two columns: name, code)';
export const unknownLayout = (known: string) => `the layout of this file is not one bistand knows (known: ${known})`;
export const surveyNotTidy = () => 'this is a survey export (one row per respondent), not aggregated statistics';
export const surveyNotTidyHint = () => 'give --as survey to tidy it into the long form, or --survey FILE to report it';
export const unknownLayoutHint = () => 'name the layout with --as sdb|kolada|oj|population if it is one of these';
export const noArea = () => 'no region, municipality or kommun column, and the title names no region';
export const noAreaHint = () => 'export with the region as a column, or keep the title line that names it';
export const noPeriod = (what: string) => `the columns are ${what}, but the file says no year`;
export const noPeriodHint = () => 'keep the title line of the export, put the year in the file name, or give --period YYYY';
export const badSex = (v: string) => `sex ${shown(v)} is not T, K or M (totalt, kvinnor, män)`;
export const badSexHint = () => 'use T/K/M or Totalt/Kvinnor/Män';
export const badAnswer = (v: string) => `answer ${shown(v)} is not Ja, Nej, Delvis, a number or blank`;
export const badAnswerHint = () => 'ÖJ answers are Ja, Nej or Delvis; leave unanswered questions blank';
export const badPopulation = (raw: string) => `population ${shown(raw)} is not a positive whole number`;
export const badPopulationHint = () => 'a population counts inhabitants at 31 December; mark an unknown value with .. or leave it empty';
export const shareAbove100 = (what: string, v: number) => `${what}: ${v} % is above 100 %`;
export const shareAbove100Hint = () => 'a share in percent lies between 0 and 100: check the column and the decimal separator';
export const populationBelowRecipients = (name: string, year: number, pop: number) =>
  `${name} ${year}: population ${fmtInt(pop)} is smaller than the number of recipients the register counts`;
export const populationBelowRecipientsHint = () => 'is it the right population (18+ for adults, the right year and municipality)?';
export const badAgeLabel = (v: string) => `age ${shown(v)} is not an age, a group of ages or totalt`;
export const badAgeLabelHint = () => 'SCB writes ages as "totalt ålder", "18 år", "100+ år" or groups as "15-74 år"';
export const ageGroupsNot18 = (name: string, year: string, ages: string[]) =>
  `${name} ${year}: the ages given (${ages.slice(0, 8).join(', ')}${ages.length > 8 ? ', …' : ''}) do not add up to 18 years or more`;
export const ageGroupsNot18Hint = () => 'export single years of age (0 år … 100+ år), or groups that start at 18 and leave no gap';
export const pxNoData = () => 'a PC-Axis file without its DATA= section';
export const pxHint = () => 'download the table again from PxWeb as "PC-Axis" (.px), or as CSV or JSON-stat';
export const pxBadLine = (start: string) => `a PC-Axis keyword line bistand cannot read: ${shown(start)}`;
export const pxNoVariables = () => 'a PC-Axis file with neither STUB nor HEADING: no variables';
export const pxNoValues = (name: string) => `the PC-Axis variable ${shown(name)} has no VALUES`;
export const pxDataSize = (got: number, want: number, dims: string) => `the PC-Axis DATA holds ${got} cells, its variables ${want} (${dims})`;
export const pxNotPopulation = (title: string) => `this PC-Axis table is not a population: ${shown(title)}`;
export const pxNotPopulationHint = () => 'give SCB\'s table Folkmängd (BE0101) by region, ålder and år as --population; this one tidy reads as values';
export const noPopulation = () => 'no population value found: the file has no count of inhabitants bistand can read';
export const noPopulationHint = () => 'export BE0101 Folkmängd with region, ålder (or totalt) and år; values as whole numbers';
export const nameMapBad = () => 'a name-map line needs two fields: the name as the file writes it, and a 4-digit code';
export const nameMapBadHint = () => 'write lines such as "Möndal;1481"';

// --- survey
export const surveyMapBad = () => 'a map line needs a column, a question (1–9, or 5a, 5b, 5c) and, for questions 7–9, an item';
export const surveyMapBadHint = () => 'write lines such as "Fråga 7 rad 3,7,3" or "Vikt forskning,7,Aktuell forskning, nya rön"';
export const surveyItemUnknown = (item: string) => `${shown(item)} is not one of the questionnaire's items`;
export const surveyLayoutHint = () => 'give the form tool\'s export (one row per respondent), a map file (--survey-map), or the long form respondent_id;kommun;funktion;question;item;value';
export const surveyBadAnswer = (v: string) => `answer ${shown(v)} is neither a code 1–4 nor a label of the scale`;
export const surveyBadAnswerHint = (scale: readonly string[]) => `answers are ${scale.map((s, i) => `${i + 1} ${s}`).join(', ')} (or blank)`;
export const surveyBadCount = (v: string) => `${shown(v)} is not a number of staff`;
export const surveyBadCountHint = () => 'give whole numbers of staff (årsarbetare may have decimals); leave it blank when unknown';

// --- report
/** Why a report output was not made (the reader's Swedish is in texts-sv.ts SKIP_SV). */
export const SKIP_EN = {
  registerNoReasons: 'the register has no försörjningshinder column (and no Kolada N31858–N31861, N31863 was given)',
  noValues: (region: string, years: string) => `the inputs have no value for any municipality of ${region} in ${years}`,
  tooFewForRegion: (region: string, n: number, of: number, missing: string) =>
    `only ${n} of the ${of} municipalities of ${region} have a figure, and the region's figure needs at least half (no figure: ${missing})`,
  needsPopulation: 'needs a population file (--population) to turn recipients into a share of inhabitants',
  d2NotCovered: 'the register does not cover Stockholm, Göteborg and Malmö, and no Kolada N31807 was given',
  needsD1Inputs: 'needs --register with --population, or Kolada N31825 or N31807',
  needsLongTerm: 'needs --register, or Kolada N31814 / U31801',
  needsReasons: 'needs --register with a försörjningshinder column, or Kolada N31858–N31861 and N31863',
  needsKpi: (kpi: string, orOj: boolean) => `needs Kolada ${kpi} (--kolada)${orOj ? ', or an ÖJ file with a socionomexamen question' : ''}`,
  ojNoUnit: (region: string) => `the ÖJ file has no unit in ${region}`,
  needsOj: 'needs an ÖJ survey file (--oj)',
  needsAmounts: 'needs --register with an amount column (belopp, sbel)',
  needsSexOrAge: 'needs --register with a sex or an age column',
  needsHouseholdType: 'needs the household file with Barn15, or --register with a hushallstyp column',
  needsSurvey: 'needs a survey export (--survey)',
  surveyTooFew: (group: string, n: number, min: number) => `${group} has ${n} respondent${n === 1 ? '' : 's'}; fewer than ${min} are not shown, so that no respondent can be singled out`,
  surveyOneMunicipality: 'the survey is never shown for one municipality (no survey figure per municipality)',
  surveySplitsCell: (region: string) =>
    `${region} takes some but not all of a group of the survey's small municipalities (under 3 respondents each): its figures would differ from another region's by fewer than 3 respondents`,
  surveyNoFocus: (region: string, min: number) => `no municipality of ${region} has ${min} or more respondents to be the focus of D10 (the rest are D11)`,
  surveyFocusOutside: (focus: string, region: string) => `the focus municipality ${focus} (--survey-focus) is not in ${region}`,
  surveyFocusTooFew: (focus: string, min: number) =>
    `${focus} has fewer than ${min} respondents (or is pooled with the small municipalities): neither it nor the rest is shown, since the region minus the rest would single its respondents out`,
} as const;
export const unknownRegion = (r: string) => `--region "${r}" is neither a built-in region (gr, storstad, riket, a county by code or name, a municipality by code or name) nor a file of municipality codes, nor a group of a --groups file`;
export const unknownRegionHint = () => 'give --region gr, --region 12, --region "Skåne län" or --region 1481, a CSV file with one 4-digit municipality code per line, or a group id (G128683) with --groups FILE';
export const regionBadLine = (line: number, raw: string) => `line ${line}: ${shown(raw)} is not a 4-digit municipality code`;
export const regionUnknownCode = (line: number, code: string) => `line ${line}: ${code} is not one of the 290 municipalities`;
export const regionDuplicate = (code: string, first: number, again: number) => `${code} twice (lines ${first} and ${again})`;
export const regionEmpty = () => 'the region file has no municipality codes';
export const groupsHeader = () => 'a groups file needs the columns group_id, group_title and member_id (as Kolada lists groups)';
export const groupsNoId = () => 'a row without a group_id';
export const groupsMember = (v: string) => `member ${shown(v)} is not one of the 290 municipality codes`;
export const groupsEmpty = () => 'the groups file has no groups';
export const groupsHint = () => 'give a CSV as Kolada lists groups: group_id,group_title,member_id,member_title (as data/kolada_groups_gr.csv)';
export const regionFileHint = () => 'write one 4-digit municipality code a line (0180, 1480); see data/kommuner.csv';
export const recipeBad = (why: string) => `the recipe is not valid: ${why}`;
export const recipeBadHint = () => 'a recipe is a JSON object: {"year": 2021, "region": "gr", "out": "out", "register": "register.csv", "population": "population.csv", "kolada": ["kolada.csv"], "oj": "oj.csv"}';
export const fetchNeedsOut = () => 'fetch needs --out DIR: the folder the answers and recipe.json are written to';
export const fetchUnreachable = (service: string, host: string, cause: string) => `${service}: could not reach ${host} (${cause})`;
export const fetchTimeout = (service: string, host: string) => `${service}: ${host} did not answer in 30 s`;
export const fetchOfflineHint = () => 'run fetch where there is a connection to the internet, or give the files with --kolada and --population';
export const fetchHttp = (service: string, url: string, status: number, message: string) => `${service}: ${url} answered HTTP ${status}${message ? `: ${message}` : ''}`;
export const fetchHttpHint = (status: number) => (status >= 500 ? 'the service has a problem of its own: try again later' : 'bistand asked for something the service does not have; report it with this line');
export const fetchNotJson = (service: string, url: string) => `${service}: ${url} did not answer with JSON`;
export const fetchShape = (service: string, url: string, field: string) => `${service}: the answer of ${url} is not as documented: ${field}`;
export const fetchShapeHint = () => 'the service may have changed; report it with this line (docs/apis.md says what bistand expects)';
export const templateUnreadable = (file: string, code: string) => `--template ${file}: cannot be read (${code})`;
export const templateNotWord = (file: string) => `--template ${file}: not a Word template (no word/styles.xml in it)`;
export const templateHint = () => 'give a .dotx or .docx saved by Word or LibreOffice; without --template, rapport.docx has bistand\'s own styles (templates/rapport.dotx)';
export const pdfNoBrowser = () => '--pdf needs Chromium or Chrome, and none was found on PATH (or at $BISTAND_BROWSER)';
export const pdfNoBrowserHint = () => 'install one (Debian: apt-get install chromium) or set BISTAND_BROWSER to its path; without --pdf, print rapport.html to PDF from any browser';
export const reportNeedsOut = () => '--out is required (or "out" in the recipe)';
export const reportNeedsInput = () => 'no input: give at least one of --register, --population, --kolada, --sdb, --oj';
