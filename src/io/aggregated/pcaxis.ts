/**
 * PC-Axis (`.px`), SCB's own file format and what PxWeb's "PC-Axis" download gives: keywords
 * (`KEYWORD[lang]("variable")=value;`) describing a cube, then `DATA=` with its cells.
 *
 *   text → keywords (strings, lists, TLIST, numbers; a keyword's [lang] variant other than the
 *          file's language left aside) → the cube: STUB then HEADING variables, each with its
 *          VALUES and CODES, the last HEADING variable varying fastest → cells
 *
 * Population tables go to the population reader as the other SCB formats do (population.ts);
 * any other table becomes tidy values with its CONTENTS as the measure.
 */
import { type Status, type TidyRow, parseSex } from '../../domain/tidy.js';
import { InputError } from '../../errors.js';
import * as msg from '../../messages.js';
import { type ReadContext, areaOf, roleOfDimension, row, valueAt } from './records.js';

/** One variable of the cube: its name in the file's language, and its values' labels and codes. */
export interface PxVariable {
  name: string;
  /** VARIABLECODE, when given */
  code?: string;
  labels: string[];
  codes: string[];
  /** a TIMEVAL variable */
  time: boolean;
}

export interface PxCube {
  title: string;
  contents: string;
  units?: string;
  /** the variable that holds the table's contents (CONTVARIABLE), when it has several */
  contVariable?: string;
  variables: PxVariable[];
  /** the cells in the file's order, as written: a number or a marker (`..`, `-`, `...`) */
  data: string[];
}

/** Whether the text is a PC-Axis file: keyword lines and a DATA section. */
export function looksLikePcAxis(text: string): boolean {
  const head = text.slice(0, 4096);
  return /^\s*(CHARSET|AXIS-VERSION|LANGUAGE|MATRIX|TITLE|CONTENTS|STUB|DECIMALS)(\[[a-z-]+\])?=/m.test(head) && /^\s*(STUB|HEADING)(\[[a-z-]+\])?=/m.test(text) && /^\s*DATA=/m.test(text);
}

type Value = string | string[];

/** The keywords of the file: `KEY` or `KEY("variable")` → its value (a string, or a list); the file's own language only. */
function keywords(text: string, file: string): { keys: Map<string, Value>; data: string; dataLine: number } {
  const keys = new Map<string, Value>();
  const dataAt = /^\s*DATA\s*=/m.exec(text);
  if (!dataAt) throw new InputError({ file }, msg.pxNoData(), msg.pxHint());
  const meta = text.slice(0, dataAt.index);
  // statements end at a ; outside quotes
  let i = 0;
  let line = 1;
  while (i < meta.length) {
    let j = i;
    let quoted = false;
    for (; j < meta.length; j++) {
      const ch = meta[j];
      if (ch === '"') quoted = !quoted;
      else if (ch === ';' && !quoted) break;
    }
    const statement = meta.slice(i, j).trim();
    const startLine = line;
    line += (meta.slice(i, j + 1).match(/\n/g) ?? []).length;
    i = j + 1;
    if (!statement) continue;
    const m = /^([A-Za-z0-9-]+)(\[([a-z-]+)\])?(\(([^)]*)\))?\s*=\s*([\s\S]*)$/.exec(statement);
    if (!m) throw new InputError({ file, line: startLine }, msg.pxBadLine(statement.slice(0, 60)), msg.pxHint());
    const [, key, , lang, , sub, raw] = m;
    // another language's variant of a keyword (TITLE[sv]= in an English file)
    if (lang) continue;
    const name = sub === undefined ? key.toUpperCase() : `${key.toUpperCase()}(${strings(sub).join('","')})`;
    const items = strings(raw);
    keys.set(name, /^TLIST\(/i.test(raw.trim()) ? items : items.length === 1 && !/,/.test(raw.replace(/"[^"]*"/g, '')) ? items[0] : items);
  }
  return { keys, data: text.slice(dataAt.index + dataAt[0].length), dataLine: (text.slice(0, dataAt.index).match(/\n/g) ?? []).length + 1 };
}

/**
 * The strings of a value: quoted items (a long one may be split over lines as "ab" "cd": joined),
 * or bare words and numbers; a TLIST's format (`TLIST(A1)`) left out.
 */
function strings(raw: string): string[] {
  const out: string[] = [];
  const body = raw.replace(/^\s*TLIST\([^)]*\)\s*,?/i, '');
  let current: string | undefined;
  const re = /"([^"]*)"|([^\s,"]+)|(,)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m[3]) {
      if (current !== undefined) out.push(current);
      current = undefined;
    } else current = (current ?? '') + (m[1] ?? m[2]);
  }
  if (current !== undefined) out.push(current);
  return out;
}

