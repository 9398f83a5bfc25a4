/**
 * Municipality codes and names, and regions as named lists of codes. Codes are text ("0180"):
 * they are looked up through a dense 0..9999 table because the register reader parses them
 * from bytes as integers.
 */

/** `group`: a Kolada group of municipalities (G…), as a source names it */
export type AreaKind = 'kommun' | 'region' | 'country' | 'group';

export interface Area {
  code: string;
  name: string;
  kind: AreaKind;
  countyCode: string;
}

export interface Region {
  id: string;
  name: string;
  codes: readonly string[];
  /** the file it was read from, for a custom region */
  file?: string;
  /** a name that is no built-in region or file: a group of the --groups file, looked up once it is read */
  pending?: string;
}

/** Göteborgsregionen, Kolada group G128683 (SPEC §4). */
export const GR: Region = {
  id: 'gr',
  name: 'Göteborgsregionen',
  codes: ['1384', '1401', '1402', '1407', '1415', '1419', '1440', '1441', '1462', '1480', '1481', '1482', '1489'],
};

/** The metropolitan comparison of the report's diagram 2. */
export const STORSTAD: Region = { id: 'storstad', name: 'Storstäderna', codes: ['0180', '1280', '1480'] };

export class Municipalities {
  /** index by numeric code; -1 where no municipality has that code */
  private readonly byNumber = new Int16Array(10000).fill(-1);
  /** each code's first area: the report looks areas up by code once per municipality and output */
  private readonly byAreaCode = new Map<string, Area>();
  readonly kommuner: readonly Area[];

  constructor(readonly areas: readonly Area[]) {
    this.kommuner = areas.filter((a) => a.kind === 'kommun').sort((a, b) => a.code.localeCompare(b.code));
    this.kommuner.forEach((k, i) => (this.byNumber[Number(k.code)] = i));
    for (const a of areas) if (!this.byAreaCode.has(a.code)) this.byAreaCode.set(a.code, a);
  }

  /** Index of the municipality with this numeric code, or -1. */
  indexOfNumber(n: number): number {
    return n >= 0 && n < 10000 ? this.byNumber[n] : -1;
  }

  byCode(code: string): Area | undefined {
    return /^\d{4}$/.test(code) ? this.kommuner[this.indexOfNumber(Number(code))] : undefined;
  }

  area(code: string): Area | undefined {
    return this.byAreaCode.get(code);
  }

  get count(): number {
    return this.kommuner.length;
  }
}

export function regionById(id: string): Region | undefined {
  return [GR, STORSTAD].find((r) => r.id === id.toLowerCase());
}
