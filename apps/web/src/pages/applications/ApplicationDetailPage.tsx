import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, List, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap, unwrapPage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatInstant } from '../../format/dates';
import { formatYuan } from '../../format/money';
import { useLabel } from '../../i18n/labels';
import { Locale, useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { fetchProgram } from '../programs/api';
import {
  achievementTypeLabel,
  auditActionLabel,
  actionLabel,
  basisLabel,
  draftingRoleLabel,
  levelLabel,
  outcomeLabel,
  reasonLabel,
  stageLabel,
} from '../programs/program-words';
import type { ApplicationDetail, EvidenceView } from '../programs/types';
import { EvidencePreview } from './EvidencePreview';

const messages = defineMessages({
  zh: {
    basics: '基本情况',
    program: '申报项目',
    status: '状态',
    stageDue: '本环节截止',
    submittedAt: '提交时间',
    estimate: '测算金额（元）',
    decided: '决定金额（元）',
    achievements: '申报成果',
    type: '类别',
    level: '层级',
    name: '名称或编号',
    drafting: '起草情况',
    date: '日期',
    costs: '实际发生费用（元）',
    rank: '第 {rank} 起草单位',
    evidence: '证明材料',
    material: '材料',
    forAchievement: '对应成果',
    whole: '整体材料',
    preview: '预览',
    noEvidence: '暂无材料',
    explanation: '资助测算及依据',
    explanationIntro: '按《{policy}》逐项测算（申报日期 {date}），合计 {total} 元。',
    amount: '金额（元）',
    basis: '计算方式',
    article: '条款',
    reasons: '未予资助或核减原因',
    steps: '计算过程',
    earlier: '以往已获资助',
    earlierNone: '该成果无以往资助记录',
    earlierLine: '{year}年度“{program}”已决定 {amount} 元',
    history: '审查记录',
    when: '时间',
    stage: '环节',
    outcome: '结果',
    by: '经办',
    due: '时限',
    note: '意见',
    noHistory: '暂无审查记录',
    audit: '操作记录',
    action: '事项',
    actor: '操作人',
    why: '原因',
    system: '系统',
    noAudit: '暂无操作记录',
  },
  en: {
    basics: 'Application',
    program: 'Program',
    status: 'Status',
    stageDue: 'Stage due',
    submittedAt: 'Submitted',
    estimate: 'Estimate (yuan)',
    decided: 'Decided (yuan)',
    achievements: 'Achievements claimed',
    type: 'Kind',
    level: 'Level',
    name: 'Title or number',
    drafting: 'Drafting',
    date: 'Date',
    costs: 'Actual costs (yuan)',
    rank: 'Drafter no. {rank}',
    evidence: 'Evidence',
    material: 'Material',
    forAchievement: 'For',
    whole: 'Whole application',
    preview: 'Preview',
    noEvidence: 'No files',
    explanation: 'Estimate and its articles',
    explanationIntro: 'Item by item under {policy} (application date {date}); {total} yuan in all.',
    amount: 'Amount (yuan)',
    basis: 'Basis',
    article: 'Article',
    reasons: 'Why less or nothing',
    steps: 'How it was computed',
    earlier: 'Earlier awards',
    earlierNone: 'No earlier award for this achievement',
    earlierLine: '{year} “{program}”: {amount} yuan decided',
    history: 'Review history',
    when: 'When',
    stage: 'Stage',
    outcome: 'Outcome',
    by: 'By',
    due: 'Due',
    note: 'Opinion',
    noHistory: 'No review yet',
    audit: 'Audit trail',
    action: 'What',
    actor: 'Who',
    why: 'Why',
    system: 'System',
    noAudit: 'No records',
  },
});

type Achievement = ApplicationDetail['achievements'][number];
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

function achievementName(a: Achievement, locale: Locale): string {
  return text(a.standardNo) ?? text(a.title) ?? text(a.enterpriseStandardNo) ?? text(a.product) ?? achievementTypeLabel(a.type, locale);
}

function achievementDate(a: Achievement): string | undefined {
  for (const key of ['publishedOn', 'acceptedOn', 'approvedOn', 'awardedOn', 'certifiedOn', 'recognizedOn', 'heldOn', 'completedOn', 'obtainedOn', 'implementedOn']) {
    if (text(a[key])) return a[key] as string;
  }
  return undefined;
}

/** Opinion text of a review step: the reasons and missing materials where they are words (never internal codes). */
function opinion(reasons: unknown, missing: unknown): string {
  const words = (value: unknown): string[] =>
    Array.isArray(value)
      ? value.flatMap((v) => (typeof v === 'string' ? [v] : v && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string' ? [(v as { text: string }).text] : []))
      : typeof value === 'string'
        ? [value]
        : [];
  return [...words(reasons), ...words(missing)].join('；') || '—';
}

/** One application as the program officer opens it: who, what is claimed, the files, the engine's amount with its articles, the review so far. */
export default function ApplicationDetailPage() {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const { id = '' } = useParams();
  const [open, setOpen] = useState<EvidenceView>();
  const detail = useQuery({
    queryKey: ['application', id, locale],
    queryFn: async () => unwrap(await api.GET('/api/v1/applications/{id}', { params: { path: { id } } })),
  });
  const estimate = useQuery({
    queryKey: ['application-estimate', id, locale],
    queryFn: async () => unwrap(await api.GET('/api/v1/applications/{id}/estimate', { params: { path: { id } } })),
  });
  const audit = useQuery({
    queryKey: ['application-audit', id],
    queryFn: async () => unwrapPage(await api.GET('/api/v1/applications/{id}/audit-trail', { params: { path: { id } } })).rows,
  });
  const programId = detail.data?.programId;
  const program = useQuery({ queryKey: ['program', programId], enabled: Boolean(programId), queryFn: () => fetchProgram(programId as string) });

  if (detail.error) return <ErrorAlert error={detail.error} />;
  if (!detail.data) return <Spin />;
  const a = detail.data;
  const byId = new Map(a.achievements.map((item) => [item.id, item]));
  const nameOf = (achievementId: string | null) => {
    if (!achievementId) return t('whole');
    const item = byId.get(achievementId);
    return item ? `${achievementTypeLabel(item.type, locale)} ${achievementName(item, locale)}` : '—';
  };
  const status = a.displayStatus && a.displayStatus in { payment_failed: 1, partly_paid: 1, paid: 1 } ? label('paymentStatus', a.displayStatus) : label('applicationStatus', a.status);
  const h2 = (words: string) => <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{words}</Typography.Title>;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{a.organizationName}</Typography.Title>
        <Tag>{status}</Tag>
      </Space>
      <Card size="small" title={h2(t('basics'))}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('program')}>{program.data ? <Link to={`/programs/${program.data.id}`}>{program.data.title}</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('status')}>{status}</Descriptions.Item>
          <Descriptions.Item label={t('stageDue')}>{formatDate(a.stageDueOn, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('submittedAt')}>{formatInstant(a.submittedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('estimate')}>{formatYuan(a.estimateTotalFen)}</Descriptions.Item>
          <Descriptions.Item label={t('decided')}>{formatYuan(a.decidedTotalFen)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={h2(t('achievements'))}>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={a.achievements}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'type', title: t('type'), render: (_, row) => achievementTypeLabel(row.type, locale) },
            { key: 'level', title: t('level'), render: (_, row) => (text(row.level) ? levelLabel(row.level as string, locale) : '—') },
            { key: 'name', title: t('name'), render: (_, row) => achievementName(row, locale) },
            {
              key: 'drafting',
              title: t('drafting'),
              render: (_, row) =>
                [text(row.action) && actionLabel(row.action as string, locale), text(row.role) && draftingRoleLabel(row.role as string, locale), typeof row.draftingRank === 'number' && t('rank', { rank: row.draftingRank })]
                  .filter(Boolean)
                  .join('，') || '—',
            },
            { key: 'date', title: t('date'), render: (_, row) => formatDate(achievementDate(row), locale) },
            { key: 'costs', title: t('costs'), align: 'right', render: (_, row) => formatYuan(row.costsIncurredFen as number | undefined) },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card size="small" title={h2(t('evidence'))}>
            {a.evidence.length === 0 ? (
              <Empty description={t('noEvidence')} />
            ) : (
              <List
                size="small"
                dataSource={a.evidence}
                renderItem={(file) => (
                  <List.Item
                    actions={[
                      <Button key="preview" size="small" aria-pressed={open?.id === file.id} onClick={() => setOpen(file)} aria-label={`${t('preview')} ${file.originalName}`}>
                        {t('preview')}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta title={file.originalName} description={`${file.material ?? '—'} · ${nameOf(file.achievementId)}`} />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={h2(t('preview'))}>{open ? <EvidencePreview key={open.id} evidence={open} /> : <Empty description={t('noEvidence')} />}</Card>
        </Col>
      </Row>
      <Card size="small" title={h2(t('explanation'))}>
        {estimate.error && <ErrorAlert error={estimate.error} />}
        {!estimate.data ? (
          !estimate.error && <Spin />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph style={{ margin: 0 }}>
              {t('explanationIntro', { policy: estimate.data.policy.title, date: formatDate(estimate.data.applicationDate, locale), total: formatYuan(estimate.data.totalFen) })}
            </Typography.Paragraph>
            {estimate.data.items.map((item) => {
              const earlier = estimate.data.earlierAwards.filter((e) => e.achievementId === item.achievementId);
              return (
                <Card key={item.achievementId} size="small" type="inner" title={<Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{nameOf(item.achievementId)}</Typography.Title>}>
                  <Row gutter={16}>
                    <Col xs={24} md={16}>
                      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                        <Descriptions.Item label={t('outcome')}>{outcomeLabel(item.outcome, locale)}</Descriptions.Item>
                        <Descriptions.Item label={t('amount')}>{formatYuan(item.amountFen)}</Descriptions.Item>
                        <Descriptions.Item label={t('basis')}>{item.basis ? basisLabel(item.basis, locale) : '—'}</Descriptions.Item>
                        <Descriptions.Item label={t('article')}>{item.article ?? '—'}</Descriptions.Item>
                        {item.reasons.length > 0 && (
                          <Descriptions.Item label={t('reasons')} span={2}>
                            {item.reasons.map((reason) => reasonLabel(reason, locale)).join('；')}
                          </Descriptions.Item>
                        )}
                      </Descriptions>
                      {item.trace.length > 0 && (
                        <>
                          <Typography.Text strong>{t('steps')}</Typography.Text>
                          <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                            {item.trace.map((step, index) => (
                              <li key={index}>
                                <Tag color="blue">{step.article}</Tag>
                                {locale === 'zh' ? step.text.zh : step.text.en}
                              </li>
                            ))}
                          </ol>
                        </>
                      )}
                    </Col>
                    <Col xs={24} md={8}>
                      <Typography.Text strong>{t('earlier')}</Typography.Text>
                      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                        {earlier.length === 0 ? (
                          <li>{t('earlierNone')}</li>
                        ) : (
                          earlier.map((e, index) => <li key={index}>{t('earlierLine', { year: e.programYear, program: e.programTitle, amount: formatYuan(e.decidedFen) })}</li>)
                        )}
                      </ul>
                    </Col>
                  </Row>
                </Card>
              );
            })}
          </Space>
        )}
      </Card>
      <Card size="small" title={h2(t('history'))}>
        <Table
          size="small"
          pagination={false}
          rowKey={(row) => `${row.at}-${row.stage}-${row.outcome}`}
          dataSource={a.reviewHistory}
          locale={{ emptyText: t('noHistory') }}
          columns={[
            { key: 'at', title: t('when'), render: (_, row) => formatInstant(row.at, locale) },
            { key: 'stage', title: t('stage'), render: (_, row) => stageLabel(row.stage, locale) },
            { key: 'outcome', title: t('outcome'), render: (_, row) => outcomeLabel(row.outcome, locale) },
            { key: 'by', title: t('by'), render: (_, row) => label('role', row.actorRole) },
            { key: 'due', title: t('due'), render: (_, row) => formatDate(row.dueOn, locale) },
            { key: 'note', title: t('note'), render: (_, row) => opinion(row.reasons, row.missing) },
          ]}
        />
      </Card>
      <Card size="small" title={h2(t('audit'))}>
        {audit.error && <ErrorAlert error={audit.error} />}
        <Table
          size="small"
          pagination={false}
          rowKey="seq"
          loading={audit.isLoading}
          dataSource={audit.data ?? []}
          locale={{ emptyText: t('noAudit') }}
          columns={[
            { key: 'at', title: t('when'), render: (_, row) => formatInstant(row.occurredAt, locale) },
            { key: 'action', title: t('action'), render: (_, row) => auditActionLabel(row.action, locale) },
            {
              key: 'actor',
              title: t('actor'),
              render: (_, row) => (row.actorKind === 'user' ? `${row.actorName ?? '—'}（${label('role', row.actorRole)}）` : t('system')),
            },
            { key: 'why', title: t('why'), render: (_, row) => row.reason ?? '—' },
          ]}
        />
      </Card>
    </Space>
  );
}
