import { accountChangedSinceApproval, normalizeAccountNo, normalizeHolderName, payeeAccountProblems } from '../../../libs/finance/src/bank-accounts/payee-account-rules';

const ZHONGLIANG = { name: '中粮（郑州）粮油工业有限公司', kind: 'enterprise' };
const paths = (problems: Array<{ path: string }>) => problems.map((p) => p.path);

describe('payee account rules', () => {
  it.each([
    ['half-width brackets', '中粮(郑州)粮油工业有限公司'],
    ['full-width brackets', '中粮（郑州）粮油工业有限公司'],
    ['mixed brackets and spaces', ' 中粮（郑州) 粮油工业 有限公司　'],
  ])('takes a holder name written with %s as the registered name', (_name, holder) => {
    expect(normalizeHolderName(holder)).toBe(normalizeHolderName(ZHONGLIANG.name));
    expect(payeeAccountProblems(ZHONGLIANG, { accountName: holder, accountNo: '6222021614001234567' })).toEqual([]);
  });

  it('folds full-width letters and case, so ＡＢＣ科技 is ABC科技', () => {
    expect(normalizeHolderName('ａｂｃ科技有限公司')).toBe(normalizeHolderName('ABC科技有限公司'));
  });

  it.each(['enterprise', 'institution', 'social_org', 'service_agency'])('refuses a %s paid into another name (a private person)', (kind) => {
    const problems = payeeAccountProblems({ name: ZHONGLIANG.name, kind }, { accountName: '张三', accountNo: '6222021614001234567' });
    expect(paths(problems)).toEqual(['accountName']);
    expect(problems[0].messageZh).toContain('对公账户');
  });

  it("lets an individual business (个体工商户) be paid into its operator's own name", () => {
    expect(payeeAccountProblems({ name: '郑州市金水区李记五金店', kind: 'individual' }, { accountName: '李四', accountNo: '6217001234000098765' })).toEqual([]);
  });

  it.each([
    ['too short', '1234567'],
    ['too long', '1'.repeat(33)],
    ['an IBAN (foreign account)', 'DE89370400440532013000'],
    ['with punctuation', '12-34-5678-9012'],
  ])('refuses an account number %s, naming accountNo', (_name, accountNo) => {
    expect(paths(payeeAccountProblems(ZHONGLIANG, { accountName: ZHONGLIANG.name, accountNo }))).toEqual(['accountNo']);
  });

  it('accepts 8 and 32 digits and ignores the spaces people type between groups', () => {
    expect(payeeAccountProblems(ZHONGLIANG, { accountName: ZHONGLIANG.name, accountNo: '12345678' })).toEqual([]);
    expect(payeeAccountProblems(ZHONGLIANG, { accountName: ZHONGLIANG.name, accountNo: '1'.repeat(32) })).toEqual([]);
    expect(normalizeAccountNo('6222 0216 1400 1234 567')).toBe('6222021614001234567');
  });

  it.each([
    [1, null, false, 'first account set after approval'],
    [1, 1, false, 'unchanged since approval'],
    [2, 1, true, 'replaced after approval'],
    [2, null, true, 'set and then replaced after approval'],
    [3, 3, false, 'replaced before approval (or confirmed since)'],
  ])('account version %p approved at %p: held %p (%s)', (current, approved, held, _why) => {
    expect(accountChangedSinceApproval(current, approved)).toBe(held);
  });
});
