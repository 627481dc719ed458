/**
 * Money arrives as integer fen (a decimal string, or a safe integer) and is shown in yuan by moving the decimal point
 * in the string: no floating point ever touches an amount.
 */
export type Fen = string | number | bigint;

function fenDigits(fen: Fen): { negative: boolean; digits: string } | undefined {
  const text = typeof fen === 'number' ? (Number.isSafeInteger(fen) ? String(fen) : '') : String(fen);
  const match = /^(-?)(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  return { negative: match[1] === '-' && /[1-9]/.test(match[2]), digits: match[2].replace(/^0+(?=\d)/, '') };
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "28500000" → "285,000.00" (yuan, two decimals, grouped); anything that is not integer fen → "—". */
export function formatYuan(fen: Fen | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const parsed = fenDigits(fen);
  if (!parsed) return '—';
  const padded = parsed.digits.padStart(3, '0');
  const yuan = groupThousands(padded.slice(0, -2));
  return `${parsed.negative ? '-' : ''}${yuan}.${padded.slice(-2)}`;
}

/** "28500000" → "¥285,000.00", for amounts standing alone (table cells carry the unit in their header). */
export function formatYuanWithSign(fen: Fen | null | undefined): string {
  const yuan = formatYuan(fen);
  return yuan === '—' ? yuan : yuan.startsWith('-') ? `-¥${yuan.slice(1)}` : `¥${yuan}`;
}

/**
 * What a person types in yuan ("285000", "285,000.5", "２８５０００") → integer fen as a string, or undefined when it
 * is not an amount with at most two decimals. The reverse of formatYuan, again without floating point.
 */
export function parseYuanToFen(input: string): string | undefined {
  const halfWidth = input.replace(/[\uFF10-\uFF19\uFF0E\uFF0C]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,\s]/g, '');
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(halfWidth);
  if (!match) return undefined;
  const fen = `${match[1]}${(match[2] ?? '').padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  return fen;
}
