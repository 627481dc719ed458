import { fenToYuanNumber } from '../../../libs/finance/src/payments/yuan';
import { paymentPurpose } from '../../../libs/finance/src/payments/payment-purpose';
import { payerName } from '../../../libs/finance/src/payer-names';

describe('what finance writes on lists and spreadsheets', () => {
  it('turns fen into the yuan number nearest the two-decimal figure, without float drift', () => {
    expect(fenToYuanNumber(10_001)).toBe(100.01);
    expect(fenToYuanNumber(5)).toBe(0.05);
    expect(fenToYuanNumber('123456789')).toBe(1234567.89);
    expect(fenToYuanNumber(-1_550n)).toBe(-15.5);
    // fen / 100 in binary floating point: 0.1 + 0.2 style drift must not reach a cell.
    expect(fenToYuanNumber(10) + fenToYuanNumber(20)).not.toBe(0.3);
    expect(fenToYuanNumber(30)).toBe(0.3);
    expect(fenToYuanNumber(900_719_925_474_099n)).toBe(9_007_199_254_740.99);
  });

  it('names payers in Chinese, never by their ledger code', () => {
    const districts = new Map([['371002', '环翠区']]);
    expect(payerName('city', districts)).toBe('市级财政');
    expect(payerName('matching', districts)).toBe('配套资金');
    expect(payerName('district:371002', districts)).toBe('环翠区财政');
    // A district the tenant does not list keeps its public division code, so two such payers never read alike.
    expect(payerName('district:371099', districts)).toBe('区县财政（371099）');
  });

  it('writes the purpose with the decided item and the installment condition in Chinese', () => {
    expect(paymentPurpose(2024, '主导制定国家标准（GB/T 40001-2023）', 'start')).toBe('2024年度标准化资助 主导制定国家标准（GB/T 40001-2023）');
    expect(paymentPurpose(2024, 'GB/T 40001-2023', 'lump_sum')).toBe('2024年度标准化资助 GB/T 40001-2023');
    expect(paymentPurpose(2021, 'GB/T 40001-2023', 'acceptance')).toBe('2021年度标准化资助 GB/T 40001-2023（验收后拨付）');
    expect(paymentPurpose(2021, 'GB/T 40001-2023', 'scope')).toBe('2021年度标准化资助 GB/T 40001-2023（分期拨付）');
  });
});
