/** Numbers and periods read straight from a row's bytes. */

/** Digits of buf[s, e) as a number; -1 when empty or not all digits. */
export function digits(buf: Uint8Array, s: number, e: number): number {
  if (s >= e || e - s > 9) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * `2021-03`, `2021-3`, `202103`, `2021M03`, or a date in the month (`2021-03-01`, `20210301`)
 * → global month number; -1 when not a period.
 */
export function parsePeriod(buf: Uint8Array, s: number, e: number): number {
  const year = digits(buf, s, s + 4);
  if (year < 1900 || year > 2200) return -1;
  let m = s + 4;
  if (m < e && (buf[m] < 48 || buf[m] > 57)) m++;
  // the month ends at a separator, or after two digits when a day follows without one
  let me = m;
  while (me < e && buf[me] >= 48 && buf[me] <= 57 && me - m < 2) me++;
  const month = digits(buf, m, me);
  if (month < 1 || month > 12) return -1;
  if (me < e) {
    let d = me;
    if (buf[d] < 48 || buf[d] > 57) d++;
    const day = digits(buf, d, e);
    if (day < 1 || day > 31 || e - d > 2) return -1;
  }
  return year * 12 + month - 1;
}
