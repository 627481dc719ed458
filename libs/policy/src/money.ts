/**
 * Exact money arithmetic. Amounts are integer fen held in `number` (safe-integer range); anything that multiplies or
 * divides goes through bigint so no value ever passes through floating point.
 */

const YUAN_PATTERN = /^(\d+)(?:\.(\d{1,2}))?$/;
const WAN_PATTERN = /^(\d+)(?:\.(\d{1,6}))?万元?$/;
const PERCENT_PATTERN = /^(\d+)(?:\.(\d{1,2}))?$/;

/** Parses a yuan amount as written in a policy file (FORMAT.md section 2) into fen; returns an error text otherwise. */
export function parseYuan(value: unknown): { fen: number } | { error: string } {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) {
      return { error: `amount ${value} must be a whole number of yuan; write fractions as a string, e.g. "7.5万"` };
    }
    return checked(BigInt(value) * 100n);
  }
  if (typeof value !== 'string') return { error: 'amount must be a number of yuan or a string like "7.5万"' };
  const text = value.trim();
  const wan = WAN_PATTERN.exec(text);
  if (wan) {
    const decimals = (wan[2] ?? '').padEnd(6, '0');
    return checked(BigInt(wan[1]) * 1_000_000n + BigInt(decimals));
  }
  const yuan = YUAN_PATTERN.exec(text);
  if (yuan) {
    const decimals = (yuan[2] ?? '').padEnd(2, '0');
    return checked(BigInt(yuan[1]) * 100n + BigInt(decimals));
  }
  return { error: `amount "${value}" is not yuan ("75000", "1234.5") or 万元 ("7.5万")` };
}

function checked(fen: bigint): { fen: number } | { error: string } {
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { error: 'amount is too large' };
  return { fen: Number(fen) };
}

/** A percentage in hundredths of a percent (12.5% -> 1250), so percentages with two decimals stay integers. */
export function parsePercent(value: unknown): { basisPoints: number } | { error: string } {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const match = PERCENT_PATTERN.exec(text);
  if (!match) return { error: `percent ${JSON.stringify(value)} must be a number with at most 2 decimals` };
  const decimals = (match[2] ?? '').padEnd(2, '0');
  return { basisPoints: Number(match[1]) * 100 + Number(decimals) };
}

/** floor(amountFen * basisPoints / 10000): a percentage of an amount, rounded down to the fen. */
export function percentOf(amountFen: number, basisPoints: number): number {
  return Number((BigInt(amountFen) * BigInt(basisPoints)) / 10_000n);
}

/**
 * Splits `amountFen` in proportion to `weights` by the largest-remainder method: every part gets the floor of its
 * exact share, and the fen left over go one each to the largest remainders (ties: the earlier weight), so the parts
 * always add up to the amount exactly.
 */
export function largestRemainder(amountFen: number, weights: readonly number[]): number[] {
  if (weights.length === 1) {
    if (weights[0] <= 0) throw new Error('largestRemainder needs a positive total weight');
    return [amountFen];
  }
  const total = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (total <= 0n) throw new Error('largestRemainder needs a positive total weight');
  const amount = BigInt(amountFen);
  const parts = weights.map((w) => (amount * BigInt(w)) / total);
  const remainders = weights.map((w, index) => ({ index, rest: (amount * BigInt(w)) % total }));
  let leftover = amount - parts.reduce((sum, p) => sum + p, 0n);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const r of remainders) {
    if (leftover <= 0n) break;
    parts[r.index] += 1n;
    leftover -= 1n;
  }
  return parts.map((p) => Number(p));
}

/** "12345" fen -> "123.45"; whole yuan without decimals. For trace texts only. */
export function formatYuan(fen: number): string {
  const negative = fen < 0;
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const yuan = digits.slice(0, -2);
  const cents = digits.slice(-2);
  const text = cents === '00' ? yuan : `${yuan}.${cents.replace(/0$/, '')}`;
  return negative ? `-${text}` : text;
}

/** Percent in basis points as text: 1250 -> "12.5". */
export function formatPercent(basisPoints: number): string {
  return formatYuan(basisPoints);
}
