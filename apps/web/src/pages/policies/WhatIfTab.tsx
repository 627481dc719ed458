import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, unwrapPage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatYuan } from '../../format/money';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { runWhatIf, WhatIfReport } from './policy-api';

const messages = defineMessages({
  zh: {
    intro: '用本单位的真实申报，比较本草稿与现行版本的资助金额。测算只读数据，草稿不会用于任何支付。',
    basis: '测算范围',
    byProgram: '按资助项目',
    byYear: '按年度',
    program: '资助项目',
    year: '年度',
    yearHint: '如 2024',
    badYear: '请输入四位年份',
    run: '开始测算',
    applications: '申报数',
    before: '现行版本（元）',
    after: '本草稿（元）',
    delta: '变化（元）',
    totals: '合计',
    budgetTitle: '对项目预算的影响',
    budget: '项目预算（元）',
    committedBefore: '现行版本下已承诺（元）',
    committedAfter: '本草稿下将承诺（元）',
    overBudget: '按本草稿计算将超出预算 {amount} 元',
    withinBudget: '按本草稿计算仍在预算之内，尚余 {amount} 元',
    noBudget: '该项目未设预算',
    byItem: '按资助项目',
    byApplicant: '按申报单位（变化最大的前 200 个）',
    item: '资助项目',
    article: '政策条款',
    count: '件数',
    organization: '申报单位',
    chartTitle: '各资助项目的金额：现行版本与本草稿',
    chartNote: '金额单位：元。图中数据与下表相同。',
    none: '没有可测算的申报',
    baseline: '比较对象：{baseline} → {candidate}',
    unpriced: '有 {count} 份申报无法按其中一个版本计算（如缺少草稿所需的数据），未计入比较',
  },
  en: {
    intro: 'Compare this draft with the version in force over the office’s real applications. Nothing is written and the draft never pays anything.',
    basis: 'Compare over',
    byProgram: 'A program',
    byYear: 'A year',
    program: 'Program',
    year: 'Year',
    yearHint: 'e.g. 2024',
    badYear: 'Enter a four-digit year',
    run: 'Compare',
    applications: 'Applications',
    before: 'In force (yuan)',
    after: 'This draft (yuan)',
    delta: 'Change (yuan)',
    totals: 'Totals',
    budgetTitle: 'Effect on the program’s budget',
    budget: 'Budget (yuan)',
    committedBefore: 'Committed under the version in force (yuan)',
    committedAfter: 'Committed under this draft (yuan)',
    overBudget: 'This draft would exceed the budget by {amount} yuan',
    withinBudget: 'This draft stays within the budget, {amount} yuan left',
    noBudget: 'The program has no budget',
    byItem: 'Per item',
    byApplicant: 'Per applicant (the 200 largest changes)',
    item: 'Item',
    article: 'Article',
    count: 'Count',
    organization: 'Applicant',
    chartTitle: 'Amounts per item: in force and this draft',
    chartNote: 'Amounts in yuan. The chart shows the figures of the table below.',
    none: 'No application to compare',
    baseline: 'Compared: {baseline} → {candidate}',
    unpriced: '{count} applications could not be priced under one of the versions (e.g. missing an input the draft needs) and are left out',
  },
});

const yuanTick = (fen: number) => formatYuan(fen).replace(/\.00$/, '');
/** A signed change in yuan: "+100,000.00" (the sign in words' place, never colour alone). */
const signed = (fen: string) => (/^-/.test(fen) ? formatYuan(fen) : /^0+$/.test(fen) ? formatYuan(fen) : `+${formatYuan(fen)}`);
/** Integer fen subtraction on decimal strings (BigInt: exact). */
const minus = (a: string, b: string) => (BigInt(a) - BigInt(b)).toString();

function BudgetEffect({ report }: { report: WhatIfReport }) {
  const t = useT(messages);
  const budget = report.budget;
  if (!budget) return null;
  const left = budget.budgetTotalFen === null ? null : minus(budget.budgetTotalFen, budget.committedAfterFen);
  return (
    <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{t('budgetTitle')}</Typography.Title>}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('budget')}>{formatYuan(budget.budgetTotalFen)}</Descriptions.Item>
        <Descriptions.Item label={t('committedBefore')}>{formatYuan(budget.committedBeforeFen)}</Descriptions.Item>
        <Descriptions.Item label={t('committedAfter')}>{formatYuan(budget.committedAfterFen)}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} strong>
        {left === null ? t('noBudget') : left.startsWith('-') ? t('overBudget', { amount: formatYuan(left.slice(1)) }) : t('withinBudget', { amount: formatYuan(left) })}
      </Typography.Paragraph>
    </Card>
  );
}

