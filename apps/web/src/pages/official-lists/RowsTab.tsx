import { Button, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ListPage, ListParams } from '../../components/ListPage';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { fetchRows, ListKind, ListRow, OfficialList, RowSort, RowStatus } from './official-lists-api';

const messages = defineMessages({
  zh: {
    matched: '已匹配的条目',
    review: '待核对的条目',
    unregistered: '尚未在本地区注册的单位（注册后自动匹配）',
    rejected: '无法读取的行',
    dismissed: '已排除的条目',
    rowNumber: '行号',
    rank: '位次',
    rankValue: '第 {n} 位',
    party: '名单所列名称',
    organization: '匹配单位',
    method: '匹配方式',
    note: '认定理由',
    candidates: '相近的本地区单位',
    candidate: '{name}：{reason}',
    reason: '原因',
    cells: '该行内容',
    action: '操作',
    resolve: '核对',
    resolveRow: '核对第 {n} 行',
  },
  en: {
    matched: 'Matched entries',
    review: 'Entries to review',
    unregistered: 'Not registered here yet (matched when they register)',
    rejected: 'Unreadable rows',
    dismissed: 'Dismissed entries',
    rowNumber: 'Row',
    rank: 'Place',
    rankValue: 'No. {n}',
    party: 'Name in the list',
    organization: 'Matched organization',
    method: 'Matched by',
    note: 'Reason',
    candidates: 'Near organizations here',
    candidate: '{name}: {reason}',
    reason: 'Reason',
    cells: 'The row as read',
    action: 'Action',
    resolve: 'Review',
    resolveRow: 'Review row {n}',
  },
});

/** The column naming the organization, shown once as 名单所列名称 rather than again among the list's own columns. */
const PARTY_FIELD: Record<ListKind, string> = {
  leader_list: 'enterpriseName',
  published_standard: 'draftingUnits',
  good_conduct_certificate: 'enterpriseName',
  tc_secretariat: 'secretariatUnit',
  innovation_award: 'unitName',
};

/** One status's entries of an import, by row number, with what each status needs beside it (never an internal id). */
export function RowsTab({ list, status, onResolve }: { list: OfficialList; status: RowStatus; onResolve: (row: ListRow) => void }) {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const ranked = list.kind === 'published_standard' || list.kind === 'innovation_award';
  const listColumns = list.mapping
    .filter((column) => column.field !== PARTY_FIELD[list.kind as ListKind] && column.field !== 'creditCode')
    .map((column) => ({ key: `field:${column.field}`, title: column.header, render: (_: unknown, row: ListRow) => row.fields[column.field] ?? '' }));

  const columns: ColumnsType<ListRow> = [
    { key: 'rowNumber', title: t('rowNumber'), sorter: true, render: (_, row) => row.rowNumber },
    ...(ranked ? [{ key: 'rank', title: t('rank'), render: (_: unknown, row: ListRow) => (row.partyRank === null ? '—' : t('rankValue', { n: row.partyRank })) }] : []),
  ];
  if (status === 'rejected') {
    columns.push(
      { key: 'reason', title: t('reason'), render: (_, row) => (locale === 'zh' ? row.reasonZh : row.reasonEn) ?? '—' },
      { key: 'cells', title: t('cells'), render: (_, row) => (row.cells ?? []).filter((cell) => cell !== '').join(' ｜ ') },
    );
  } else {
    columns.push({ key: 'partyName', title: t('party'), sorter: true, render: (_, row) => row.partyName ?? '—' });
    if (status === 'matched') {
      columns.push(
        { key: 'organization', title: t('organization'), render: (_, row) => row.organizationName ?? '—' },
        { key: 'method', title: t('method'), render: (_, row) => label('listMatchMethod', row.matchMethod) },
      );
    }
    if (status === 'review') {
      columns.push({
        key: 'candidates',
        title: t('candidates'),
        render: (_, row) => (
          <Space direction="vertical" size={0}>
            {row.candidates.map((c) => <Typography.Text key={c.organizationId}>{t('candidate', { name: c.name, reason: locale === 'zh' ? c.reasonZh : c.reasonEn })}</Typography.Text>)}
          </Space>
        ),
      });
    }
    columns.push(...listColumns);
    if (status === 'matched' || status === 'dismissed') columns.push({ key: 'note', title: t('note'), render: (_, row) => row.resolutionNote ?? '—' });
    if (status === 'review' || status === 'unregistered') {
      columns.push({
        key: 'action',
        title: t('action'),
        fixed: 'right',
        render: (_, row) =>
          status === 'review' || row.candidates.length > 0 ? (
            <Button size="small" autoInsertSpace={false} onClick={() => onResolve(row)} aria-label={t('resolveRow', { n: row.rowNumber })}>{t('resolve')}</Button>
          ) : null,
      });
    }
  }

  const fetchPage = (params: ListParams) => fetchRows(list.id, { page: params.page, pageSize: params.pageSize, sort: params.sort as RowSort, status });

  return (
    <ListPage<ListRow>
      title={t(status)}
      headingLevel={2}
      // The counts move while the job runs and after a decision: the page follows them.
      queryKey={['official-list-rows', list.id, status, locale, list.itemsDone, list.counts[status]]}
      columns={columns}
      fetchPage={fetchPage}
      rowKey={(row) => row.id}
    />
  );
}
