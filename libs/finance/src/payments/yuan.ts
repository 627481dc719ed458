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
