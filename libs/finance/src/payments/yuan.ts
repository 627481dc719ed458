/**
 * Integer fen as a fixed-point yuan string with two decimals ("123456" fen -> "1234.56"), for the treasury
 * spreadsheet. Works on the digits only, so no amount ever passes through floating point.
 */
export function fenToYuan(fen: bigint | number | string): string {
  const value = typeof fen === 'bigint' ? fen : BigInt(fen);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** The number format of every yuan cell finance writes: two decimals. */
export const YUAN_NUMBER_FORMAT = '0.00';

/**
 * Integer fen as the yuan number a spreadsheet cell holds (a numeric cell the treasury and auditors can sum), parsed
 * from the exact fixed-point text: the double is the one nearest the two-decimal figure, never a result of float
 * arithmetic on the amount. Written with YUAN_NUMBER_FORMAT so it shows as 1234.56.
 */
export function fenToYuanNumber(fen: bigint | number | string): number {
  return Number(fenToYuan(fen));
}
