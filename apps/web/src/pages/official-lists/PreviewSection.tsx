import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { TONE } from '../../components/tones';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import type { ListPreview } from './official-lists-api';
import { ScrollTable } from './ScrollTable';

const messages = defineMessages({
  zh: {
    summary: '文件解析结果',
    format: '文件格式',
    headerRow: '表头所在行',
    rowsRead: '读取数据行',
    entries: '可导入条目',
    rejectedCount: '无法读取的行',
    row: '第 {n} 行',
    none: '未找到',
    problems: '文件存在以下问题，不能导入：',
    missing: '缺少必填列：{columns}',
    mapping: '列对应关系',
    field: '名单字段',
    header: '文件中的表头',
    column: '所在列',
    required: '必填',
    optional: '选填',
    unmapped: '文件中未找到的选填列：{columns}',
    first: '前 {count} 条（按解析结果，空白单元格已按上一行补齐）',
    rowNumber: '行号',
    rank: '位次',
    rankValue: '第 {n} 位',
    rejected: '无法读取的行（导入时将逐行记录原因）',
    reason: '原因',
    cells: '该行内容',
    mappingTable: '列对应关系表',
    rowsTable: '解析结果预览表',
    rejectedTable: '无法读取的行',
    more: '另有 {count} 行无法读取未在此列出，导入后可在“无法读取”中查看全部。',
  },
  en: {
    summary: 'What the file holds',
    format: 'Format',
    headerRow: 'Header row',
    rowsRead: 'Data rows read',
    entries: 'Entries to import',
    rejectedCount: 'Unreadable rows',
    row: 'row {n}',
    none: 'Not found',
    problems: 'The file cannot be imported:',
    missing: 'Required columns missing: {columns}',
    mapping: 'Columns',
    field: 'List field',
    header: 'Header in the file',
    column: 'Column',
    required: 'Required',
    optional: 'Optional',
    unmapped: 'Optional columns not in the file: {columns}',
    first: 'The first {count} entries as read (blank cells carry the value above)',
    rowNumber: 'Row',
    rank: 'Place',
    rankValue: 'No. {n}',
    rejected: 'Unreadable rows (each is recorded with its reason on import)',
    reason: 'Reason',
    cells: 'The row as read',
    mappingTable: 'Columns table',
    rowsTable: 'Entries as read',
    rejectedTable: 'Unreadable rows',
    more: '{count} more unreadable rows are not listed here; after the import, the Unreadable tab lists them all.',
  },
});

/** 0-based column → the letter a spreadsheet shows (0 → A, 26 → AA). */
function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

type Entry = ListPreview['rows'][number];
type Rejected = ListPreview['rejected'][number];
type Column = ListPreview['mapping'][number];

/** 预览: the columns found for the kind, the first entries as parsed, and every refused row with its number and reason. */
export function PreviewSection({ preview }: { preview: ListPreview }) {
  const t = useT(messages);
  const locale = useLocale();
  const word = (zh: string, en: string) => (locale === 'zh' ? zh : en);
  const missing = preview.unmapped.filter((column) => column.required);
  const optional = preview.unmapped.filter((column) => !column.required);
  const ranked = preview.rows.some((row) => row.partyRank !== null);

  const mappingColumns: ColumnsType<Column> = [
    { key: 'field', title: t('field'), render: (_, c) => word(c.labelZh, c.labelEn) },
    { key: 'header', title: t('header'), render: (_, c) => c.header },
    { key: 'column', title: t('column'), render: (_, c) => columnLetter(c.column) },
    { key: 'required', title: t('required'), render: (_, c) => (c.required ? t('required') : t('optional')) },
  ];
  const entryColumns: ColumnsType<Entry> = [
    { key: 'rowNumber', title: t('rowNumber'), render: (_, e) => e.rowNumber },
    ...(ranked ? [{ key: 'rank', title: t('rank'), render: (_: unknown, e: Entry) => (e.partyRank === null ? '—' : t('rankValue', { n: e.partyRank })) }] : []),
    ...preview.mapping.map((c) => ({ key: c.field, title: word(c.labelZh, c.labelEn), render: (_: unknown, e: Entry) => e.fields[c.field] ?? '' })),
  ];
  const rejectedColumns: ColumnsType<Rejected> = [
    { key: 'rowNumber', title: t('rowNumber'), render: (_, r) => r.rowNumber },
    { key: 'reason', title: t('reason'), render: (_, r) => word(r.reason.zh, r.reason.en) },
    { key: 'cells', title: t('cells'), render: (_, r) => r.cells.filter((cell) => cell !== '').join(' ｜ ') },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {(preview.problems.length > 0 || missing.length > 0) && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t('problems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {missing.length > 0 && <li>{t('missing', { columns: missing.map((c) => word(c.labelZh, c.labelEn)).join(locale === 'zh' ? '、' : ', ') })}</li>}
              {preview.problems.map((problem) => <li key={problem.zh}>{word(problem.zh, problem.en)}</li>)}
            </ul>
          }
        />
      )}
      <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('summary')}</Typography.Title>}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'format', label: t('format'), children: preview.format ? preview.format.toUpperCase() : t('none') },
            { key: 'headerRow', label: t('headerRow'), children: preview.headerRow === null ? t('none') : t('row', { n: preview.headerRow }) },
            { key: 'rowsRead', label: t('rowsRead'), children: preview.rowsRead },
            { key: 'entries', label: t('entries'), children: preview.entries },
            {
              key: 'rejected',
              label: t('rejectedCount'),
              children: preview.rejectedCount > 0 ? <Tag color={TONE.warning}>{preview.rejectedCount}</Tag> : preview.rejectedCount,
            },
          ]}
        />
      </Card>
      <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('mapping')}</Typography.Title>}>
        <ScrollTable<Column> label={t('mappingTable')} rowKey={(c) => c.field} columns={mappingColumns} dataSource={preview.mapping} pagination={false} />
        {optional.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('unmapped', { columns: optional.map((c) => word(c.labelZh, c.labelEn)).join(locale === 'zh' ? '、' : ', ') })}
          </Typography.Paragraph>
        )}
      </Card>
      {preview.rows.length > 0 && (
        <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('first', { count: preview.rows.length })}</Typography.Title>}>
          <ScrollTable<Entry> label={t('rowsTable')} rowKey={(e) => `${e.rowNumber}/${e.partyRank ?? 0}`} columns={entryColumns} dataSource={preview.rows} pagination={false} />
        </Card>
      )}
      {preview.rejected.length > 0 && (
        <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('rejected')}</Typography.Title>}>
          <ScrollTable<Rejected> label={t('rejectedTable')} rowKey={(r) => String(r.rowNumber)} columns={rejectedColumns} dataSource={preview.rejected} pagination={false} />
          {preview.rejectedCount > preview.rejected.length && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('more', { count: preview.rejectedCount - preview.rejected.length })}</Typography.Paragraph>
          )}
        </Card>
      )}
    </Space>
  );
}
