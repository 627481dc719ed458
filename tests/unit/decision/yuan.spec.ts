import { fenToYuan } from '../../../libs/workflow/src/decision/yuan';

describe('fenToYuan', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [99, '0.99'],
    [100, '1.00'],
    [8_000_000, '80000.00'],
    [123_456_789, '1234567.89'],
    ['4000005', '40000.05'],
    [-250, '-2.50'],
  ])('%p fen is %p yuan', (fen, yuan) => {
    expect(fenToYuan(fen)).toBe(yuan);
  });

  it('keeps every digit of amounts beyond the safe integer range', () => {
    expect(fenToYuan(12_345_678_901_234_567_891n)).toBe('123456789012345678.91');
  });
});
