/** Rubric points are hundredths of a point in the API (17.5 points = 1750); people type and read them as points. */

/** Points typed as "17.5" → hundredths (1750), without floating point; undefined when not a number with ≤ 2 decimals. */
export function parsePoints(input: string): number | undefined {
  const match = /^\s*(\d{1,6})(?:\.(\d{1,2}))?\s*$/.exec(input);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Hundredths of a point → "17.5". */
export function formatPoints(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const rest = hundredths % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}
