import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText, formatOf, normalizeName, parseCsv, parseListDate, parseTable, readTable } from '@subsidy/official-lists';

const FIXTURE = join(__dirname, '../../fixtures/official-lists/grain-oil-leaders-2022.csv');

async function parse(kind: Parameters<typeof parseTable>[0], fileName: string, bytes: Buffer) {
  const format = formatOf(fileName, bytes);
  if (!format) throw new Error('unknown format');
  return parseTable(kind, format, await readTable(format, bytes), normalizeName);
}

describe('the 2022 粮油 leader list of seed 002 (tests/fixtures/official-lists)', () => {
  it('reads 69 entries from 69 rows, skipping the title, page breaks and repeated headers', async () => {
    const list = await parse('leader_list', 'list.csv', readFileSync(FIXTURE));
    expect(list.problems).toEqual([]);
    expect(list.headerRow).toBe(3);
    expect(list.rowsRead).toBe(69);
    expect(list.entries).toHaveLength(69);
    expect(list.rejected).toEqual([]);
    expect(list.entries.map((e) => e.fields.seq)).toEqual(Array.from({ length: 69 }, (_, i) => String(i + 1)));
  });

  it('carries 产品类别 and 评估机构 down their groups, across a repeated header', async () => {
    const list = await parse('leader_list', 'list.csv', readFileSync(FIXTURE));
    const bySeq = new Map(list.entries.map((e) => [e.fields.seq, e]));
    expect(bySeq.get('2')!.fields).toMatchObject({ productCategory: '粳米', assessor: '吉林省粮油卫生检验监测站、江苏省粮油质量监测中心' });
    expect(bySeq.get('18')!.fields).toMatchObject({ productCategory: '专用小麦粉', enterpriseName: '中粮(郑州)粮油工业有限公司', standardCode: 'Q/ZLLG 0007S-2022', assessor: '河南工业大学' });
    // Row 52 follows the header repeated at a page break, with 产品类别 blank: still 玉米糝.
    expect(bySeq.get('52')!.fields.productCategory).toBe('玉米糝');
    // Seed line 2781 is fixture line 61 (two lines of title and source above seed line 2723's header).
    expect(bySeq.get('52')!.rowNumber).toBe(61);
  });

  it('folds full-width forms in cells (山茶油（油茶籽油） → 山茶油(油茶籽油))', async () => {
    const list = await parse('leader_list', 'list.csv', readFileSync(FIXTURE));
    expect(list.entries.find((e) => e.fields.seq === '35')!.fields.standardName).toBe('山茶油(油茶籽油)');
  });
});

