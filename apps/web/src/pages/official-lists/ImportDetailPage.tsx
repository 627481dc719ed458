import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Progress, Space, Spin, Statistic, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatInstant } from '../../format/dates';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { ListStatus } from './list-status';
import { fetchList, ListRow, ROW_STATUSES, RowStatus } from './official-lists-api';
import { ResolveRowModal } from './ResolveRowModal';
import { RowsTab } from './RowsTab';

const messages = defineMessages({
  zh: {
    kind: '名单类型',
    listDate: '发布日期',
    sourceRef: '发布机关及文号',
    fileName: '文件',
    status: '状态',
    createdAt: '导入时间',
    completedAt: '完成时间',
    progress: '导入进度',
    progressLabel: '已处理 {done} / {total} 条',
    counts: '导入结果',
    rowsRead: '读取行数',
    matched: '已匹配',
    review: '待核对',
    unregistered: '未注册',
    rejected: '无法读取',
    dismissed: '已排除',
    tab: '{label}（{count}）',
    failed: '导入未能完成：{reason}',
    queue: '前往待核对队列',
    back: '返回名单列表',
  },
  en: {
    kind: 'Kind',
    listDate: 'List date',
    sourceRef: 'Issuing office and document number',
    fileName: 'File',
    status: 'Status',
    createdAt: 'Imported',
    completedAt: 'Completed',
    progress: 'Progress',
    progressLabel: '{done} of {total} entries processed',
    counts: 'Results',
    rowsRead: 'Rows read',
    matched: 'Matched',
    review: 'To review',
    unregistered: 'Not registered',
    rejected: 'Unreadable',
    dismissed: 'Dismissed',
    tab: '{label} ({count})',
    failed: 'The import did not complete: {reason}',
    queue: 'Open the review queue',
    back: 'Back to the lists',
  },
});

/** One import: what the list is, the job's progress (followed while it runs), and its entries by status in tabs. */
export default function ImportDetailPage() {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const queryClient = useQueryClient();
  const [resolving, setResolving] = useState<ListRow>();
  const list = useQuery({
    queryKey: ['official-list', id],
    queryFn: () => fetchList(id),
    // The import is a job: while it runs the page asks again each second for its progress and counts.
    refetchInterval: (query) => (query.state.data?.status === 'importing' ? 1000 : false),
  });

  // What the job did changes the lists' counts and the review queue: those screens ask again when next shown.
  const progress = list.data ? `${list.data.status}/${list.data.itemsDone}/${JSON.stringify(list.data.counts)}` : '';
  useEffect(() => {
    if (!progress) return;
    void queryClient.invalidateQueries({ queryKey: ['official-lists'] });
    void queryClient.invalidateQueries({ queryKey: ['official-list-review'] });
  }, [progress, queryClient]);

  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return <Spin />;
  const l = list.data;
  const tabParam = search.get('tab');
  const tab: RowStatus = ROW_STATUSES.includes(tabParam as RowStatus) ? (tabParam as RowStatus) : 'matched';
  const total = l.itemsTotal ?? 0;
  const percent = total > 0 ? Math.floor((l.itemsDone * 100) / total) : l.status === 'completed' ? 100 : 0;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap align="center">
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{l.title}</Typography.Title>
          <ListStatus list={l} />
        </Space>
        <Space wrap>
          {l.counts.review > 0 && <Link to="/official-lists/review">{t('queue')}</Link>}
          <Link to="/official-lists">{t('back')}</Link>
        </Space>
      </Space>
      {l.status === 'failed' && <Alert type="error" showIcon role="alert" message={t('failed', { reason: l.failure ?? '—' })} />}
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'kind', label: t('kind'), children: label('officialListKind', l.kind) },
            { key: 'listDate', label: t('listDate'), children: formatDate(l.listDate, locale) },
            { key: 'sourceRef', label: t('sourceRef'), children: l.sourceRef },
            { key: 'fileName', label: t('fileName'), children: l.fileName },
            { key: 'createdAt', label: t('createdAt'), children: formatInstant(l.createdAt, locale) },
            { key: 'completedAt', label: t('completedAt'), children: formatInstant(l.completedAt, locale) },
          ]}
        />
      </Card>
      <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('counts')}</Typography.Title>}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <div role="status" aria-live="polite">
            <Typography.Text>{t('progress')}：{l.itemsTotal === null ? label('officialListStatus', l.status) : t('progressLabel', { done: l.itemsDone, total })}</Typography.Text>
            <Progress percent={percent} status={l.status === 'failed' ? 'exception' : l.status === 'importing' ? 'active' : 'success'} aria-label={t('progress')} />
          </div>
          <Space size="large" wrap>
            <Statistic title={t('rowsRead')} value={l.counts.rowsRead} />
            <Statistic title={t('matched')} value={l.counts.matched} />
            <Statistic title={t('review')} value={l.counts.review} />
            <Statistic title={t('unregistered')} value={l.counts.unregistered} />
            <Statistic title={t('rejected')} value={l.counts.rejected} />
            <Statistic title={t('dismissed')} value={l.counts.dismissed} />
          </Space>
        </Space>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch(key === 'matched' ? {} : { tab: key })}
        destroyOnHidden
        items={ROW_STATUSES.map((status) => ({
          key: status,
          label: t('tab', { label: label('officialListRowStatus', status), count: l.counts[status] }),
          children: <RowsTab list={l} status={status} onResolve={setResolving} />,
        }))}
      />
      {resolving && (
        <ResolveRowModal
          row={resolving}
          listTitle={l.title}
          onClose={() => setResolving(undefined)}
          onResolved={() => {
            setResolving(undefined);
            void queryClient.invalidateQueries({ queryKey: ['official-list', id] });
            void queryClient.invalidateQueries({ queryKey: ['official-list-rows', id] });
            void queryClient.invalidateQueries({ queryKey: ['official-list-review'] });
          }}
        />
      )}
    </Space>
  );
}
