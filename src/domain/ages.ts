/** Ages as statistics name them: everyone, one year, or a group (`15-74 år`, `100+ år`, `15 years`). */

/** The open end of `100+ år`. */
export const OPEN = Number.POSITIVE_INFINITY;

/** An age as a row or column names it: everyone, or the ages from…to (to = ∞ for `100+ år`). */
export type Age = { all: true } | { from: number; to: number };

/** `totalt ålder`, `18 år`, `100+ år`, `15-74 år`, `18+`, `18 år och äldre`. */
export function parseAge(label: string): Age | undefined {
  // English exports write "15 years", "100+ years"; SCB's codes "tot", "TotSA", and "100+1" for 100 and over
  const t = label.trim().toLowerCase().replace(/\s+/g, ' ').replace(/ ?years?$/, ' år').replace(/^(\d{1,3})\+1$/, '$1+').trim();
  if (t === '' || /^(tot|totsa|totalt|samtliga|alla|alla åldrar|totalt ålder|totalt alder|total|total age|all ages)\b/.test(t)) return { all: true };
  let m = /^(\d{1,3}) ?(?:\+|år och äldre|ar och aldre|och äldre|- ?år|-)(?: ?år)?$/.exec(t);
  if (m) return { from: Number(m[1]), to: OPEN };
  m = /^(\d{1,3}) ?[-–] ?(\d{1,3}) ?(?:år|ar)?$/.exec(t);
  if (m) return { from: Number(m[1]), to: Number(m[2]) };
  m = /^(\d{1,3}) ?(?:år|ar)?$/.exec(t);
  if (m) return { from: Number(m[1]), to: Number(m[1]) };
  return undefined;
}

