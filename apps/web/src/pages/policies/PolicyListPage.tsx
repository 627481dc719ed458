import PlusOutlined from '@ant-design/icons/PlusOutlined';
import { Button, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ListPage } from '../../components/ListPage';
import { TONE } from '../../components/tones';
import { formatDate, formatInstant } from '../../format/dates';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { NewDraftModal } from './NewDraftModal';
import { InForceVersions } from './PoliciesPage';
import { fetchVersions, PolicyVersionState, PolicyVersionSummary } from './policy-api';

const messages = defineMessages({
  zh: {
    title: '政策版本',
    inForce: '现行有效',
    draft: '草稿',
    submitted: '待审核',
    returned: '已退回',
    all: '全部',
    newDraft: '新建草稿',
    listTitle: '{tab}的政策版本',
    name: '标题',
    id: '版本编号',
    state: '状态',
    validity: '有效期',
    validityValue: '{from} 至 {to}',
    noEnd: '长期有效',
    author: '起草人',
    reviewer: '审核人',
    basedOn: '基于',
    updated: '最近修改',
    inForceTag: '现行有效',
  },
  en: {
    title: 'Policy versions',
    inForce: 'In force',
    draft: 'Drafts',
    submitted: 'Awaiting review',
    returned: 'Returned',
    all: 'All',
    newDraft: 'New draft',
    listTitle: 'Policy versions: {tab}',
    name: 'Title',
    id: 'Version',
    state: 'Status',
    validity: 'Validity',
    validityValue: '{from} to {to}',
    noEnd: 'no end date',
    author: 'Drafted by',
    reviewer: 'Reviewed by',
    basedOn: 'Based on',
    updated: 'Last changed',
    inForceTag: 'In force',
  },
});

type TabKey = 'inForce' | 'draft' | 'submitted' | 'returned' | 'all';
const STATE_OF: Record<Exclude<TabKey, 'inForce'>, PolicyVersionState | undefined> = { draft: 'draft', submitted: 'submitted', returned: 'returned', all: undefined };

/** 政策版本: the versions in force with their items, then drafts, versions awaiting review, returned ones and all, paged. */
export default function PolicyListPage() {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const [search, setSearch] = useSearchParams();
  const tab = (search.get('tab') ?? 'inForce') as TabKey;
  const creating = search.get('new') === '1';
  const basedOnId = search.get('basedOn') ?? undefined;

  const setParams = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    setSearch(next);
  };

  const columns: ColumnsType<PolicyVersionSummary> = useMemo(
    () => [
      { title: t('name'), key: 'title', render: (_, row) => <Link to={`/policies/versions/${row.id}`}>{row.title}</Link> },
      { title: t('id'), key: 'policyId', render: (_, row) => row.policyId },
      {
        title: t('state'),
        key: 'state',
        render: (_, row) => (
          <Space size={4}>
            <Tag color={row.state === 'published' ? TONE.success : row.state === 'returned' ? TONE.warning : row.state === 'submitted' ? TONE.processing : TONE.neutral}>{label('policyVersionState', row.state)}</Tag>
            {row.inForceToday && <Tag color={TONE.success}>{t('inForceTag')}</Tag>}
          </Space>
        ),
      },
      {
        title: t('validity'),
        key: 'validity',
        render: (_, row) => (row.effectiveFrom ? t('validityValue', { from: formatDate(row.effectiveFrom, locale), to: row.effectiveTo ? formatDate(row.effectiveTo, locale) : t('noEnd') }) : '—'),
      },
      { title: t('basedOn'), key: 'basedOn', render: (_, row) => row.basedOn?.policyId ?? '—' },
      { title: t('author'), key: 'author', render: (_, row) => row.authorName },
      { title: t('reviewer'), key: 'reviewer', render: (_, row) => row.reviewerName ?? '—' },
      { title: t('updated'), key: 'updatedAt', render: (_, row) => formatInstant(row.updatedAt, locale) },
    ],
    [t, label, locale],
  );

  const listFor = (key: Exclude<TabKey, 'inForce'>) => (
    <ListPage<PolicyVersionSummary>
      headingLevel={2}
      title={t('listTitle', { tab: t(key) })}
      queryKey={['policy-versions', key]}
      columns={columns}
      rowKey={(row) => row.id}
      fetchPage={(params) => fetchVersions({ state: STATE_OF[key], page: params.page, pageSize: params.pageSize })}
    />
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('title')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setParams({ new: '1' })}>{t('newDraft')}</Button>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch(key === 'inForce' ? {} : { tab: key })}
        items={[
          { key: 'inForce', label: t('inForce'), children: <InForceVersions /> },
          { key: 'draft', label: t('draft'), children: listFor('draft') },
          { key: 'submitted', label: t('submitted'), children: listFor('submitted') },
          { key: 'returned', label: t('returned'), children: listFor('returned') },
          { key: 'all', label: t('all'), children: listFor('all') },
        ]}
        destroyOnHidden
      />
      <NewDraftModal open={creating} basedOnId={basedOnId} onClose={() => setParams({ new: undefined, basedOn: undefined })} />
    </Space>
  );
}
