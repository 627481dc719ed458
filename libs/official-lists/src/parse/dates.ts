/** A Date as its China Standard Time calendar date (xlsx date cells are instants; lists mean the day in Beijing). */
export function cstDateOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A date cell as `YYYY-MM-DD`, or null when it is no calendar date: 2022-10-12, 2022/10/12, 2022.10.12, 2022年10月12日
 * and 20221012 are read; 2022-02-30 is not.
 */
export function parseListDate(text: string): string | null {
  const m = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[4]);
  const day = Number(m[3] ?? m[5]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
