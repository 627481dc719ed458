import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Row, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { currentSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../format/dates';
import { useLocale } from '../../i18n/locale';
import { defineMessages, Translate, useT } from '../../i18n/messages';
import { fetchMyWork, itemPath, WorkGroup, WorkItem } from './workbench-api';
import { PolicyOverviewNotice } from '../policies/PolicyOverviewNotice';

const messages = defineMessages({
  zh: {
    title: '工作台',
    hello: '{name}，您好',
    today: '今天是 {date}',
    empty: '暂无待办',
    count: '{count} 项',
    earliest: '最早截止：{date}',
    noDue: '无截止日期',
    daysLeft: '剩余 {days} 个工作日',
    dueToday: '今日截止',
    overdueDays: '已逾期 {days} 天',
    overdue: '逾期',
    due: '截止 {date}',
    more: '另有 {count} 项',
    items: '{count} 份',
    applications_awaiting_decision: '待审定的申报',
    objections_to_resolve: '待处理的异议',
    programs_to_hand_over: '公示期满待移交财务',
    registrations_to_review: '待审核的单位注册',
    applications_in_formal_check: '待形式审查的申报',
    district_reviews: '待区县初审',
    technical_reviews: '待技术审查',
    expert_assignments: '待评分的评审任务',
    drafts_to_submit: '未提交的申报草稿',
    corrections_requested: '待补正的申报',
    decided_awards: '审定结果待查看',
    programs_to_take_in: '已移交待接收的项目',
    shares_to_approve: '待审批的资金分担',
    batch_lines_to_confirm: '待确认到账的支付明细',
    policy_version_lapsed: '没有现行有效的政策版本',
    other: '待办事项',
  },
  en: {
    title: 'Workbench',
    hello: 'Hello, {name}',
    today: 'Today is {date}',
    empty: 'Nothing waiting for you',
    count: '{count}',
    earliest: 'Earliest due: {date}',
    noDue: 'No due date',
    daysLeft: '{days} working days left',
    dueToday: 'Due today',
    overdueDays: 'Overdue by {days} days',
    overdue: 'Overdue',
    due: 'Due {date}',
    more: '{count} more',
    items: '{count} items',
    applications_awaiting_decision: 'Applications awaiting decision',
    objections_to_resolve: 'Objections to resolve',
    programs_to_hand_over: 'Publicity ended, ready to hand over',
    registrations_to_review: 'Registrations to review',
    applications_in_formal_check: 'Applications in formal check',
    district_reviews: 'District reviews',
    technical_reviews: 'Technical reviews',
    expert_assignments: 'Applications to score',
    drafts_to_submit: 'Drafts not yet submitted',
    corrections_requested: 'Corrections requested',
    decided_awards: 'Decisions to read',
    programs_to_take_in: 'Programs handed over, to take in',
    shares_to_approve: 'Shares to approve',
    batch_lines_to_confirm: 'Payment lines to confirm',
    policy_version_lapsed: 'No policy version in force',
    other: 'Work',
  },
});

type Key = keyof (typeof messages)['zh'];

/** How a due date stands: 已逾期 N 天 in red with the word 逾期 (never colour alone), else the working days left. */
function DueStatus({ figures, t }: { figures: Pick<WorkGroup, 'overdue' | 'overdueDays' | 'workingDaysLeft'>; t: Translate<Key> }) {
  if (figures.overdue) return <Typography.Text type="danger" strong>{t('overdueDays', { days: figures.overdueDays ?? 0 })}</Typography.Text>;
  if (figures.workingDaysLeft === 0) return <Typography.Text strong>{t('dueToday')}</Typography.Text>;
  if (figures.workingDaysLeft !== null) return <Typography.Text>{t('daysLeft', { days: figures.workingDaysLeft })}</Typography.Text>;
  return null;
}

function ItemLine({ kind, item, t }: { kind: string; item: WorkItem; t: Translate<Key> }) {
  const locale = useLocale();
  return (
    <List.Item>
      <Space direction="vertical" size={0} style={{ width: '100%' }}>
        <Space wrap>
          <Link to={itemPath(kind, item)}>{item.title}</Link>
          {item.count > 1 && <Typography.Text type="secondary">{t('items', { count: item.count })}</Typography.Text>}
        </Space>
        {item.detail && <Typography.Text type="secondary">{item.detail}</Typography.Text>}
        {item.dueOn && (
          <Space wrap size="small">
            <Typography.Text type={item.overdue ? 'danger' : undefined}>{t('due', { date: formatDate(item.dueOn, locale) })}</Typography.Text>
            {item.overdue ? <Tag color="error">{t('overdue')}</Tag> : <DueStatus figures={item} t={t} />}
          </Space>
        )}
      </Space>
    </List.Item>
  );
}

function GroupCard({ group, t }: { group: WorkGroup; t: Translate<Key> }) {
  const locale = useLocale();
  const label = group.kind in messages.zh ? t(group.kind as Key) : t('other');
  const listed = group.items.reduce((sum, item) => sum + item.count, 0);
  return (
    <Card
      size="small"
      title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{label}</Typography.Title>}
      extra={<Typography.Text strong aria-label={`${label} ${t('count', { count: group.count })}`}>{t('count', { count: group.count })}</Typography.Text>}
      style={group.overdue ? { borderColor: '#cf1322' } : undefined}
      data-kind={group.kind}
    >
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text>{group.earliestDueOn ? t('earliest', { date: formatDate(group.earliestDueOn, locale) }) : t('noDue')}</Typography.Text>
          <DueStatus figures={group} t={t} />
        </Space>
        <List size="small" dataSource={group.items} rowKey={(item) => `${item.entity}:${item.id}`} renderItem={(item) => <ItemLine kind={group.kind} item={item} t={t} />} />
        {group.count > listed && <Typography.Text type="secondary">{t('more', { count: group.count - listed })}</Typography.Text>}
      </Space>
    </Card>
  );
}

/** 工作台: what waits for my action, a card per kind of work, overdue first, then by due date. */
export default function WorkbenchPage() {
  const t = useT(messages);
  const locale = useLocale();
  const session = currentSession();
  const query = useQuery({ queryKey: ['me', 'work'], queryFn: fetchMyWork });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 20 }}>{t('title')}</Typography.Title>
        <Typography.Paragraph>
          {t('hello', { name: session?.user.displayName ?? '' })}
          {query.data && <>　{t('today', { date: formatDate(query.data.today, locale) })}</>}
        </Typography.Paragraph>
      </div>
      <PolicyOverviewNotice />
      {query.error && <ErrorAlert error={query.error} />}
      {query.isPending && <Spin />}
      {query.data && query.data.groups.length === 0 && <Empty description={t('empty')} />}
      {query.data && query.data.groups.length > 0 && (
        <Row gutter={[16, 16]}>
          {query.data.groups.map((group) => (
            <Col key={group.kind} xs={24} md={12} xl={8}>
              <GroupCard group={group} t={t} />
            </Col>
          ))}
        </Row>
      )}
    </Space>
  );
}
