import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYuan } from '../../../libs/policy/src/money';
import { amountToFen, documentAmountFen, editText, parsePath, readAmount, readDocument, writeAmount } from '../../../apps/web/src/pages/policies/policy-document';
import { describePath } from '../../../apps/web/src/pages/policies/policy-words';

const WEIHAI = readFileSync(join(__dirname, '..', '..', '..', 'config', 'policies', 'weihai', 'weihai-2020.yaml'), 'utf8');

/** The draft editor's amounts and edits: exact conversion as the engine reads it, and the text kept as it was written. */
describe('web policy document editing', () => {
  it.each([
    ['60', 'wan', '60万', '60000000'],
    ['7.5', 'wan', '7.5万', '7500000'],
    ['0.000001', 'wan', '0.000001万', '1'],
    ['600000', 'yuan', '600000', '60000000'],
    ['1234.5', 'yuan', '1234.5', '123450'],
    ['１２３４．５', 'yuan', '1234.5', '123450'],
  ] as const)('%s %s is written %s and is %s fen, as the engine reads it', (typed, unit, written, fen) => {
    expect(writeAmount(typed, unit)).toBe(written);
    expect(amountToFen(typed, unit)).toBe(fen);
    const engine = parseYuan(written);
    expect('fen' in engine && String(engine.fen)).toBe(fen);
    expect(documentAmountFen(written)).toBe(fen);
  });

  it.each([
    ['1.234', 'yuan'],
    ['0.0000001', 'wan'],
    ['-5', 'wan'],
    ['', 'yuan'],
    ['1e5', 'yuan'],
    ['abc', 'wan'],
  ] as const)('refuses %p in %s', (typed, unit) => {
    expect(writeAmount(typed, unit)).toBeUndefined();
    expect(amountToFen(typed, unit)).toBeUndefined();
  });

  it('reads the document’s own writings of an amount', () => {
    expect(readAmount('50万')).toEqual({ amount: '50', unit: 'wan' });
    expect(readAmount('7.5万元')).toEqual({ amount: '7.5', unit: 'wan' });
    expect(readAmount(500000)).toEqual({ amount: '500000', unit: 'yuan' });
    expect(readAmount('1234.5')).toEqual({ amount: '1234.5', unit: 'yuan' });
    expect(readAmount(7.5)).toBeUndefined();
  });

  it('raises one ceiling in the text, keeping its comments and quoting, and changing nothing else', () => {
    const index = (readDocument(WEIHAI).document?.items as Array<{ id: string }>).findIndex((item) => item.id === 'std.national.formulate.lead');
    const edited = editText(WEIHAI, ['items', index, 'ceiling'], '60万');
    expect(edited).toContain('# 第六条 (lines 4533-4535): national standards.');
    const before = readDocument(WEIHAI).document as { items: Array<Record<string, unknown>> };
    const after = readDocument(edited).document as { items: Array<Record<string, unknown>> };
    expect(after.items[index].ceiling).toBe('60万');
    expect(edited).toMatch(/ceiling: "60万"/);
    after.items[index].ceiling = '50万';
    expect(after).toEqual(before);
    // Byte for byte the same text but for the one value.
    expect(edited).toBe(WEIHAI.replace(/(id: std\.national\.formulate\.lead[\s\S]*?ceiling: )"50万"/, '$1"60万"'));
  });

  it('sets a plain or null value in place, quoting what would otherwise read as another type', () => {
    const withNo = editText(WEIHAI, ['documentNo'], '威政发〔2025〕12号');
    expect(withNo).toContain('documentNo: 威政发〔2025〕12号            # the compilation gives no 文号');
    expect(readDocument(withNo).document?.documentNo).toBe('威政发〔2025〕12号');
    const numeric = editText(WEIHAI, ['documentNo'], '2025');
    expect(readDocument(numeric).document?.documentNo).toBe('2025');
    const open = editText(WEIHAI, ['effectiveTo'], null);
    expect(open).toContain('effectiveTo: null   # 第二十八条');
    const dated = editText(WEIHAI, ['effectiveTo'], '2028-12-31');
    expect(dated).toContain('effectiveTo: "2028-12-31"   # 第二十八条');
    expect(editText(WEIHAI, ['title'], 'a, b: c')).toContain('title: "a, b: c"');
    const issuers = editText(WEIHAI, ['issuers'], ['威海市人民政府', '威海市财政局']);
    expect(issuers).toBe(WEIHAI.replace('issuers: [威海市人民政府]', 'issuers: [威海市人民政府, 威海市财政局]'));
  });

  it('names a validation path in the officer’s words', () => {
    const document = readDocument(WEIHAI).document;
    expect(parsePath('$.effectiveTo')).toEqual(['effectiveTo']);
    expect(parsePath('items[3].ceiling')).toEqual(['items', 3, 'ceiling']);
    expect(describePath('items[3].ceiling', document, 'zh')).toBe('资助项目第4项「国家标准 主持制定」 › 最高金额');
    expect(describePath('$.effectiveTo', document, 'zh')).toBe('有效期止');
    expect(describePath('rules[0].kinds', document, 'zh')).toBe('规则第1条（申报单位类型） › 类型');
    expect(describePath('items[3].ceiling', document, 'en')).toBe('Award items #4「国家标准 主持制定」 › Ceiling');
  });
});
