import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { currentSession } from '../../auth/session';
import { ListPage, ListParams } from '../../components/ListPage';
import { formatInstant, todayInCst } from '../../format/dates';
import { formatYuan } from '../../format/money';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { DueDate } from './DueDate';
import { Assignment, fetchAssignments, fetchQueue, fetchToday, QueueRow, ReviewStageStatus } from './review-api';

const messages = defineMessages({
  zh: {
    title: '待审队列',
    organization: '申报单位',
    stage: '审查环节',
    submittedAt: '提交时间',
    due: '本环节截止',
    estimate: '测算金额（元）',
    assigned: '承办',
    assignedToMe: '已转派给我',
    assignedOther: '已转派',
    program: '申报项目',
    scoring: '评分状态',
    invited: '待评分',
    scored: '已评分',
    scoreDue: '评分截止',
    open: '审查',
  },
  en: {
    title: 'Review queue',
    organization: 'Applicant',
    stage: 'Stage',
    submittedAt: 'Submitted',
    due: 'Stage due',
    estimate: 'Estimate (yuan)',
    assigned: 'Held by',
    assignedToMe: 'Reassigned to me',
    assignedOther: 'Reassigned',
    program: 'Program',
    scoring: 'Scoring',
    invited: 'To score',
    scored: 'Scored',
    scoreDue: 'Scoring closes',
    open: 'Review',
  },
});

/** The stage each reviewing role works at; a program officer's formal check first, the stages it may reassign after. */
export const STAGE_OF_ROLE: Record<string, ReviewStageStatus> = {
  district_reviewer: 'district_review',
  technical_reviewer: 'technical_review',
  program_officer: 'formal_check',
};
const OFFICER_STAGES: ReviewStageStatus[] = ['formal_check', 'district_review', 'technical_review'];

/** My queue: the applications waiting at my stage, earliest due first, overdue marked 逾期; experts see their panel seats. */
export default function ReviewQueuePage() {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const session = currentSession();
  const role = session?.user.role ?? '';
  const today = useQuery({ queryKey: ['server-today'], queryFn: fetchToday, staleTime: 60_000 });

  const reviewerColumns: ColumnsType<QueueRow> = useMemo(
    () => [
      { key: 'organizationName', title: t('organization'), sorter: true, render: (_, row) => <Link to={`/reviews/${row.id}`}>{row.organizationName}</Link> },
      { key: 'status', title: t('stage'), render: (_, row) => label('applicationStatus', row.status) },
      { key: 'stageDueOn', title: t('due'), sorter: true, render: (_, row) => <DueDate dueOn={row.stageDueOn} today={today.data} /> },
      { key: 'submittedAt', title: t('submittedAt'), sorter: true, render: (_, row) => formatInstant(row.submittedAt, locale) },
      { key: 'estimateTotalFen', title: t('estimate'), align: 'right', render: (_, row) => formatYuan(row.estimateTotalFen) },
      {
        key: 'assignee',
        title: t('assigned'),
        render: (_, row) => (row.reviewAssigneeId ? (row.reviewAssigneeId === session?.user.id ? t('assignedToMe') : t('assignedOther')) : '—'),
      },
    ],
    [t, label, locale, today.data, session?.user.id],
  );

  const expertColumns: ColumnsType<Assignment> = useMemo(
    () => [
      { key: 'organizationName', title: t('organization'), render: (_, row) => <Link to={`/reviews/${row.applicationId}`}>{row.applicant.name}</Link> },
      { key: 'program', title: t('program'), render: (_, row) => row.programTitle },
      { key: 'status', title: t('scoring'), render: (_, row) => (row.status === 'scored' ? t('scored') : t('invited')) },
      {
        key: 'dueAt',
        title: t('scoreDue'),
        render: (_, row) => {
          const overdue = row.status === 'invited' && today.data !== undefined && todayInCst(new Date(row.dueAt)) < today.data;
          return overdue ? <Typography.Text type="danger" strong>{formatInstant(row.dueAt, locale)}（{locale === 'zh' ? '逾期' : 'Overdue'}）</Typography.Text> : formatInstant(row.dueAt, locale);
        },
      },
    ],
    [t, locale, today.data],
  );

  if (role === 'expert') {
    return (
      <ListPage<Assignment>
        title={t('title')}
        queryKey={['review-queue', 'expert', locale]}
        columns={expertColumns}
        rowKey={(row) => row.applicationId}
        fetchPage={(params: ListParams) => fetchAssignments(params.page, params.pageSize)}
      />
    );
  }
  const isOfficer = role === 'program_officer';
  return (
    <ListPage<QueueRow>
      title={t('title')}
      queryKey={['review-queue', role, locale]}
      columns={reviewerColumns}
      rowKey={(row) => row.id}
      filters={
        isOfficer
          ? [{ name: 'stage', label: t('stage'), kind: 'select', options: OFFICER_STAGES.map((stage) => ({ value: stage, label: label('applicationStatus', stage) })), placeholder: label('applicationStatus', 'formal_check') }]
          : undefined
      }
      fetchPage={(params: ListParams) => {
        const chosen = params.filters.stage as ReviewStageStatus | undefined;
        const stage = isOfficer && chosen && OFFICER_STAGES.includes(chosen) ? chosen : STAGE_OF_ROLE[role] ?? 'formal_check';
        return fetchQueue(stage, params.page, params.pageSize, params.sort);
      }}
    />
  );
}
