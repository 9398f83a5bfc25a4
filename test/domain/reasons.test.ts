import { describe, expect, it } from 'vitest';
import { GROUPS, REASONS, ReasonMatcher, resolveTarget } from '../../src/domain/reasons.js';
import { winningGroup } from '../../src/domain/classify.js';
import { SPELLINGS } from '../../src/sample/generate.js';
import { REF_LABEL_GROUP } from '../reference/classifier.js';

const m = new ReasonMatcher();
const groupOf = (label: string) => {
  const r = m.match(label);
  return r < 0 ? 'unknown' : REASONS[r].group;
};

describe('reason labels', () => {
  it('every spelling in SPEC §2 names the same reason as its canonical form', () => {
    const pairs: [string, string][] = [
      ['Sjukskriven med läkarintyg - ingen sjukpenning', 'Sjukskriven med läkarintyg – ingen sjukpenning'],
      ['Sjukskriven m läkarintyg, ingen sjukpenning', 'Sjukskriven med läkarintyg – ingen sjukpenning'],
      ['Arbetslös, ingen ersättning/stöd', 'Arbetslös – ingen ersättning'],
      ['Arbetslös – ingen ersättning', 'Arbetslös – ingen ersättning'],
      ['Sjuk/Aktivitetsersättning, väntar på ersättning', 'Sjuk- eller aktivitetsersättning – väntar på ersättning'],
      ['Etableringsersättning otillräcklig', 'Otillräcklig etableringsersättning'],
      ['Etableringsers. saknas (prestationsförmåga <25%)', 'Ingen etableringsersättning (prestationsförmåga <25 %)'],
      ['Ensamkommande ungdom 18-20 år, gymnasiestuderande', 'Ensamkommande ungdom och gymnasiestuderande'],
    ];
    for (const [spelling, canonical] of pairs) {
      const i = m.match(spelling);
      expect(i, spelling).toBeGreaterThanOrEqual(0);
      expect(REASONS[i].label, spelling).toBe(canonical);
    }
  });

  it('every catalogue label and generator spelling lands in its group', () => {
    for (const [label, group] of Object.entries(REF_LABEL_GROUP)) expect(groupOf(label), label).toBe(group);
    for (const alts of Object.values(SPELLINGS)) for (const a of alts) expect(groupOf(a), a).not.toBe('unknown');
  });

  it('case, dashes, diacritics and whitespace do not matter', () => {
    expect(groupOf('  arbetslos — INGEN ersattning ')).toBe('unemployment');
    expect(groupOf('SJUKSKRIVEN MED LÄKARINTYG, VÄNTAR PÅ SJUKPENNING')).toBe('ill_health');
    expect(groupOf('Arbetshinder, sociala skäl')).toBe('social');
  });

  it('empty and "Uppgift saknas" are missing', () => {
    expect(groupOf('')).toBe('missing');
    expect(groupOf('   ')).toBe('missing');
    expect(groupOf('Uppgift saknas')).toBe('missing');
  });

  it('a label that matches nothing is unknown, not guessed', () => {
    expect(m.match('Annat')).toBe(-1);
    expect(m.match('Arbetslös')).toBe(-1); // names no single reason
    expect(m.match('Väntar på beslut')).toBe(-1);
  });

  it('a user mapping maps local codes and labels', () => {
    const local = new ReasonMatcher();
    local.addOverride('12', resolveTarget('unemployment', local));
    local.addOverride('Annat', resolveTarget('Arbetshinder, sociala skäl', local));
    expect(REASONS[local.match('12')].group).toBe('unemployment');
    expect(REASONS[local.match('annat')].group).toBe('social');
    expect(resolveTarget('nonsense', local)).toBe(-1);
  });
});

describe('reason votes', () => {
  const [U, I, S, O, M] = GROUPS.map((_, i) => i);
  const months = (...gs: number[]) => Int8Array.from([...gs, ...new Array(12 - gs.length).fill(-1)]);
  it('the group with most months wins', () => {
    expect(winningGroup(months(U, U, I, U, S))).toBe(U);
    expect(winningGroup(months(I, I, I, U, U))).toBe(I);
  });
  it('a tie goes to the group of the latest month', () => {
    expect(winningGroup(months(U, U, I, I))).toBe(I);
    expect(winningGroup(months(I, I, U, U))).toBe(U);
    expect(winningGroup(months(I, U, I, U, S))).toBe(U); // S is latest but not tied: U voted latest among the tied
  });
  it('months without assistance do not vote; missing is a group like the others', () => {
    expect(winningGroup(months(-1, M, M, O))).toBe(M);
    expect(winningGroup(months())).toBe(M);
  });
});
