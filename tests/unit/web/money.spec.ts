import { formatYuan, formatYuanWithSign, parseYuanToFen } from '../../../apps/web/src/format/money';

/** Yuan from integer fen by string arithmetic, and back: exact for any amount, with no floating point. */
describe('web money formatting', () => {
  it.each([
    ['0', '0.00'],
    ['5', '0.05'],
    ['99', '0.99'],
    ['100', '1.00'],
    ['28500000', '285,000.00'],
    ['-12345', '-123.45'],
    ['-0', '0.00'],
    ['900719925474099312', '9,007,199,254,740,993.12'],
    [1234, '12.34'],
  ] as Array<[string | number, string]>)('formatYuan(%p) = %p', (fen, yuan) => {
    expect(formatYuan(fen)).toBe(yuan);
  });

  it.each([null, undefined, '', '1.5', 'abc', 0.1, Number.MAX_SAFE_INTEGER + 2])('formatYuan(%p) is a dash', (fen) => {
    expect(formatYuan(fen as never)).toBe('—');
  });

  it('puts the yuan sign before the minus-free digits', () => {
    expect(formatYuanWithSign('-150')).toBe('-¥1.50');
    expect(formatYuanWithSign('150')).toBe('¥1.50');
  });

  it.each([
    ['285000', '28500000'],
    ['285,000.5', '28500050'],
    ['０.０１', '1'],
    ['２８５０００', '28500000'],
    [' 12.34 ', '1234'],
    ['0', '0'],
  ])('parseYuanToFen(%p) = %p', (typed, fen) => {
    expect(parseYuanToFen(typed)).toBe(fen);
  });

  it.each(['1.234', '-5', '1e3', '', '12..3', '¥5'])('parseYuanToFen(%p) refuses', (typed) => {
    expect(parseYuanToFen(typed)).toBeUndefined();
  });

  it('round-trips every amount it formats', () => {
    for (const fen of ['1', '10', '101', '123456789', '100000000000']) expect(parseYuanToFen(formatYuan(fen))).toBe(fen);
  });
});
