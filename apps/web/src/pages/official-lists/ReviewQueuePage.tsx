import { useQueryClient } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ListPage, ListParams } from '../../components/ListPage';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { fetchReviewQueue, ReviewRow } from './official-lists-api';
import { ResolveRowModal } from './ResolveRowModal';

const messages = defineMessages({
  zh: {
    title: '名单待核对',
    intro: '以下条目所列名称与本地区单位相近但不完全一致，系统不作推测，请逐条核对后认定。',
    list: '所属名单',
    kind: '名单类型',
    rowNumber: '行号',
    party: '名单所列名称',
    candidates: '相近的本地区单位及原因',
    candidate: '{name}：{reason}',
    action: '操作',
    resolve: '核对',
    resolveRow: '核对第 {n} 行：{name}',
  },
  en: {
    title: 'List entries to review',
    intro: 'These entries name an organization close to, but not the same as, one registered here; nothing is guessed: decide each.',
    list: 'List',
    kind: 'Kind',
    rowNumber: 'Row',
    party: 'Name in the list',
    candidates: 'Near organizations here, and why',
    candidate: '{name}: {reason}',
    action: 'Action',
    resolve: 'Review',
    resolveRow: 'Review row {n}: {name}',
  },
});

/** 待核对: every near match across the imports, with its candidates and why each is near; decided one by one. */
export default function ReviewQueuePage() {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [resolving, setResolving] = useState<ReviewRow>();

  const columns: ColumnsType<ReviewRow> = [
    { key: 'list', title: t('list'), render: (_, row) => <Link to={`/official-lists/${row.listId}?tab=review`}>{row.listTitle}</Link> },
    { key: 'kind', title: t('kind'), render: (_, row) => label('officialListKind', row.listKind) },
    { key: 'rowNumber', title: t('rowNumber'), render: (_, row) => row.rowNumber },
    { key: 'party', title: t('party'), render: (_, row) => row.partyName ?? '—' },
    {
      key: 'candidates',
      title: t('candidates'),
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          {row.candidates.map((c) => <Typography.Text key={c.organizationId}>{t('candidate', { name: c.name, reason: locale === 'zh' ? c.reasonZh : c.reasonEn })}</Typography.Text>)}
        </Space>
      ),
    },
    {
      key: 'action',
      title: t('action'),
      fixed: 'right',
      render: (_, row) => (
        <Button size="small" autoInsertSpace={false} type="primary" onClick={() => setResolving(row)} aria-label={t('resolveRow', { n: row.rowNumber, name: row.partyName ?? '' })}>
          {t('resolve')}
        </Button>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('intro')}</Typography.Paragraph>
      <ListPage<ReviewRow>
        title={t('title')}
        queryKey={['official-list-review', locale]}
        columns={columns}
        fetchPage={(params: ListParams) => fetchReviewQueue({ page: params.page, pageSize: params.pageSize })}
        rowKey={(row) => row.id}
      />
      {resolving && (
        <ResolveRowModal
          row={resolving}
          listTitle={resolving.listTitle}
          onClose={() => setResolving(undefined)}
          onResolved={() => {
            setResolving(undefined);
            void queryClient.invalidateQueries({ queryKey: ['official-list-review'] });
            void queryClient.invalidateQueries({ queryKey: ['official-list', resolving.listId] });
            void queryClient.invalidateQueries({ queryKey: ['official-lists'] });
          }}
        />
      )}
    </Space>
  );
}
