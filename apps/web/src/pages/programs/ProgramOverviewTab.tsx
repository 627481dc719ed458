import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Table, Typography } from 'antd';
import { formatDate, formatInstant } from '../../format/dates';
import { formatYuan } from '../../format/money';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { fetchPolicies, fetchProgramApplications } from './api';
import { PolicyBasis } from './PolicyBasis';
import { budgetRuleLabel, callKindLabel, citationsFor, dayUnitLabel, settingLabel, sourceLabel, stageLabel } from './program-words';
import { REVIEW_STAGES, type ProgramView, type ReviewStage } from './types';

const messages = defineMessages({
  zh: {
    settings: '项目设置',
    policy: '政策依据',
    validity: '政策有效期',
    noEnd: '长期有效',
    year: '年度',
    kind: '申报方式',
    opensAt: '开始受理',
    closesAt: '截止受理',
    stages: '审查环节与时限',
    stage: '环节',
    on: '是否设置',
    yes: '设置',
    no: '不设',
    deadline: '时限',
    basis: '依据条款',
    workingDays: '{days} 个工作日',
    noDeadline: '不设时限',
    defaultDays: '{days} 个工作日（默认）',
    correction: '补正',
    publicity: '公示期',
    budget: '预算',
    total: '预算总额（元）',
    committed: '已决定资助（元）',
    estimated: '申报测算合计（元）',
    applications: '申报数',
    rule: '预算不足时',
    sources: '资金来源',
    share: '预算使用情况',
    usedOf: '已决定资助占预算 {percent}%',
    articles: '政策条款',
    setting: '设置',
    article: '条款',
    moreThan: '（仅统计前 200 件）',
  },
  en: {
    settings: 'Settings',
    policy: 'Policy',
    validity: 'In force',
    noEnd: 'no end date',
    year: 'Year',
    kind: 'Kind of call',
    opensAt: 'Opens',
    closesAt: 'Closes',
    stages: 'Review stages and deadlines',
    stage: 'Stage',
    on: 'In this program',
    yes: 'Yes',
    no: 'No',
    deadline: 'Deadline',
    basis: 'Article',
    workingDays: '{days} working days',
    noDeadline: 'No deadline',
    defaultDays: '{days} working days (default)',
    correction: 'Correction',
    publicity: 'Publicity',
    budget: 'Budget',
    total: 'Total budget (yuan)',
    committed: 'Decided awards (yuan)',
    estimated: 'Estimates claimed (yuan)',
    applications: 'Applications',
    rule: 'When the budget is short',
    sources: 'Funding',
    share: 'Budget use',
    usedOf: 'Decided awards are {percent}% of the budget',
    articles: 'Articles of the text',
    setting: 'Setting',
    article: 'Article',
    moreThan: ' (first 200 counted)',
  },
});

/** Sums integer fen with BigInt: never a floating-point sum of money. */
function sumFen(values: Array<number | string | null>): bigint {
  return values.reduce<bigint>((sum, value) => (value === null || value === undefined ? sum : sum + BigInt(value)), 0n);
}

const STAGE_DAYS: Record<ReviewStage, 'formalCheckWorkingDays' | 'districtReviewWorkingDays' | 'technicalReviewWorkingDays' | 'expertReviewWorkingDays'> = {
  formal_check: 'formalCheckWorkingDays',
  district_review: 'districtReviewWorkingDays',
  technical_review: 'technicalReviewWorkingDays',
  expert_review: 'expertReviewWorkingDays',
};

