/**
 * Zip archives as the Word file needs them, read and written with Node's zlib. JSZip inflated,
 * deflated and summed the whole package in JavaScript after the last chart's PNG had arrived:
 * about a tenth of a second at the very end of the report, when nothing else runs beside it.
 * Here the package's text parts are compressed before the pictures arrive, and the pictures,
 * stored as they are, cost only their checksum.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** A file of the archive, by its path inside it. */
export interface ZipFile {
  name: string;
  data: Uint8Array;
}

/** A file ready to be written: compressed (or stored), with its checksum. */
export interface ZipPart {
  name: string;
  /** 8: DEFLATE, 0: stored */
  method: 0 | 8;
  crc: number;
  size: number;
  body: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** The files of `zip` in its central directory's order (folders left out), inflated. */
export function readZip(zip: Uint8Array): ZipFile[] {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  // the end record is at most a comment (65 535 bytes) from the end
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const files: ZipFile[] = [];
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(at) !== CENTRAL) throw new Error('zip archive: broken central directory');
    const method = buf.readUInt16LE(at + 10);
    const csize = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (name.endsWith('/')) continue;
    if (buf.readUInt32LE(local) !== LOCAL) throw new Error(`zip archive: broken entry ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    if (method !== 0 && method !== 8) throw new Error(`zip archive: ${name} uses compression method ${method}`);
    files.push({ name, data: method === 8 ? inflateRawSync(raw) : raw });
  }
  return files;
}

/** `data` as a part of an archive: DEFLATE-compressed, or stored as it is (a PNG is compressed already). */
export function zipPart(name: string, data: Uint8Array, store = false): ZipPart {
  return { name, method: store ? 0 : 8, crc: crc32(data), size: data.length, body: store ? data : deflateRawSync(data) };
}

/** MS-DOS time and date fields of `date` (UTC, two-second steps), as zip archives hold them. */
function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    day: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/**
 * The archive of `parts` in their order, each dated `date`, as the pieces to write one after the
 * other (joined, the Word file's 14 MB were copied once more, into memory faulted in afresh): the
 * same parts give the same bytes.
 */
export function zipChunks(parts: readonly ZipPart[], date: Date): Uint8Array[] {
  const { time, day } = dosDateTime(date);
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    if (p.body.length > 0xfffffffe || offset > 0xfffffffe) throw new Error(`zip archive: ${p.name} would need ZIP64`);
    // bit 11: the name is UTF-8
    const flags = /[^\x20-\x7e]/.test(p.name) ? 0x0800 : 0;
    // the fields from "version needed" to the name's length, alike in the local header and the central directory's entry
    const fields = (b: Buffer, at: number) => {
      b.writeUInt16LE(20, at); // version needed: zip 2.0
      b.writeUInt16LE(flags, at + 2);
      b.writeUInt16LE(p.method, at + 4);
      b.writeUInt16LE(time, at + 6);
      b.writeUInt16LE(day, at + 8);
      b.writeUInt32LE(p.crc, at + 10);
      b.writeUInt32LE(p.body.length, at + 14);
      b.writeUInt32LE(p.size, at + 18);
      b.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    fields(local, 4);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(CENTRAL, 0);
    entry.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, zip 2.0
    fields(entry, 6);
    entry.writeUInt32LE(0o100644 * 0x10000, 38); // a regular file, rw-r--r--
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, p.body);
    central.push(entry, name);
    offset += 30 + name.length + p.body.length;
  }
  if (parts.length > 0xffff) throw new Error('zip archive: more than 65 535 files would need ZIP64');
  const size = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return [...chunks, ...central, end];
}

/** The archive of `parts` in one buffer. */
export function writeZip(parts: readonly ZipPart[], date: Date): Uint8Array {
  return Buffer.concat(zipChunks(parts, date));
}
