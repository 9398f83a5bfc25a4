/** Per-range results into one: the first range's state takes in the others, later ranges winning ties of input order. */
import { PersonState } from '../../domain/person-state.js';
import { ByteIntern } from '../byte-intern.js';
import { unquote } from '../csv-scan.js';
import { Encoding, decode, isValidUtf8 } from '../encoding.js';
import type { HeaderInfo, PartResult, ReadOptions, RegisterRead, Rejected } from './types.js';

/** Labels decoded once, at the end; with no BOM, labels that are not valid UTF-8 mean Windows-1252. */
export function finish(part: PartResult, info: HeaderInfo, opts: ReadOptions, bytes: number): RegisterRead {
  const labelIntern = new ByteIntern(0, part.labels);
  const labelBytes = Array.from({ length: labelIntern.size }, (_, i) => labelIntern.bytes(i));
  const encoding: Encoding =
    opts.encoding ?? (info.bom ? 'utf8' : info.headerEncoding === 'windows-1252' || !labelBytes.every(isValidUtf8) ? 'windows-1252' : 'utf8');
  // rows joined from a UTF-8 and a Windows-1252 export: a label that is valid UTF-8 with
  // letters beyond ASCII is read as UTF-8 (a 1252 text is almost never valid UTF-8 by chance)
  const perLabel = opts.encoding === undefined && encoding === 'windows-1252';
  const utf8Labels = perLabel ? labelBytes.filter((b) => hasHighByte(b) && isValidUtf8(b)).length : 0;
  return {
    state: new PersonState(opts.layout, 0, part.state),
    persons: part.ids.size,
    labels: labelBytes.map((b) => unquote(decode(b, perLabel && hasHighByte(b) && isValidUtf8(b) ? 'utf8' : encoding))),
    utf8Labels,
    labelRows: part.labelRows.slice(0, labelIntern.size),
    columns: info.index,
    header: info.header,
    encoding,
    delimiter: info.delimiter,
    rowsRead: part.rowsRead,
    rowsUsed: part.rowsUsed,
    rowsOutside: part.rowsOutside,
    rowsRejected: part.rowsRejected,
    emptyRows: part.emptyRows,
    paddedCodes: part.paddedCodes,
    idForms: part.idForms,
    unreadParts: part.unreadParts,
    firstMonth: part.firstMonth,
    lastMonth: part.lastMonth,
    bytes,
  };
}

function hasHighByte(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return true;
  return false;
}

/** The first part's state, ready to take in the others. */
export function absorb(first: PartResult, opts: ReadOptions) {
  const ids = new ByteIntern(0, first.ids);
  const labels = new ByteIntern(0, first.labels);
  const state = new PersonState(opts.layout, 0, first.state);
  const p = { ...first, labelRows: [...first.labelRows] };
  return {
    ids,
    labels,
    state,
    p,
    part(): PartResult {
      return { ...p, ids: ids.data(), labels: labels.data(), state: state.data() };
    },
  };
}

export function merge(base: ReturnType<typeof absorb>, part: PartResult, lineOffset: number, onReject?: (r: Rejected) => void): void {
  const theirLabels = new ByteIntern(0, part.labels);
  const labelMap = new Uint16Array(theirLabels.size + 1);
  for (let j = 0; j < theirLabels.size; j++) {
    const id = base.labels.intern(theirLabels.bytes(j), 0, theirLabels.bytes(j).length);
    labelMap[j + 1] = id + 1;
    base.p.labelRows[id] = (base.p.labelRows[id] ?? 0) + (part.labelRows[j] ?? 0);
  }
  const theirState = new PersonState(base.state.layout, 0, part.state);
  base.state.mergeFrom(theirState, base.ids.mapFrom(new ByteIntern(0, part.ids)), labelMap);
  base.state.addCoverage(theirState);
  base.p.rowsRead += part.rowsRead;
  base.p.rowsUsed += part.rowsUsed;
  base.p.rowsOutside += part.rowsOutside;
  base.p.rowsRejected += part.rowsRejected;
  base.p.emptyRows += part.emptyRows;
  base.p.paddedCodes += part.paddedCodes;
  base.p.idForms += part.idForms;
  base.p.unreadParts += part.unreadParts;
  base.p.firstMonth = Math.min(base.p.firstMonth, part.firstMonth);
  base.p.lastMonth = Math.max(base.p.lastMonth, part.lastMonth);
  for (const r of part.rejects) onReject?.({ ...r, where: { ...r.where, line: r.where.line === undefined ? undefined : r.where.line + lineOffset } });
}