export function ProgramOverviewTab({ program }: { program: ProgramView }) {
  const t = useT(messages);
  const locale = useLocale();
  const policies = useQuery({ queryKey: ['policies'], queryFn: fetchPolicies, staleTime: 300_000 });
  const applications = useQuery({ queryKey: ['program-applications-all', program.id], queryFn: () => fetchProgramApplications(program.id) });
  const policyTitle = policies.data?.find((p) => p.id === program.policyId)?.title;
  const citations = program.procedure?.citations ?? [];
  const rows = applications.data?.rows ?? [];
  const committed = sumFen(rows.map((r) => r.decidedTotalFen));
  const estimated = sumFen(rows.map((r) => r.estimateTotalFen));
  const total = BigInt(program.budget.totalFen);
  const percent = total > 0n ? Number((committed * 100n) / total) : 0;
  const partial = (applications.data?.total ?? 0) > rows.length ? t('moreThan') : '';

  const stageRows = [
    ...REVIEW_STAGES.map((stage) => {
      const days = stage === 'formal_check' ? program.review.formalCheckWorkingDays : program.review[STAGE_DAYS[stage]];
      const deadline =
        stage === 'formal_check' && days === null ? t('defaultDays', { days: 10 }) : days === undefined || days === null ? t('defaultDays', { days: 10 }) : t('workingDays', { days });
      return { key: stage, stage: stageLabel(stage, locale), on: program.review.stages[stage], deadline, cites: citationsFor(citations, `review.stages.${stage}`).concat(stage === 'formal_check' ? citationsFor(citations, 'review.formalCheckWorkingDays') : []) };
    }),
    { key: 'correction', stage: t('correction'), on: true, deadline: t('workingDays', { days: program.review.correctionWorkingDays }), cites: citationsFor(citations, 'review.correctionWorkingDays') },
    {
      key: 'publicity',
      stage: t('publicity'),
      on: true,
      deadline: `${program.review.publicity.days} ${dayUnitLabel(program.review.publicity.unit, locale)}`,
      cites: citationsFor(citations, 'review.publicity'),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('settings')}</Typography.Title>}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('policy')}>{policyTitle ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('validity')}>
            {program.procedure ? `${formatDate(program.procedure.effectiveFrom, locale)} — ${program.procedure.effectiveTo ? formatDate(program.procedure.effectiveTo, locale) : t('noEnd')}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('year')}>{program.year}</Descriptions.Item>
          <Descriptions.Item label={t('kind')}>
            <Space wrap>
              {callKindLabel(program.window.kind, locale)}
              <PolicyBasis citations={citationsFor(citations, 'window.kind')} />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('opensAt')}>{formatInstant(program.window.opensAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('closesAt')}>{formatInstant(program.window.closesAt, locale)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('stages')}</Typography.Title>}>
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={stageRows}
          columns={[
            { key: 'stage', title: t('stage'), dataIndex: 'stage' },
            { key: 'on', title: t('on'), render: (_, row) => (row.on ? t('yes') : t('no')) },
            { key: 'deadline', title: t('deadline'), render: (_, row) => (row.on ? row.deadline : '—') },
            { key: 'basis', title: t('basis'), render: (_, row) => <PolicyBasis citations={row.cites} /> },
          ]}
        />
      </Card>
      <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('budget')}</Typography.Title>}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('total')}>{formatYuan(program.budget.totalFen)}</Descriptions.Item>
          <Descriptions.Item label={t('committed')}>{`${formatYuan(committed.toString())}${partial}`}</Descriptions.Item>
          <Descriptions.Item label={t('estimated')}>{`${formatYuan(estimated.toString())}${partial}`}</Descriptions.Item>
          <Descriptions.Item label={t('applications')}>{applications.data?.total ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('rule')}>{budgetRuleLabel(program.budget.rule, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('sources')}>
            {program.budget.sources.map((s) => `${sourceLabel(s.source, locale)} ${formatYuan(s.amountFen)}`).join('；')}
          </Descriptions.Item>
        </Descriptions>
        <div style={{ marginTop: 12 }}>
          <Typography.Text>{t('usedOf', { percent })}</Typography.Text>
        </div>
      </Card>
      {citations.length > 0 && (
        <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('articles')}</Typography.Title>}>
          <Table
            size="small"
            pagination={false}
            rowKey={(row) => `${row.path}-${row.article}`}
            dataSource={citations.filter((c) => !c.path.startsWith('procedure.'))}
            columns={[
              { key: 'setting', title: t('setting'), render: (_, row) => settingLabel(row.path, locale) },
              { key: 'article', title: t('article'), render: (_, row) => row.article },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
