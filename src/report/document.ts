/**
 * The report as one document, in the order a reader reads it: the region's outputs, then a
 * section per municipality. rapport.docx and rapport.html are two renderings of this, so the Word
 * file and the page always hold the same figures, captions, sources and notes.
 */
import type { Table } from '../tables/table.js';

export type DocItem =
  | { kind: 'table'; anchor: string; caption: string; table: Table; source: string; notes: string[]; draft?: string }
  | {
      kind: 'chart';
      anchor: string;
      caption: string;
      picture: string;
      alt: string;
      source: string;
      notes: string[];
      draft?: string;
      /** the picture's width on the page in cm, when not the text's whole width (16 cm) */
      width?: number;
    }
  | { kind: 'skipped'; anchor: string; caption: string; reason: string };

export interface DocSection {
  anchor: string;
  heading: string;
  /** a line under the heading (what the register covers, say) */
  lead?: string;
  items: DocItem[];
  /** sections inside this one (the municipalities under "Kommunerna") */
  sections?: DocSection[];
}

/** A chart as drawn: its SVG, and its PNG unless the run makes none (--no-png). */
export interface Picture {
  svg: string;
  png?: Uint8Array;
}

/** The drawn charts, by the name a chart item gives (its files' base path). */
export type Pictures = ReadonlyMap<string, Picture>;

/** The picture a chart item names: a plan whose chart was not drawn is a bug of ours. */
export function pictureOf(pictures: Pictures, name: string): Picture {
  const p = pictures.get(name);
  if (!p) throw new Error(`the chart ${name} was not drawn`);
  return p;
}

export interface ReportDocument {
  title: string;
  year: number;
  /** the "not for publication" mark of an unsuppressed run */
  warning?: string;
  sections: DocSection[];
  closing: string;
  /** the smallest count shown, when small counts are hidden */
  minCount?: number;
}

/** More columns than this, and a table is wide: its codes are left out of its reader's form and a page sets it smaller. */
export const WIDE_TABLE = 8;

/** "Tabell 1: …" / "Diagram 4: …", as the GR report numbers its outputs. */
export const numberedCaption = (id: string, title: string) => `${id.startsWith('t') ? 'Tabell' : 'Diagram'} ${id.slice(1)}: ${title}`;
