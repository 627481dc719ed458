import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams } from 'react-router-dom';
import { api, unwrapPage } from '../../api/client';
import type { PublicPublicityListQuery } from '../../api/types';
import { ListPage } from '../../components/ListPage';
import { formatDate } from '../../format/dates';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { PublicFrame } from './PublicFrame';
import { PublicitySummary, useTenantName } from './public-api';

const messages = defineMessages({
  zh: {
    title: '{tenant}标准化资助公示',
    fallbackTenant: '本地区',
    intro: '以下为本地区已发布的资助公示。点击项目名称查看公示名单、公示期限和异议方式。',
    program: '项目名称',
    year: '年度',
    period: '公示期',
    status: '状态',
    to: '至',
    keyword: '项目名称',
    keywordHint: '输入项目名称中的文字',
    statusFilter: '公示状态',
  },
  en: {
    title: '{tenant}: subsidy public notices',
    fallbackTenant: 'This government',
    intro: 'The public notices of this government. Open a program to read its list, the notice period and how to object.',
    program: 'Program',
    year: 'Year',
    period: 'Notice period',
    status: 'Status',
    to: 'to',
    keyword: 'Program',
    keywordHint: 'Words of the program title',
    statusFilter: 'Status',
  },
});

/** A government's publicities, newest first, paged and filtered on the server with the page in the URL. */
export default function PublicPublicitiesPage() {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const { tenantId = '' } = useParams();
  const tenantName = useTenantName(tenantId, locale);
  const title = t('title', { tenant: tenantName ?? t('fallbackTenant') });

  const columns: ColumnsType<PublicitySummary> = [
    {
      key: 'programTitle',
      title: t('program'),
      dataIndex: 'programTitle',
      sorter: true,
      render: (_value, row) => <Link to={`/public/${encodeURIComponent(tenantId)}/publicities/${row.id}`}>{row.programTitle}</Link>,
    },
    { key: 'programYear', title: t('year'), dataIndex: 'programYear', sorter: true },
    { key: 'startsOn', title: t('period'), sorter: true, render: (_value, row) => `${formatDate(row.startsOn, locale)} ${t('to')} ${formatDate(row.endsOn, locale)}` },
    {
      key: 'status',
      title: t('status'),
      render: (_value, row) => <Tag color={row.status === 'open' ? 'blue' : 'default'}>{label('publicityStatus', row.status)}</Tag>,
    },
  ];

  return (
    <PublicFrame crumbs={[{ title: tenantName ?? t('fallbackTenant') }]}>
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      <ListPage<PublicitySummary>
        title={title}
        queryKey={['public-publicities', tenantId]}
        columns={columns}
        rowKey={(row) => row.id}
        filters={[
          { name: 'q', label: t('keyword'), kind: 'text', placeholder: t('keywordHint') },
          { name: 'status', label: t('statusFilter'), kind: 'select', options: (['open', 'closed'] as const).map((value) => ({ value, label: label('publicityStatus', value) })) },
        ]}
        fetchPage={async (params) =>
          unwrapPage(
            await api.GET('/api/v1/public/tenants/{tenantId}/publicities', {
              params: {
                path: { tenantId },
                query: {
                  page: params.page,
                  pageSize: params.pageSize,
                  sort: params.sort as PublicPublicityListQuery['sort'],
                  q: params.filters.q,
                  status: params.filters.status as PublicPublicityListQuery['status'],
                },
              },
            }),
          )
        }
      />
    </PublicFrame>
  );
}