describe('parseTable', () => {
  const header = ['产品类别', '序号', '企业名称', '企业标准编号', '标准名称', '评估机构'];

  it('rejects bad rows with their numbers and reasons in Chinese and English', () => {
    const table = [
      header,
      ['', '1', '甲有限公司', 'Q/A 1-2022', '甲', '机构'],
      ['面粉', '2', '', 'Q/B 1-2022', '乙', ''],
      ['', '3', '丙有限公司', '', '丙', ''],
      ['', '4', '丁有限公司', 'Q/D 1-2022', '丁', ''],
      ['', '4', '丁有限公司', 'Q/D 1-2022', '丁', ''],
    ];
    const list = parseTable('leader_list', 'csv', table, normalizeName);
    expect(list.entries.map((e) => e.rowNumber)).toEqual([2, 5]);
    expect(list.rejected.map((r) => [r.rowNumber, r.reason.zh])).toEqual([
      [3, '企业名称为空'],
      [4, '企业标准编号为空'],
      [6, '与第 5 行内容重复'],
    ]);
    expect(list.rejected[0].reason.en).toBe('enterprise name is blank');
  });

  it('rejects a row whose 产品类别 is blank with nothing above only when the column is required; here it is optional', () => {
    const list = parseTable('leader_list', 'csv', [header, ['', '1', '甲有限公司', 'Q/A 1-2022', '甲', '']], normalizeName);
    expect(list.entries[0].fields.productCategory).toBe('');
  });

  it('finds the header by its aliases in full-width forms and refuses a file missing a required column', () => {
    const ok = parseTable('leader_list', 'csv', [['企业名称 ', '标准编号'], ['ＡＢＣ（中国）有限公司', 'Ｑ／ＡＢＣ　０００１Ｓ－２０２２']], normalizeName);
    expect(ok.entries[0].fields).toEqual({ enterpriseName: 'ABC(中国)有限公司', standardCode: 'Q/ABC 0001S-2022' });
    const missing = parseTable('leader_list', 'csv', [['企业名称', '标准名称'], ['甲', '乙']], normalizeName);
    expect(missing.problems[0].zh).toContain('企业标准编号');
    expect(missing.entries).toEqual([]);
  });

  it('splits drafting units in order, one entry each, and checks dates', () => {
    const table = [
      ['标准号', '标准名称', '发布日期', '实施日期', '起草单位'],
      ['GB/T 1-2023', '甲', '2023年3月1日', '2023/10/01', '郑州甲有限公司、郑州乙有限公司；郑州丙研究院'],
      ['GB/T 2-2023', '乙', '2023-02-30', '', '郑州甲有限公司'],
    ];
    const list = parseTable('published_standard', 'csv', table, normalizeName);
    expect(list.entries.map((e) => [e.rowNumber, e.partyRank, e.partyName])).toEqual([
      [2, 1, '郑州甲有限公司'],
      [2, 2, '郑州乙有限公司'],
      [2, 3, '郑州丙研究院'],
    ]);
    expect(list.entries[0].fields).toMatchObject({ publishedOn: '2023-03-01', effectiveOn: '2023-10-01' });
    expect(list.rejected).toEqual([{ rowNumber: 3, reason: { zh: '发布日期“2023-02-30”不是有效日期', en: 'publication date "2023-02-30" is not a valid date' }, cells: table[2] }]);
  });

  it('refuses a malformed credit code and keeps a good one', () => {
    const table = [
      ['企业名称', '统一社会信用代码', '等级', '证书编号'],
      ['甲有限公司', '91410100MA44ABCD1X', 'AAAA', 'C-1'],
      ['乙有限公司', '12345', 'AAA', 'C-2'],
    ];
    const list = parseTable('good_conduct_certificate', 'csv', table, normalizeName);
    expect(list.entries[0].creditCode).toBe('91410100MA44ABCD1X');
    expect(list.rejected.map((r) => r.rowNumber)).toEqual([3]);
  });

  it('gives the same entry the same key whatever its row number or width form', () => {
    const a = parseTable('leader_list', 'csv', [header, ['面粉', '1', '中粮（郑州）粮油工业有限公司', 'Q/ZLLG 0006S-2022', '烩面专用小麦粉', '河南工业大学']], normalizeName);
    const b = parseTable('leader_list', 'csv', [['标题'], header, ['面粉', '1', '中粮(郑州)粮油工业有限公司', 'Q/ZLLG 0006S-2022', '烩面专用小麦粉', '河南工业大学']], normalizeName);
    expect(a.entries[0].rowKey).toBe(b.entries[0].rowKey);
    expect(a.entries[0].rowNumber).not.toBe(b.entries[0].rowNumber);
  });
});

describe('reading files', () => {
  it('reads CSV as UTF-8 with a BOM, without one, and as GB18030', () => {
    const text = '企业名称,标准编号\r\n"甲,有限公司",Q/A 1\r\n';
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    expect(decodeText(Buffer.from(text))).toBe(text);
    const gb = Buffer.from([0xc6, 0xf3, 0xd2, 0xb5, 0xc3, 0xfb, 0xb3, 0xc6]); // 企业名称 in GB18030
    expect(decodeText(gb)).toBe('企业名称');
    expect(parseCsv(text)).toEqual([['企业名称', '标准编号'], ['甲,有限公司', 'Q/A 1']]);
  });

  it('reads an xlsx with a merged 产品类别 cell and a date cell, row numbers as in Excel', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['2022年名单']);
    sheet.addRow(['产品类别', '序号', '企业名称', '企业标准编号', '标准名称', '评估机构']);
    sheet.addRow(['专用小麦粉', 17, '中粮(郑州)粮油工业有限公司', 'Q/ZLLG 0006S-2022', '烩面专用小麦粉', '河南工业大学']);
    sheet.addRow([null, 18, '中粮(郑州)粮油工业有限公司', 'Q/ZLLG 0007S-2022', '饺子专用小麦粉', null]);
    sheet.mergeCells('A3:A4');
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(formatOf('名单.xlsx', bytes)).toBe('xlsx');
    const list = await parse('leader_list', '名单.xlsx', bytes);
    expect(list.entries.map((e) => [e.rowNumber, e.fields.productCategory, e.fields.assessor, e.fields.standardCode])).toEqual([
      [3, '专用小麦粉', '河南工业大学', 'Q/ZLLG 0006S-2022'],
      [4, '专用小麦粉', '河南工业大学', 'Q/ZLLG 0007S-2022'],
    ]);
  });

  it('reads list dates in the forms lists use', () => {
    expect(['2022-10-12', '2022/10/12', '2022.10.12', '2022年10月12日', '20221012'].map(parseListDate)).toEqual(Array(5).fill('2022-10-12'));
    expect(parseListDate('2022-13-01')).toBeNull();
  });
});
