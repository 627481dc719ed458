import { Alert, Button, Input, Space, Table, Tag, Typography } from 'antd';
import { formatYuan } from '../../format/money';
import { defineMessages, useT } from '../../i18n/messages';
import { TONE } from '../../components/tones';
import type { CaseResult, CaseRun } from './policy-api';

const messages = defineMessages({
  zh: {
    intro: '测试案例按原文逐条写出申报情形和应得金额（格式同 tests/unit/policy/cases）。每次保存都会重新运行全部案例；全部通过后才能提交审核。',
    text: '测试案例（YAML）',
    run: '运行案例',
    summary: '共 {total} 个案例：通过 {passed} 个，未通过 {failed} 个',
    allPassed: '全部案例通过',
    someFailed: '有 {failed} 个案例未通过，修改草稿或案例的预期金额后再保存',
    notRun: '尚未运行案例',
    name: '案例',
    article: '政策条款',
    result: '结果',
    passed: '通过',
    failed: '未通过',
    expected: '预期金额（元）',
    actual: '计算金额（元）',
    problems: '不一致之处',
    trace: '计算过程',
    item: '资助项目',
    outcome: '结果',
    amount: '金额（元）',
    explanation: '说明',
    unsaved: '案例已修改，保存后运行',
    awarded: '予以资助',
    rejected: '不予资助',
    otherOutcome: '其他',
  },
  en: {
    intro: 'Cases write out, article by article, an application and what it should get (the format of tests/unit/policy/cases). Every save runs them all; a draft is submitted only when all pass.',
    text: 'Cases (YAML)',
    run: 'Run the cases',
    summary: '{total} cases: {passed} passed, {failed} failed',
    allPassed: 'All cases pass',
    someFailed: '{failed} cases fail: change the draft or the case’s expected amount, then save',
    notRun: 'The cases have not run yet',
    name: 'Case',
    article: 'Article',
    result: 'Result',
    passed: 'Passed',
    failed: 'Failed',
    expected: 'Expected (yuan)',
    actual: 'Computed (yuan)',
    problems: 'Differences',
    trace: 'How it was computed',
    item: 'Item',
    outcome: 'Outcome',
    amount: 'Amount (yuan)',
    explanation: 'Explanation',
    unsaved: 'The cases changed: save to run them',
    awarded: 'Awarded',
    rejected: 'Not awarded',
    otherOutcome: 'Other',
  },
});

function TraceTable({ result }: { result: CaseResult }) {
  const t = useT(messages);
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(_, index) => String(index)}
      dataSource={result.trace}
      aria-label={t('trace')}
      columns={[
        { title: t('item'), key: 'item', render: (_, entry) => entry.itemId },
        { title: t('article'), key: 'article', render: (_, entry) => entry.article ?? '—' },
        { title: t('outcome'), key: 'outcome', render: (_, entry) => t(entry.outcome === 'awarded' || entry.outcome === 'rejected' ? entry.outcome : 'otherOutcome') },
        { title: t('amount'), key: 'amount', align: 'right', render: (_, entry) => formatYuan(entry.amountFen) },
        { title: t('explanation'), key: 'explanation', render: (_, entry) => <span style={{ whiteSpace: 'normal' }}>{entry.explanation}</span> },
      ]}
    />
  );
}

/** 测试案例: the case table as text, and each case's pass or fail with its trace. */
export function CasesTab(props: {
  casesText: string;
  onChange: (text: string) => void;
  run: CaseRun | undefined;
  dirty: boolean;
  readOnly: boolean;
  running: boolean;
  onRun: () => void;
}) {
  const t = useT(messages);
  const { run } = props;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('intro')}</Typography.Paragraph>
      <label htmlFor="policy-cases-text"><Typography.Text strong>{t('text')}</Typography.Text></label>
      <Input.TextArea
        id="policy-cases-text"
        value={props.casesText}
        disabled={props.readOnly}
        onChange={(event) => props.onChange(event.target.value)}
        autoSize={{ minRows: 10, maxRows: 24 }}
        spellCheck={false}
        style={{ fontFamily: 'monospace', fontSize: 13 }}
      />
      <Space wrap>
        <Button onClick={props.onRun} loading={props.running} disabled={props.dirty}>{t('run')}</Button>
        {props.dirty && <Typography.Text type="secondary">{t('unsaved')}</Typography.Text>}
      </Space>
      {!run ? (
        <Typography.Text type="secondary">{t('notRun')}</Typography.Text>
      ) : (
        <>
          <Alert
            type={run.failed === 0 ? 'success' : 'warning'}
            showIcon
            message={t('summary', { total: run.total, passed: run.passed, failed: run.failed })}
            description={run.failed === 0 ? t('allPassed') : t('someFailed', { failed: run.failed })}
            role="status"
          />
          <Table<CaseResult>
            size="small"
            rowKey={(result, index) => `${index}:${result.name}`}
            dataSource={[...run.results].sort((a, b) => Number(a.passed) - Number(b.passed))}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            expandable={{ expandedRowRender: (result) => <TraceTable result={result} />, rowExpandable: (result) => result.trace.length > 0 }}
            columns={[
              { title: t('name'), key: 'name', render: (_, result) => <span style={{ whiteSpace: 'normal' }}>{result.name}</span> },
              { title: t('article'), key: 'article', onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (_, result) => result.article ?? '—' },
              { title: t('result'), key: 'result', render: (_, result) => <Tag color={result.passed ? TONE.success : TONE.error}>{result.passed ? t('passed') : t('failed')}</Tag> },
              { title: t('expected'), key: 'expected', align: 'right', render: (_, result) => formatYuan(result.expectedTotalFen) },
              { title: t('actual'), key: 'actual', align: 'right', render: (_, result) => formatYuan(result.actualTotalFen) },
              { title: t('problems'), key: 'problems', render: (_, result) => (result.problems.length ? <ul style={{ margin: 0, paddingInlineStart: 16 }}>{result.problems.map((text) => <li key={text}>{text}</li>)}</ul> : '—') },
            ]}
          />
        </>
      )}
    </Space>
  );
}
