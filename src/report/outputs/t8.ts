/**
 * T8: the assistance paid per recipient, from a register with an amount column (belopp; the
 * household file's Sbel): each municipality's amounts of the year over its adult recipients, in
 * whole kronor, for the report's years; from the household file also per household and month
 * (its rows with an Sbel). Not shown where the municipality's count of recipients is hidden or
 * under the smallest denominator a share may have (SPEC §6): a mean of a few is close to what one
 * household was paid.
 */
import type { Cell, Column } from '../../tables/table.js';
import { type OutputModule, areaName, skip } from '../context.js';
import { REG } from '../facts.js';
import { SV } from '../../texts-sv.js';

export const t8: OutputModule = {
  id: 't8',
  inputs: '--register with an amount column',
  build: (c) => {
    if (!c.facts.has(REG.paid)) return skip('t8', SV.t8Title, 'needsAmounts');
    const years = c.years.filter((y) => c.facts.registerYears.includes(y));
    // per household and month where the register is the household file
    const perHousehold = c.facts.has(REG.householdMonths);
    const cell = (code: string, y: number, over: 'recipients' | 'households'): Cell => {
      const paid = c.facts.get(REG.paid, code, y);
      const recipients = c.facts.get(REG.recipients, code, y);
      if (paid?.status !== 'ok' || recipients?.status !== 'ok' || typeof recipients.value !== 'number') return '–';
      const n = recipients.value;
      if (c.suppress.enabled && (c.facts.pattern.shown('recipients', code, y, n) !== n || n < c.suppress.minDenominator)) return 'X';
      const d = over === 'recipients' ? n : (c.facts.get(REG.householdMonths, code, y)?.value as number | undefined);
      return d ? Math.round((paid.value as number) / d) : '–';
    };
    const columns: Column[] = [{ name: 'kommun_code' }, { name: 'kommun_name' }, ...years.map((y) => ({ name: String(y) })), ...(perHousehold ? years.map((y) => ({ name: `${y}_per_household_month` })) : [])];
    const rows = c.region.codes.map((code) => [code, areaName(c, code), ...years.map((y) => cell(code, y, 'recipients')), ...(perHousehold ? years.map((y) => cell(code, y, 'households')) : [])]);
    const source = SV.registerSource(`${years[0]}–${c.year}`, c.credit, c.source);
    return { kind: 'table', id: 't8', slug: 'utbetalt-per-mottagare', title: perHousehold ? SV.t8TitleHousehold : SV.t8Title, table: { columns, rows }, source, notes: [SV.t8Note(c.suppress.enabled ? c.suppress.minDenominator : undefined), ...(perHousehold ? [SV.t8HouseholdNote] : []), SV.markersRegister], codeColumn: 0 };
  },
};
