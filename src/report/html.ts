/**
 * rapport.html: the report as one self-contained page in Swedish — a table of contents, the
 * region's outputs in the report's order, then a section per municipality. Tables are HTML tables,
 * charts inline SVG named by their alt text; the chart font is embedded, so the page draws the
 * charts as the PNGs do and asks for nothing over the network. Print styles set A4, so a browser's
 * "Skriv ut → Spara som PDF" (or `--pdf`) gives a clean document.
 */
import { readFileSync } from 'node:fs';
import { FONT_FAMILY, fontFilesFor } from '../charts/font-files.js';
import { readerCells } from '../tables/table.js';
import { SV } from '../texts-sv.js';
import { type DocItem, type DocSection, type Pictures, type ReportDocument, pictureOf, WIDE_TABLE } from './document.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const fontCss = new Map<string, string>();

/** The chart font as data: URLs (regular, bold), read once: the subset when it draws all of `text`. */
function fontFaces(text: string): string {
  const files = fontFilesFor(text);
  const key = files.join('|');
  if (!fontCss.has(key))
    fontCss.set(
      key,
      files.map((f, i) => `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:${i ? 700 : 400};src:url(data:font/ttf;base64,${readFileSync(f).toString('base64')}) format('truetype')}`).join('\n'),
    );
  return fontCss.get(key)!;
}

const STYLE = `
:root{font-family:'${FONT_FAMILY}',Verdana,Arial,sans-serif;font-size:10.5pt;line-height:1.45;color:#1d1d1d}
body{max-width:176mm;margin:0 auto;padding:10mm 6mm}
h1{font-size:20pt;margin:0 0 .4em}
h2{font-size:15pt;margin:1.6em 0 .4em;border-bottom:1px solid #bbb}
h3{font-size:12pt;margin:1.4em 0 .3em}
h4{font-size:10.5pt;margin:1.2em 0 .3em}
figure{margin:0 0 1.4em;break-inside:avoid}
figure svg{display:block;width:var(--w,100%);height:auto}
table{border-collapse:collapse;width:100%;font-size:8.5pt;margin:.3em 0}
th,td{border-bottom:1px solid #d0d0d0;padding:2px 4px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{border-bottom:1.5px solid #555}
td.n,th.n{text-align:right}
td.n{white-space:nowrap}
table.wide{font-size:7pt}
table.wide th,table.wide td{padding:2px 2px}
th,td{overflow-wrap:normal}
th{hyphens:manual}
.source,.note{font-size:8pt;color:#555;margin:.15em 0}
.skipped{font-style:italic;color:#444}
.warning{border:2px solid #b00020;color:#b00020;font-weight:bold;padding:.5em .7em}
nav ol{padding-left:1.4em;margin:.2em 0}
nav ol ol{columns:2;column-gap:3em;font-size:9pt}
nav li{break-inside:avoid}
a{color:#0b4f8a}
p.draft{font-style:italic;color:#2f5496}
@page{size:A4;margin:16mm 17mm}
@media print{
  body{max-width:none;padding:0}
  section.kommun{break-before:page}
  nav{break-after:page}
  a{color:inherit;text-decoration:none}
}`;

/** Second parts of Swedish compounds that long header words are broken before (with a soft hyphen). */
const JOINTS = ['kod', 'regionen', 'nyckel', 'examen', 'löshet', 'varigt', 'ningen', 'mottagare', 'bistånd', 'ledning', 'ändring', 'svar', 'kommuner', 'förvaltning', 'sättning'];

/** Long words of a header with soft hyphens where their compounds join, so a narrow column breaks them there and nowhere else. */
export function softHyphens(text: string): string {
  return text.replace(/\p{L}{9,}/gu, (w) => {
    let out = w;
    for (const j of JOINTS) {
      const i = out.toLowerCase().indexOf(j, 3);
      if (i > 0 && i < out.length - 2) out = `${out.slice(0, i)}\u00ad${out.slice(i)}`;
    }
    return out;
  });
}

