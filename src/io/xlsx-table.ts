/**
 * Tables as an Excel workbook: one sheet a table, numbers typed as numbers with their decimals,
 * codes and the markers X, – and . as text (a legend sheet says what they mean), the header row
 * frozen and bold, column widths set to the text. Written as SpreadsheetML parts in a zip of our
 * own (src/io/zip.ts), every entry dated 1 January 1980, so the same tables give the same bytes.
 * exceljs wrote it before: loading and running it was about 0.2 s of the GR report's main thread
 * for a dozen small sheets; it still reads the workbooks users give.
 */
import type { Cell, Table } from '../tables/table.js';
import { writeZip, zipPart } from './zip.js';

export interface Sheet {
  /** the sheet's name: at most 31 characters, none of []:*?/\ */
  name: string;
  table: Table;
  /** a line above the table (the table's title), when given */
  title?: string;
  /** lines below the table: its source and notes */
  notes?: string[];
}

/** What the markers mean; X with the report's own threshold (--min-count), or without one when nothing was hidden by it. */
const legendRows = (minCount?: number): [string, string][] => [
  ['X', minCount === undefined ? 'Dolt (sekretess)' : `Dolt: färre än ${minCount} personer, eller dolt så att ett annat dolt tal inte kan räknas fram`],
  ['–', 'Uppgift saknas'],
  ['.', 'Ej tillämpligt'],
];

const safeName = (s: string, taken: Set<string>) => {
  let n = s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Blad';
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${n.slice(0, 28)} ${i}`;
  taken.add(n.toLowerCase());
  return n;
};

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text as XML character data: escaped, and without the control characters XML cannot hold. */
const xml = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A column's letters: 0 → A, 25 → Z, 26 → AA. */
function columnName(i: number): string {
  let name = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The workbook's shared strings, each once, in first-use order. */
class Strings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) this.index.set(s, (i = this.list.push(s) - 1));
    return i;
  }
}

/** Cell styles: 0 plain, 1 bold, then one a number format ("0", "0.0", …) in first-use order. */
class Styles {
  readonly formats: string[] = [];
  style(decimals: number): number {
    const f = decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
    let i = this.formats.indexOf(f);
    if (i < 0) i = this.formats.push(f) - 1;
    return 2 + i;
  }
  xml(): string {
    // "0" and "0.00" are Excel's built-in formats 1 and 2; the others are declared from 164 on
    const builtIn: Record<string, number> = { '0': 1, '0.00': 2 };
    const custom = this.formats.filter((f) => !(f in builtIn));
    const id = (f: string) => builtIn[f] ?? 164 + custom.indexOf(f);
    const numFmts = custom.length ? `<numFmts count="${custom.length}">${custom.map((f) => `<numFmt numFmtId="${id(f)}" formatCode="${f}"/>`).join('')}</numFmts>` : '';
    const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>', ...this.formats.map((f) => `<xf numFmtId="${id(f)}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)];
    return `${DECL}<styleSheet xmlns="${MAIN}">${numFmts}<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  }
}

interface SheetRows {
  name: string;
  /** rows from the first, each cell with its style (0 plain, 1 bold, 2… a number format); an empty row holds no cell */
  rows: { cells: Cell[]; style: (i: number) => number }[];
  frozen: number;
  widths: number[];
}

function sheetXml(s: SheetRows, strings: Strings): string {
  const rows = s.rows.map(({ cells, style }, r) => {
    const at = r + 1;
    const xs = cells.map((v, i) => {
      const ref = `${columnName(i)}${at}`;
      const st = style(i) ? ` s="${style(i)}"` : '';
      if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return st ? `<c r="${ref}"${st}/>` : '';
      if (typeof v === 'number') return `<c r="${ref}"${st}><v>${v}</v></c>`;
      return `<c r="${ref}"${st} t="s"><v>${strings.of(v)}</v></c>`;
    });
    return `<row r="${at}">${xs.join('')}</row>`;
  });
  const pane = s.frozen ? `<pane ySplit="${s.frozen}" topLeftCell="A${s.frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>` : '';
  const cols = s.widths.length ? `<cols>${s.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  return `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** The workbook of the sheets; with `legend`, a sheet of what the markers mean (`minCount`: the report's threshold for X). */
export async function tablesWorkbook(sheets: Sheet[], legend: { minCount?: number } | false = {}): Promise<Uint8Array> {
  const taken = new Set<string>();
  const styles = new Styles();
  const laid: SheetRows[] = sheets.map((s) => {
    const bold = () => 1;
    const rows: SheetRows['rows'] = s.title ? [{ cells: [s.title], style: bold }, { cells: [], style: bold }] : [];
    rows.push({ cells: s.table.columns.map((c) => c.name), style: bold });
    for (const r of s.table.rows) {
      const st = r.map((v, i) => {
        const d = s.table.columns[i].decimals;
        return typeof v === 'number' && d !== undefined ? styles.style(d) : 0;
      });
      rows.push({ cells: r, style: (i) => st[i] });
    }
    if (s.notes?.length) rows.push({ cells: [], style: () => 0 }, ...s.notes.map((n) => ({ cells: [n], style: () => 0 })));
    const widths = s.table.columns.map((c, i) => Math.min(60, Math.max(c.name.length, ...s.table.rows.map((r) => String(r[i] ?? '').length)) + 2));
    return { name: safeName(s.name, taken), rows, frozen: (s.title ? 3 : 1), widths };
  });
  if (legend) {
    laid.push({ name: safeName('Teckenförklaring', taken), rows: [{ cells: ['Tecken', 'Betydelse'], style: () => 1 }, ...legendRows(legend.minCount).map((l) => ({ cells: l, style: () => 0 }))], frozen: 0, widths: [8, 90] });
  }
  const strings = new Strings();
  const sheetParts = laid.map((s, k) => zipPart(`xl/worksheets/sheet${k + 1}.xml`, Buffer.from(sheetXml(s, strings))));
  const n = laid.length;
  const contentTypes = `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${laid.map((_, k) => `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;
  const rels = `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`;
  const core = `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>bistand</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>`;
  const app = `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>bistand</Application></Properties>`;
  const workbook = `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${laid.map((s, k) => `<sheet name="${xml(s.name)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join('')}</sheets></workbook>`;
  const workbookRels = `${DECL}<Relationships xmlns="${PKG_REL}">${laid.map((_, k) => `<Relationship Id="rId${k + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`).join('')}<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const shared = `${DECL}<sst xmlns="${MAIN}" count="${strings.list.length}" uniqueCount="${strings.list.length}">${strings.list.map((t) => `<si><t${/^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : ''}>${xml(t)}</t></si>`).join('')}</sst>`;
  const part = (name: string, text: string) => zipPart(name, Buffer.from(text));
  return writeZip(
    [
      part('[Content_Types].xml', contentTypes),
      part('_rels/.rels', rels),
      part('docProps/core.xml', core),
      part('docProps/app.xml', app),
      part('xl/workbook.xml', workbook),
      part('xl/_rels/workbook.xml.rels', workbookRels),
      part('xl/styles.xml', styles.xml()),
      part('xl/sharedStrings.xml', shared),
      ...sheetParts,
    ],
    new Date(Date.UTC(1980, 0, 1)),
  );
}