const asList = (v: Value | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The cube a PC-Axis text describes. */
export function parsePcAxis(text: string, file: string): PxCube {
  const { keys, data, dataLine } = keywords(text.replace(/^\uFEFF/, ''), file);
  const get = (k: string) => keys.get(k);
  const stub = asList(get('STUB'));
  const heading = asList(get('HEADING'));
  if (!stub.length && !heading.length) throw new InputError({ file }, msg.pxNoVariables(), msg.pxHint());
  const variables = [...stub, ...heading].map((name): PxVariable => {
    const labels = asList(get(`VALUES(${name})`));
    if (!labels.length) throw new InputError({ file }, msg.pxNoValues(name), msg.pxHint());
    const codes = asList(get(`CODES(${name})`));
    const code = get(`VARIABLECODE(${name})`);
    return { name, code: typeof code === 'string' ? code : undefined, labels, codes: codes.length === labels.length ? codes : labels, time: keys.has(`TIMEVAL(${name})`) };
  });
  const cells = data
    .replace(/;\s*$/, '')
    .match(/"[^"]*"|[^\s,;"]+/g)
    ?.map((t) => t.replace(/^"|"$/g, '')) ?? [];
  const size = variables.reduce((n, v) => n * v.labels.length, 1);
  if (cells.length !== size) throw new InputError({ file, line: dataLine }, msg.pxDataSize(cells.length, size, variables.map((v) => `${v.name} ${v.labels.length}`).join(' × ')), msg.pxHint());
  const one = (k: string) => {
    const v = get(k);
    return Array.isArray(v) ? v.join(' ') : v;
  };
  return { title: one('TITLE') ?? '', contents: one('CONTENTS') ?? one('TITLE') ?? '', units: one('UNITS'), contVariable: one('CONTVARIABLE'), variables, data: cells };
}

/** Every cell of a cube of these sizes, as the index of its value in each variable (the last fastest). */
export function* cubePicks(sizes: readonly number[]): Generator<number[]> {
  const total = sizes.reduce((n, s) => n * s, 1);
  const pick = new Array<number>(sizes.length).fill(0);
  for (let i = 0; i < total; i++) {
    let rest = i;
    for (let k = sizes.length - 1; k >= 0; k--) {
      pick[k] = rest % sizes[k];
      rest = Math.floor(rest / sizes[k]);
    }
    yield pick;
  }
}

/** The cube's cells in order, each with its pick and its value as written. */
export function* pxCells(cube: PxCube): Generator<{ pick: number[]; raw: string }> {
  let i = 0;
  for (const pick of cubePicks(cube.variables.map((v) => v.labels.length))) yield { pick, raw: cube.data[i++] };
}

/** SCB's markers in a PC-Axis file: `..` data not available, `...` cannot occur, `-` nothing to report. */
const PX_MARKERS: Record<string, Status> = { '..': 'missing', '...': 'not_applicable', '.': 'not_applicable', '-': 'missing', '': 'missing' };

/** The role of a variable for tidy values: the region, the time, the sex, the contents, or its own column. */
function tidyRole(v: PxVariable, cube: PxCube): 'area' | 'period' | 'sex' | 'content' | 'extra' {
  if (v.time) return 'period';
  if (v.name === cube.contVariable) return 'content';
  const role = roleOfDimension(v.code ?? '', v.name);
  return role === 'year' ? 'period' : role === 'age' || role === undefined ? 'extra' : role;
}

/** Any PC-Axis table as tidy values: a row per cell, the contents its measure, other variables columns of their own. */
export function readPcAxisValues(cube: PxCube, ctx: ReadContext): TidyRow[] {
  const roles = cube.variables.map((v) => tidyRole(v, cube));
  const area = roles.indexOf('area');
  if (area < 0) throw new InputError({ file: ctx.file }, msg.noArea(), msg.noAreaHint());
  const period = roles.indexOf('period');
  const out: TidyRow[] = [];
  for (const { pick, raw } of pxCells(cube)) {
    const v = cube.variables[area];
    const code = v.codes[pick[area]];
    const a = areaOf(/^\d{1,4}$/.test(code) ? code : '', v.labels[pick[area]], ctx, 0, 0);
    if (!a) continue;
    const when = period >= 0 ? cube.variables[period].codes[pick[period]] : ctx.period;
    if (!when) throw new InputError({ file: ctx.file }, msg.noPeriod('PC-Axis'), msg.noPeriodHint());
    const content = roles.indexOf('content');
    const measure = content >= 0 ? cube.variables[content].labels[pick[content]] : cube.contents;
    const sexAt = roles.indexOf('sex');
    const sex = sexAt < 0 ? 'T' : (parseSex(cube.variables[sexAt].labels[pick[sexAt]]) ?? parseSex(cube.variables[sexAt].codes[pick[sexAt]]) ?? 'T');
    const extra: Record<string, string> = {};
    roles.forEach((r, k) => {
      if (r === 'extra') extra[cube.variables[k].name] = cube.variables[k].labels[pick[k]];
    });
    if (cube.units) extra.unit = cube.units;
    const marker = PX_MARKERS[raw.trim()];
    const value = marker ? { value: null, status: marker } : valueAt(raw, ctx, 0, 0, 'DATA');
    out.push(row(a, measure, when, sex, value, extra));
  }
  return out;
}