/** An inline SVG whose ids cannot clash with another chart's on the same page. */
function inlineSvg(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
  let out = svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/^<svg([^>]*?) width="[\d.]+" height="[\d.]+"/, (_, a: string) => `<svg${a}`);
  for (const id of ids) out = out.split(`id="${id}"`).join(`id="${prefix}-${id}"`).split(`#${id})`).join(`#${prefix}-${id})`).split(`"#${id}"`).join(`"#${prefix}-${id}"`);
  return out;
}

function item(it: DocItem, level: 3 | 4, pictures: Pictures): string {
  const h = `<h${level}>${esc(it.caption)}</h${level}>`;
  if (it.kind === 'skipped') return `<figure id="${it.anchor}" class="skipped">${h}<p>${esc(SV.docxNotMade)}: ${esc(it.reason)}</p></figure>`;
  // a chart draws its source and notes itself: printed again under it, they read twice
  const draft = (it.draft ?? '').split('\n').filter(Boolean).map((line) => `<p class="draft" title="${esc(SV.draftLabel)}">${esc(line)}</p>`).join('');
  if (it.kind === 'chart') return `<figure id="${it.anchor}" class="chart"${it.width ? ` style="--w:${Math.round((it.width / 16) * 100)}%"` : ''}>${h}${inlineSvg(pictureOf(pictures, it.picture).svg, it.anchor)}${draft}</figure>`;
  const foot = [`<p class="source">${esc(it.source)}</p>`, ...it.notes.map((n) => `<p class="note">${esc(n)}</p>`)].join('');
  const t = it.table;
  const { numeric, text } = readerCells(t);
  const cls = (i: number) => (numeric[i] ? ' class="n"' : '');
  const head = `<thead><tr>${t.columns.map((c, i) => `<th scope="col"${cls(i)}>${esc(softHyphens(c.name))}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${t.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${esc(text(c, i))}</td>`).join('')}</tr>`).join('')}</tbody>`;
  // a table of many columns in a smaller type, as in the Word file, so that it fits the page
  return `<figure id="${it.anchor}" class="table">${h}<table${t.columns.length > WIDE_TABLE ? ' class="wide"' : ''}>${head}${body}</table>${foot}${draft}</figure>`;
}

function section(s: DocSection, level: 2 | 3, pictures: Pictures): string {
  const parts = [`<section id="${s.anchor}"${level === 3 ? ' class="kommun"' : ''}><h${level}>${esc(s.heading)}</h${level}>`];
  if (s.lead) parts.push(`<p>${esc(s.lead)}</p>`);
  for (const it of s.items) parts.push(item(it, level === 2 ? 3 : 4, pictures));
  for (const sub of s.sections ?? []) parts.push(section(sub, 3, pictures));
  parts.push('</section>');
  return parts.join('\n');
}

function contents(doc: ReportDocument): string {
  const entry = (s: DocSection): string => {
    const inner = s.sections?.length ? s.sections : s.items;
    const links = inner.map((x) => ('heading' in x ? `<li><a href="#${x.anchor}">${esc(x.heading)}</a></li>` : `<li><a href="#${x.anchor}">${esc(x.caption)}</a></li>`));
    return `<li><a href="#${s.anchor}">${esc(s.heading)}</a><ol>${links.join('')}</ol></li>`;
  };
  return `<nav aria-label="${esc(SV.htmlContents)}"><h2>${esc(SV.htmlContents)}</h2><ol>${doc.sections.map(entry).join('')}</ol></nav>`;
}

export function reportHtml(doc: ReportDocument, pictures: Pictures): string {
  const body = [
    `<header><h1>${esc(doc.title)}</h1>${doc.warning ? `<p class="warning">${esc(doc.warning)}</p>` : ''}</header>`,
    contents(doc),
    '<main>',
    ...doc.sections.map((s) => section(s, 2, pictures)),
    `<p>${esc(doc.closing)}</p>`,
    '</main>',
  ].join('\n');
  // the page's own text decides the font: a name or answer beyond the subset gets the whole font
  return ['<!DOCTYPE html>', '<html lang="sv">', '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">', `<title>${esc(doc.title)}</title>`, `<style>${fontFaces(body)}${STYLE}</style>`, '</head>', '<body>', body, '</body>', '</html>', ''].join('\n');
}
