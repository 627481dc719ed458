import PlusOutlined from '@ant-design/icons/PlusOutlined';
import { useQuery } from '@tanstack/react-query';
import { Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrapPage } from '../../api/client';
import type { ProgramListQuery } from '../../api/types';
import { FilterField, ListPage, ListParams } from '../../components/ListPage';
import { formatInstant } from '../../format/dates';
import { formatYuan } from '../../format/money';
import { LABELS, useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { fetchPolicies } from './api';
import type { ProgramView } from './types';

const messages = defineMessages({
  zh: {
    title: '资助项目',
    create: '新增项目',
    name: '项目名称',
    policy: '政策依据',
    year: '年度',
    status: '状态',
    window: '申报时间',
    budget: '预算（元）',
    searchTitle: '项目名称',
    titlePlaceholder: '输入名称中的文字',
    yearPlaceholder: '如 2024',
    to: '至',
  },
  en: {
    title: 'Programs',
    create: 'New program',
    name: 'Program',
    policy: 'Policy',
    year: 'Year',
    status: 'Status',
    window: 'Application window',
    budget: 'Budget (yuan)',
    searchTitle: 'Title',
    titlePlaceholder: 'Part of the title',
    yearPlaceholder: 'e.g. 2024',
    to: 'to',
  },
});

/** The program officer's programs: search by title, status and year over a server-paged table; 新增 starts one from the text. */
export default function ProgramsListPage() {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const navigate = useNavigate();
  const policies = useQuery({ queryKey: ['policies'], queryFn: fetchPolicies, staleTime: 300_000 });
  const policyTitle = (id: string) => policies.data?.find((p) => p.id === id)?.title ?? '—';

  const filters: FilterField[] = [
    { name: 'q', label: t('searchTitle'), kind: 'text', placeholder: t('titlePlaceholder') },
    { name: 'status', label: t('status'), kind: 'select', options: Object.keys(LABELS.programStatus).map((value) => ({ value, label: label('programStatus', value) })) },
    { name: 'year', label: t('year'), kind: 'text', placeholder: t('yearPlaceholder') },
  ];

  const columns: ColumnsType<ProgramView> = [
    { key: 'title', title: t('name'), sorter: true, render: (_, row) => <Link to={`/programs/${row.id}`}>{row.title}</Link> },
    { key: 'policy', title: t('policy'), render: (_, row) => policyTitle(row.policyId) },
    { key: 'year', title: t('year'), dataIndex: 'year', sorter: true },
    { key: 'status', title: t('status'), sorter: true, render: (_, row) => <Tag>{label('programStatus', row.status)}</Tag> },
    {
      key: 'opensAt',
      title: t('window'),
      sorter: true,
      render: (_, row) => (
        <>
          {formatInstant(row.window.opensAt, locale)}
          <br />
          {`${t('to')} ${formatInstant(row.window.closesAt, locale)}`}
        </>
      ),
    },
    { key: 'budgetTotalFen', title: t('budget'), align: 'right', sorter: true, render: (_, row) => formatYuan(row.budget.totalFen) },
  ];

  const fetchPage = async (params: ListParams) => {
    const year = /^\d{4}$/.test(params.filters.year ?? '') ? Number(params.filters.year) : undefined;
    return unwrapPage(
      await api.GET('/api/v1/programs', {
        params: {
          query: {
            page: params.page,
            pageSize: params.pageSize,
            sort: params.sort as ProgramListQuery['sort'],
            q: params.filters.q,
            status: params.filters.status as ProgramListQuery['status'],
            year,
          },
        },
      }),
    );
  };

  return (
    <ListPage<ProgramView>
      title={t('title')}
      queryKey={['programs', locale]}
      columns={columns}
      fetchPage={fetchPage}
      rowKey={(row) => row.id}
      filters={filters}
      toolbar={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/programs/new')}>
          {t('create')}
        </Button>
      }
    />
  );
}
