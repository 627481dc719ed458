import type { ApplicantResult } from '../contract';
import type { ApplicantExpectation } from './case-table';

function sortShares(list: { payer: string; amountFen: number }[]): { payer: string; amountFen: number }[] {
  return [...list].map((s) => ({ payer: s.payer, amountFen: s.amountFen })).sort((a, b) => (a.payer < b.payer ? -1 : a.payer > b.payer ? 1 : a.amountFen - b.amountFen));
}

/**
 * Differences between one applicant's result and a case's expectation, compared as docs/POLICY-CASES.md says:
 * only listed keys; `reasons` must be contained, `reasonsExactly` equal as sets, `shares` exact lists order-free.
 */
export function differences(actual: ApplicantResult, expected: ApplicantExpectation, label = ''): string[] {
  const out: string[] = [];
  if (expected.totalFen !== undefined && actual.totalFen !== expected.totalFen) {
    out.push(`${label}totalFen: expected ${expected.totalFen}, got ${actual.totalFen}`);
  }
  for (const [id, want] of Object.entries(expected.items ?? {})) {
    const got = actual.items.find((i) => i.achievementId === id);
    if (!got) {
      out.push(`${label}${id}: no such item in the result`);
      continue;
    }
    const gotRecord = got as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(want ?? {})) {
      if (key === 'reasons') {
        const missing = (value as string[]).filter((r) => !got.reasons.includes(r as never));
        if (missing.length > 0) out.push(`${label}${id}.reasons: expected to contain ${missing.join(', ')}, got [${got.reasons.join(', ')}]`);
      } else if (key === 'reasonsExactly') {
        const a = [...got.reasons].sort().join(',');
        const b = [...(value as string[])].sort().join(',');
        if (a !== b) out.push(`${label}${id}.reasons: expected exactly [${b}], got [${a}]`);
      } else if (JSON.stringify(gotRecord[key]) !== JSON.stringify(value)) {
        out.push(`${label}${id}.${key}: expected ${JSON.stringify(value)}, got ${JSON.stringify(gotRecord[key])}`);
      }
    }
    if (out.length > 0 && !out.some((line) => line.includes('trace:'))) {
      out.push(`${label}${id} trace: ${got.trace.map((t) => `[${t.article}] ${t.text.en} -> ${t.amountFen}`).join(' | ')}`);
    }
  }
  for (const [id, want] of Object.entries(expected.shares ?? {})) {
    const got = actual.items.find((i) => i.achievementId === id);
    const a = JSON.stringify(sortShares(got?.shares ?? []));
    const b = JSON.stringify(sortShares(want));
    if (a !== b) out.push(`${label}${id}.shares: expected ${b}, got ${a}`);
  }
  return out;
}
