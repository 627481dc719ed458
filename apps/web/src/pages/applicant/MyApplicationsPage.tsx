import { useQuery } from '@tanstack/react-query';
import { Button, Space, Tag, Typography } from 'antd';
import { TONE } from '../../components/tones';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router-dom';
import { ListPage } from '../../components/ListPage';
import { formatDate, formatInstant } from '../../format/dates';
import { formatYuan } from '../../format/money';
import { LABELS, useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import type { ApplicationSummary } from '../../api/types';
import { myApplications, programsById } from './applicant-api';

const messages = defineMessages({
  zh: {
    title: '我的申报',
    program: '申报项目',
    status: '状态',
    due: '补正截止 {date}',
    estimate: '测算金额（元）',
    decided: '核定金额（元）',
    submitted: '提交时间',
    updated: '最近修改',
    actions: '操作',
    open: '查看',
    edit: '继续填写',
    correct: '去补正',
    apply: '申报新项目',
  },
  en: {
    title: 'My applications',
    program: 'Program',
    status: 'Status',
    due: 'Correct by {date}',
    estimate: 'Estimate (yuan)',
    decided: 'Decided (yuan)',
    submitted: 'Submitted',
    updated: 'Last changed',
    actions: 'Actions',
    open: 'View',
    edit: 'Continue',
    correct: 'Correct it',
    apply: 'Apply to a program',
  },
});

const fen = (value: number | string | null): string | null => (value === null || value === undefined ? null : String(value));

/** The organization's applications: status in words, a correction's due date, the amounts, the way back in. */
export default function MyApplicationsPage() {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const navigate = useNavigate();
  const programs = useQuery({ queryKey: ['applicant', 'programs-by-id'], queryFn: programsById, staleTime: 60_000 });

  const columns: ColumnsType<ApplicationSummary> = [
    {
      key: 'program',
      title: t('program'),
      render: (_, application) => <Typography.Text strong>{programs.data?.get(application.programId)?.title ?? '…'}</Typography.Text>,
    },
    {
      key: 'status',
      title: t('status'),
      sorter: true,
      render: (_, application) => (
        <Space direction="vertical" size={0}>
          <Tag color={application.status === 'correction_requested' ? TONE.warning : application.status === 'draft' ? TONE.neutral : TONE.processing}>{label('applicationStatus', application.status)}</Tag>
          {application.status === 'correction_requested' && application.stageDueOn && <Typography.Text type="danger">{t('due', { date: formatDate(application.stageDueOn, locale) })}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'estimateTotalFen', title: t('estimate'), align: 'right', sorter: true, render: (_, application) => formatYuan(fen(application.estimateTotalFen)) },
    { key: 'decidedTotalFen', title: t('decided'), align: 'right', sorter: true, render: (_, application) => formatYuan(fen(application.decidedTotalFen)) },
    { key: 'submittedAt', title: t('submitted'), sorter: true, render: (_, application) => formatInstant(application.submittedAt, locale) },
    { key: 'updatedAt', title: t('updated'), sorter: true, render: (_, application) => formatInstant(application.updatedAt, locale) },
    {
      key: 'actions',
      title: t('actions'),
      fixed: 'right',
      render: (_, application) => {
        const title = programs.data?.get(application.programId)?.title ?? '';
        const word = application.status === 'draft' ? t('edit') : application.status === 'correction_requested' ? t('correct') : t('open');
        return (
          <Button autoInsertSpace={false} type={application.status === 'correction_requested' ? 'primary' : 'default'} onClick={() => navigate(`/my/applications/${application.id}`)} aria-label={`${word}：${title}`}>
            {word}
          </Button>
        );
      },
    },
  ];

  return (
    <ListPage<ApplicationSummary>
      title={t('title')}
      queryKey={['applicant', 'my-applications']}
      columns={columns}
      rowKey={(application) => application.id}
      filters={[
        {
          name: 'status',
          label: t('status'),
          kind: 'select',
          options: Object.keys(LABELS.applicationStatus).map((status) => ({ value: status, label: label('applicationStatus', status) })),
        },
      ]}
      toolbar={<Button onClick={() => navigate('/apply')}>{t('apply')}</Button>}
      fetchPage={(params) => myApplications({ page: params.page, pageSize: params.pageSize, sort: params.sort, status: params.filters.status })}
    />
  );
}
