/**
 * One fold of text for matching what people type: lower case, without diacritics, so `Månad`,
 * `MANAD` and `manad` meet (`Ö` → `o`). Names, headers and reason labels each add their own
 * separators on top of it.
 */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** A column header as a key: `Kön` → `kon`, `Kommun-kod` → `kommun_kod`, `"Period"` → `period` (a BOM and quotes gone). */
export function foldHeader(h: string): string {
  return fold(h)
    .replace(/[^a-z0-9+]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** A file or area name as a slug for paths: `Mölndal` → `molndal`, `Lilla Edet` → `lilla-edet`. */
export function slugify(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