/** 影响测算: this draft against the version in force over a program's or a year's applications, per item and applicant. */
export function WhatIfTab({ versionId }: { versionId: string }) {
  const t = useT(messages);
  const locale = useLocale();
  const [basis, setBasis] = useState<'program' | 'year'>('year');
  const [programId, setProgramId] = useState<string>();
  const [year, setYear] = useState('');
  const programs = useQuery({
    queryKey: ['programs', 'what-if-choices'],
    queryFn: async () => unwrapPage(await api.GET('/api/v1/programs', { params: { query: { pageSize: 200 } } })).rows,
    enabled: basis === 'program',
  });
  const compare = useMutation({ mutationFn: () => runWhatIf(versionId, basis === 'program' ? { programId } : { year: Number(year) }) });
  const yearOk = /^\d{4}$/.test(year);
  const report = compare.data;
  const labelOf = (row: WhatIfReport['byItem'][number]) => (locale === 'zh' ? row.label.zh : row.label.en);
  const chartData = (report?.byItem ?? []).map((row) => ({ name: labelOf(row), before: Number(row.beforeFen), after: Number(row.afterFen) }));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('intro')}</Typography.Paragraph>
      <Form layout="inline" component="div">
        <Form.Item label={t('basis')}>
          <Radio.Group aria-label={t('basis')} value={basis} onChange={(event) => setBasis(event.target.value as 'program' | 'year')} options={[{ value: 'year', label: t('byYear') }, { value: 'program', label: t('byProgram') }]} />
        </Form.Item>
        {basis === 'program' ? (
          <Form.Item label={t('program')}>
            <Select aria-label={t('program')} value={programId} onChange={setProgramId} style={{ minWidth: 320 }} loading={programs.isPending} options={(programs.data ?? []).map((program) => ({ value: program.id, label: program.title }))} showSearch optionFilterProp="label" />
          </Form.Item>
        ) : (
          <Form.Item label={t('year')} validateStatus={year && !yearOk ? 'error' : undefined} help={year && !yearOk ? t('badYear') : undefined}>
            <Input aria-label={t('year')} value={year} onChange={(event) => setYear(event.target.value.trim())} placeholder={t('yearHint')} style={{ width: 120 }} inputMode="numeric" />
          </Form.Item>
        )}
        <Form.Item>
          <Button type="primary" onClick={() => compare.mutate()} loading={compare.isPending} disabled={basis === 'program' ? !programId : !yearOk}>{t('run')}</Button>
        </Form.Item>
      </Form>
      {compare.error && <ErrorAlert error={compare.error} />}
      {report && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="what-if-report">
          {report.baseline && <Typography.Text type="secondary">{t('baseline', { baseline: report.baseline.policyId, candidate: report.candidate.policyId })}</Typography.Text>}
          {report.unpricedApplications > 0 && <Alert type="warning" showIcon message={t('unpriced', { count: report.unpricedApplications })} />}
          <Descriptions size="small" bordered column={{ xs: 1, md: 4 }} title={<Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{t('totals')}</Typography.Title>}>
            <Descriptions.Item label={t('applications')}>{report.applications}</Descriptions.Item>
            <Descriptions.Item label={t('before')}>{formatYuan(report.totalBeforeFen)}</Descriptions.Item>
            <Descriptions.Item label={t('after')}>{formatYuan(report.totalAfterFen)}</Descriptions.Item>
            <Descriptions.Item label={t('delta')}>{signed(report.deltaFen)}</Descriptions.Item>
          </Descriptions>
          <BudgetEffect report={report} />
          {report.applications === 0 ? (
            <Alert type="info" showIcon message={t('none')} />
          ) : (
            <>
              <figure style={{ margin: 0 }} aria-label={t('chartTitle')}>
                <Typography.Title level={3} style={{ fontSize: 15 }}>{t('chartTitle')}</Typography.Title>
                <div style={{ width: '100%', height: 320 }}>
                  <ResponsiveContainer>
                    <BarChart data={chartData} margin={{ top: 8, right: 16, left: 24, bottom: 8 }}>
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis dataKey="name" />
                      <YAxis tickFormatter={yuanTick} width={110} allowDecimals={false} />
                      <Tooltip formatter={(value) => formatYuan(Number(value))} />
                      <Legend />
                      <Bar dataKey="before" name={t('before')} fill="#545454" />
                      <Bar dataKey="after" name={t('after')} fill="#1456c8" />
                    </BarChart>
                  </ResponsiveContainer>
                </div>
                <figcaption><Typography.Text type="secondary">{t('chartNote')}</Typography.Text></figcaption>
              </figure>
              <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{t('byItem')}</Typography.Title>
              <Table
                size="small"
                rowKey={(row) => row.itemId ?? 'not-covered'}
                pagination={false}
                dataSource={report.byItem}
                columns={[
                  { title: t('item'), key: 'item', render: (_, row) => labelOf(row) },
                  { title: t('article'), key: 'article', render: (_, row) => row.article ?? '—' },
                  { title: t('count'), key: 'count', align: 'right', render: (_, row) => row.count },
                  { title: t('before'), key: 'before', align: 'right', render: (_, row) => formatYuan(row.beforeFen) },
                  { title: t('after'), key: 'after', align: 'right', render: (_, row) => formatYuan(row.afterFen) },
                  { title: t('delta'), key: 'delta', align: 'right', render: (_, row) => signed(row.deltaFen) },
                ]}
              />
              <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{t('byApplicant')}</Typography.Title>
              <Table
                size="small"
                rowKey={(row) => row.organizationName}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={report.byApplicant}
                columns={[
                  { title: t('organization'), key: 'organization', render: (_, row) => row.organizationName },
                  { title: t('applications'), key: 'count', align: 'right', render: (_, row) => row.applicationCount },
                  { title: t('before'), key: 'before', align: 'right', render: (_, row) => formatYuan(row.beforeFen) },
                  { title: t('after'), key: 'after', align: 'right', render: (_, row) => formatYuan(row.afterFen) },
                  { title: t('delta'), key: 'delta', align: 'right', render: (_, row) => signed(row.deltaFen) },
                ]}
              />
            </>
          )}
        </Space>
      )}
    </Space>
  );
}
