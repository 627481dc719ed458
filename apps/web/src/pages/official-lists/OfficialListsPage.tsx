import AuditOutlined from '@ant-design/icons/AuditOutlined';
import UploadOutlined from '@ant-design/icons/UploadOutlined';
import { useQuery } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { FilterField, ListPage, ListParams } from '../../components/ListPage';
import { formatDate } from '../../format/dates';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { ListStatus } from './list-status';
import { fetchLists, fetchReviewQueue, LIST_KINDS, ListKind, ListSort, OfficialList } from './official-lists-api';

const messages = defineMessages({
  zh: {
    title: '免申即享名单',
    import: '导入名单',
    review: '待核对（{count}）',
    name: '名单标题',
    kind: '名单类型',
    listDate: '发布日期',
    status: '状态',
    rowsRead: '读取行数',
    matched: '已匹配',
    inReview: '待核对',
    unregistered: '未注册',
    rejected: '无法读取',
  },
  en: {
    title: 'Official lists',
    import: 'Import a list',
    review: 'To review ({count})',
    name: 'Title',
    kind: 'Kind',
    listDate: 'List date',
    status: 'Status',
    rowsRead: 'Rows read',
    matched: 'Matched',
    inReview: 'To review',
    unregistered: 'Not registered',
    rejected: 'Unreadable',
  },
});

/** 免申即享: the official lists imported, newest first, each with its progress and what its rows became. */
export default function OfficialListsPage() {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const navigate = useNavigate();
  const queue = useQuery({ queryKey: ['official-list-review', 'count'], queryFn: () => fetchReviewQueue({ page: 1, pageSize: 1 }) });

  const filters: FilterField[] = [{ name: 'kind', label: t('kind'), kind: 'select', options: LIST_KINDS.map((value) => ({ value, label: label('officialListKind', value) })) }];
  const count = (key: string, title: string, pick: (row: OfficialList) => number) => ({ key, title, align: 'right' as const, render: (_: unknown, row: OfficialList) => pick(row) });
  const columns: ColumnsType<OfficialList> = [
    { key: 'title', title: t('name'), sorter: true, render: (_, row) => <Link to={`/official-lists/${row.id}`}>{row.title}</Link> },
    { key: 'kind', title: t('kind'), render: (_, row) => label('officialListKind', row.kind) },
    { key: 'listDate', title: t('listDate'), sorter: true, render: (_, row) => formatDate(row.listDate, locale) },
    { key: 'status', title: t('status'), render: (_, row) => <ListStatus list={row} /> },
    count('rowsRead', t('rowsRead'), (row) => row.counts.rowsRead),
    count('matched', t('matched'), (row) => row.counts.matched),
    count('review', t('inReview'), (row) => row.counts.review),
    count('unregistered', t('unregistered'), (row) => row.counts.unregistered),
    count('rejected', t('rejected'), (row) => row.counts.rejected),
  ];

  const fetchPage = (params: ListParams) =>
    fetchLists({ page: params.page, pageSize: params.pageSize, sort: params.sort as ListSort, kind: params.filters.kind as ListKind | undefined });

  return (
    <ListPage<OfficialList>
      title={t('title')}
      queryKey={['official-lists', locale]}
      columns={columns}
      fetchPage={fetchPage}
      rowKey={(row) => row.id}
      filters={filters}
      toolbar={
        <Space wrap>
          <Button icon={<AuditOutlined />} onClick={() => navigate('/official-lists/review')}>{t('review', { count: queue.data?.total ?? 0 })}</Button>
          <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate('/official-lists/new')}>{t('import')}</Button>
        </Space>
      }
    />
  );
}
