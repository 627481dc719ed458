import DownloadOutlined from '@ant-design/icons/DownloadOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, downloadFile, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showFieldErrors } from '../../components/form-errors';
import { formatYuan } from '../../format/money';
import { useLabel } from '../../i18n/labels';
import { defineMessages, useT } from '../../i18n/messages';
import { AmountRow, AmountsTable, AmountValues, itemsOf } from './AmountsForm';
import { TONE } from './decision-api';
import type { BudgetEffect, DecisionEntry, DecisionItem, DecisionList, PendingDecision } from './decision-api';

const messages = defineMessages({
  zh: {
    title: '资助决定：{program}',
    loading: '正在加载…',
    budgetTitle: '预算与预算规则',
    budget: '项目预算（元）',
    rule: '预算规则',
    pro_rata: '超出预算时按比例核减',
    rank_order: '超出预算时按排名顺序资助',
    decidedTotal: '已拟定资助合计（元）',
    againstBudget: '与预算相比',
    within: '结余 {amount} 元',
    over: '超出 {amount} 元',
    effectScaled: '拟定资助合计超出预算。应用预算规则后，资助合计为 {allocated} 元；下表“预算规则影响”一栏列出每个单位的调整结果（尚未生效）。',
    effectFits: '拟定资助合计未超出预算，应用预算规则后各单位金额不变。',
    applied: '预算规则已应用，名单已确定。',
    apply: '应用预算规则并确定名单',
    applyTitle: '确定资助名单',
    applyText: '应用后，各单位的资助金额按上表“预算规则影响”一栏确定，并通知各申报单位。此后仍可在公示开始前更正个别决定（须写明理由）。',
    applyBlocked: '尚有 {count} 件申报待决定，全部决定后才能确定名单。',
    applyDone: '资助名单已确定：合计 {amount} 元',
    pendingTitle: '待决定的申报（{count} 件）',
    noPending: '没有待决定的申报',
    listTitle: '资助决定名单',
    noDecided: '尚未作出资助决定',
    rank: '排名',
    organization: '单位名称',
    items: '资助项目及政策依据',
    item: '资助项目',
    article: '政策依据',
    decidedItem: '决定金额（元）',
    reasonShown: '理由：{reason}',
    applicationTotal: '资助合计（元）',
    afterRule: '应用后 {amount}',
    ceiling: '测算上限（元）',
    proposed: '评审建议（元）',
    decided: '决定金额（元）',
    effect: '预算规则影响',
    status: '状态',
    actions: '操作',
    decide: '作出决定',
    correct: '更正决定',
    unchanged: '{amount} 元，不变',
    scaledTo: '{before} 元核减为 {amount} 元',
    cutOut: '{amount} 元，预算不足不予资助',
    decideTitle: '资助决定：{organization}',
    decideHint: '金额默认为评审建议；与评审建议不同的，须逐项写明理由。全部为 0 即不予资助（须写明理由）。',
    correctTitle: '更正资助决定：{organization}',
    correctHint: '公示开始前可以更正。已确定名单的，更正后的资助合计不得超出预算。',
    correctReason: '更正理由',
    correctReasonRequired: '请写明更正理由',
    save: '提交决定',
    saveCorrection: '提交更正',
    cancel: '取消',
    decidedOk: '已作出决定：{amount} 元',
    correctedOk: '已更正：{before} 元 → {after} 元',
    export: '导出名单（Excel）',
    toPublicity: '公示与移交',
    publicityOpened: '公示已开始，资助决定不能再更正。',
    total: '合计',
    earlier: '该单位曾就同一事项获得资助：{programs}',
  },
  en: {
    title: 'Decision: {program}',
    loading: 'Loading…',
    budgetTitle: 'Budget and budget rule',
    budget: 'Program budget (yuan)',
    rule: 'Budget rule',
    pro_rata: 'Scale pro rata when over budget',
    rank_order: 'Fund in rank order when over budget',
    decidedTotal: 'Decided so far (yuan)',
    againstBudget: 'Against the budget',
    within: '{amount} yuan left',
    over: '{amount} yuan over',
    effectScaled: 'The decided awards exceed the budget. Once the budget rule is applied the awards total {allocated} yuan; the column “Budget rule effect” shows each one (not yet applied).',
    effectFits: 'The decided awards fit in the budget; applying the rule changes no amount.',
    applied: 'The budget rule has been applied and the list fixed.',
    apply: 'Apply the budget rule and fix the list',
    applyTitle: 'Fix the list',
    applyText: 'Each award becomes the amount in the column “Budget rule effect”, and the applicants are told. A decision can still be corrected (with a reason) until the publicity opens.',
    applyBlocked: '{count} application(s) still await a decision; decide them all first.',
    applyDone: 'List fixed: {amount} yuan in all',
    pendingTitle: 'Awaiting decision ({count})',
    noPending: 'No application awaits a decision',
    listTitle: 'Decision list',
    noDecided: 'Nothing decided yet',
    rank: 'Rank',
    organization: 'Organization',
    items: 'Items and articles',
    item: 'Item',
    article: 'Article',
    decidedItem: 'Decided (yuan)',
    reasonShown: 'Reason: {reason}',
    applicationTotal: 'Award (yuan)',
    afterRule: 'After the rule: {amount}',
    ceiling: 'Ceiling (yuan)',
    proposed: 'Review proposal (yuan)',
    decided: 'Decided (yuan)',
    effect: 'Budget rule effect',
    status: 'Status',
    actions: 'Actions',
    decide: 'Decide',
    correct: 'Correct',
    unchanged: '{amount} yuan, unchanged',
    scaledTo: '{before} reduced to {amount} yuan',
    cutOut: '{amount} yuan, not funded: budget exhausted',
    decideTitle: 'Decision: {organization}',
    decideHint: 'Amounts start at the review’s proposal; give the reason for each one you change. All at 0 rejects the application (with a reason).',
    correctTitle: 'Correct the decision: {organization}',
    correctHint: 'Possible until the publicity opens. Once the list is fixed the corrected awards must stay within the budget.',
    correctReason: 'Reason for the correction',
    correctReasonRequired: 'Give the reason for the correction',
    save: 'Decide',
    saveCorrection: 'Correct',
    cancel: 'Cancel',
    decidedOk: 'Decided: {amount} yuan',
    correctedOk: 'Corrected: {before} → {after} yuan',
    export: 'Export the list (Excel)',
    toPublicity: 'Publicity and hand-over',
    publicityOpened: 'The publicity has opened: decisions can no longer be corrected.',
    total: 'Total',
    earlier: 'Earlier award for the same thing: {programs}',
  },
});

interface ListRow {
  key: string;
  entry: DecisionEntry;
  item: DecisionItem;
  index: number;
}

type Editing = { kind: 'decide'; pending: PendingDecision } | { kind: 'correct'; entry: DecisionEntry };

function effectOf(effect: BudgetEffect | null | undefined, applicationId: string) {
  return effect?.applications.find((a) => a.applicationId === applicationId);
}

/** The program officer's decision: applications awaiting a decision, the decision list, the budget rule's effect before it is applied. */
export default function DecisionPage() {
  const t = useT(messages);
  const label = useLabel();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const [editing, setEditing] = useState<Editing>();
  const [confirmApply, setConfirmApply] = useState(false);
  const [form] = Form.useForm<AmountValues & { reason?: string }>();
  const [formProblems, setFormProblems] = useState<unknown>();

  const list = useQuery({
    queryKey: ['decision-list', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/programs/{id}/decision-list', { params: { path: { id } } })) as DecisionList,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['decision-list', id] });

  const rowsOf = (target: Editing): AmountRow[] =>
    target.kind === 'decide'
      ? target.pending.items
      : target.entry.items.map((item) => ({ achievementId: item.achievementId, label: item.label, article: item.article, basis: item.basis, ceilingFen: item.ceilingFen, proposedFen: item.proposedFen }));

  const open = (target: Editing) => {
    setFormProblems(undefined);
    form.resetFields();
    form.setFieldsValue(
      target.kind === 'decide'
        ? { items: target.pending.items.map((item) => ({ amountYuan: formatYuan(item.proposedFen).replace(/,/g, ''), reason: '' })) }
        : { items: target.entry.items.map((item) => ({ amountYuan: formatYuan(item.decidedFen).replace(/,/g, ''), reason: item.reason ?? '' })), reason: '' },
    );
    setEditing(target);
  };

  const save = useMutation({
    mutationFn: async ({ target, values }: { target: Editing; values: AmountValues & { reason?: string } }) => {
      const items = itemsOf(rowsOf(target), values);
      if (target.kind === 'decide') {
        const done = unwrap(await api.PUT('/api/v1/applications/{id}/decision', { params: { path: { id: target.pending.applicationId } }, body: { items } }));
        return t('decidedOk', { amount: formatYuan(done.decidedTotalFen) });
      }
      const done = unwrap(
        await api.POST('/api/v1/applications/{id}/decision/corrections', {
          params: { path: { id: target.entry.applicationId } },
          body: { items, reason: values.reason?.trim() ?? '' },
        }),
      );
      return t('correctedOk', { before: formatYuan(done.previousTotalFen), after: formatYuan(done.decidedTotalFen) });
    },
    onSuccess: async (text) => {
      message.success(text);
      setEditing(undefined);
      await refresh();
    },
    onError: (error) => {
      showFieldErrors(form, error);
      setFormProblems(error);
    },
  });

  const apply = useMutation({
    // A rolling program still open is decided only on the office's word: the confirmation dialog is that word.
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/programs/{id}/decide', { params: { path: { id } }, body: list.data?.program.status === 'open' ? { decideWhileOpen: true } : {} })),
    onSuccess: async (done) => {
      message.success(t('applyDone', { amount: formatYuan(done.allocatedFen) }));
      setConfirmApply(false);
      await refresh();
    },
  });

  const exportList = useMutation({ mutationFn: () => downloadFile(`/api/v1/programs/${id}/decision-list.xlsx`, 'decision-list.xlsx') });

  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return <Typography.Paragraph>{t('loading')}</Typography.Paragraph>;
  const data = list.data;
  const effect = data.budgetEffect;
  const pending = data.pending ?? [];
  const publicityOpened = Boolean(data.publicity);
  const difference = BigInt(data.program.budgetTotalFen) - BigInt(data.totalFen);
  const undecidable = ['decided', 'publicized', 'handed_over'].includes(data.program.status);

  // One line per item, the application's cells spanning its items: the layout of a printed 资助决定名单.
  const span = (row: ListRow) => ({ rowSpan: row.index === 0 ? row.entry.items.length : 0 });
  const columns: ColumnsType<ListRow> = [
    { title: t('rank'), key: 'rank', width: 56, onCell: span, render: (_, row) => row.entry.rank ?? effectOf(effect, row.entry.applicationId)?.rank ?? '—' },
    {
      title: t('organization'),
      key: 'organization',
      width: 170,
      onCell: span,
      render: (_, { entry }) => (
        <Space direction="vertical" size={4}>
          <span>{entry.organization.name}</span>
          {entry.status !== 'decided' && <span>{`（${label('applicationStatus', entry.status)}）`}</span>}
          {entry.status === 'decided' && !publicityOpened && (
            <Button size="small" onClick={() => open({ kind: 'correct', entry })} aria-label={`${t('correct')}：${entry.organization.name}`}>
              {t('correct')}
            </Button>
          )}
        </Space>
      ),
    },
    {
      title: t('item'),
      key: 'item',
      width: 230,
      render: (_, { item }) => (
        <Space direction="vertical" size={2}>
          <span>{item.label}</span>
          {item.reason ? <span>{t('reasonShown', { reason: item.reason })}</span> : null}
          {item.earlierAwards && item.earlierAwards.length > 0 ? (
            <Tag color={TONE.warning} style={{ whiteSpace: 'normal' }}>{t('earlier', { programs: item.earlierAwards.map((a) => `${a.programYear} ${a.programTitle}`).join('、') })}</Tag>
          ) : null}
        </Space>
      ),
    },
    { title: t('article'), key: 'article', width: 120, render: (_, { item }) => item.article ?? '—' },
    { title: t('ceiling'), key: 'ceiling', align: 'right', width: 110, render: (_, { item }) => formatYuan(item.ceilingFen) },
    { title: t('proposed'), key: 'proposed', align: 'right', width: 110, render: (_, { item }) => formatYuan(item.proposedFen) },
    { title: t('decidedItem'), key: 'decidedItem', align: 'right', width: 110, render: (_, { item }) => formatYuan(item.decidedFen) },
    {
      title: effect ? t('effect') : t('applicationTotal'),
      key: 'effect',
      width: 150,
      onCell: span,
      render: (_, { entry }) => {
        const allocation = effectOf(effect, entry.applicationId);
        if (!allocation) return formatYuan(entry.decidedTotalFen);
        if (allocation.allocatedFen === allocation.requestedFen) return <Tag color={TONE.neutral}>{t('unchanged', { amount: formatYuan(allocation.requestedFen) })}</Tag>;
        if (allocation.allocatedFen === 0) return <Tag color={TONE.error} style={{ whiteSpace: 'normal' }}>{t('cutOut', { amount: formatYuan(allocation.requestedFen) })}</Tag>;
        return <Tag color={TONE.warning} style={{ whiteSpace: 'normal' }}>{t('scaledTo', { before: formatYuan(allocation.requestedFen), amount: formatYuan(allocation.allocatedFen) })}</Tag>;
      },
    },
  ];
  const sortedEntries = [...data.applications].sort((a, b) => (a.rank ?? effectOf(effect, a.applicationId)?.rank ?? 1e9) - (b.rank ?? effectOf(effect, b.applicationId)?.rank ?? 1e9));
  const listRows: ListRow[] = sortedEntries.flatMap((entry) => entry.items.map((item, index) => ({ key: `${entry.applicationId}/${item.achievementId}`, entry, item, index })));

  const editingRows = editing ? rowsOf(editing) : [];
  const editingName = editing ? (editing.kind === 'decide' ? editing.pending.organization.name : editing.entry.organization.name) : '';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('title', { program: data.program.title })}
      </Typography.Title>

      <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('budgetTitle')}</Typography.Title>}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('budget')}>{formatYuan(data.program.budgetTotalFen)}</Descriptions.Item>
          <Descriptions.Item label={t('rule')}>{t(data.program.budgetRule)}</Descriptions.Item>
          <Descriptions.Item label={t('decidedTotal')}>{formatYuan(data.totalFen)}</Descriptions.Item>
          <Descriptions.Item label={t('againstBudget')}>
            {difference >= 0n ? t('within', { amount: formatYuan(difference) }) : <Typography.Text type="danger">{t('over', { amount: formatYuan(-difference) })}</Typography.Text>}
          </Descriptions.Item>
        </Descriptions>
        <div style={{ marginTop: 12 }}>
          {effect ? (
            <Alert type={effect.scaled ? 'warning' : 'info'} showIcon message={effect.scaled ? t('effectScaled', { allocated: formatYuan(effect.allocatedFen) }) : t('effectFits')} />
          ) : undecidable ? (
            <Alert type="success" showIcon message={t('applied')} />
          ) : null}
        </div>
        {effect && (
          <Space style={{ marginTop: 12 }} wrap>
            <Button type="primary" disabled={pending.length > 0 || data.applications.length === 0} onClick={() => setConfirmApply(true)}>
              {t('apply')}
            </Button>
            {pending.length > 0 && <Typography.Text>{t('applyBlocked', { count: pending.length })}</Typography.Text>}
          </Space>
        )}
      </Card>

      <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('pendingTitle', { count: pending.length })}</Typography.Title>}>
        {pending.length === 0 ? (
          <Empty description={t('noPending')} />
        ) : (
          <Table<PendingDecision>
            size="small"
            rowKey="applicationId"
            pagination={false}
            dataSource={pending}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('organization'), key: 'organization', render: (_, row) => row.organization.name },
              {
                title: t('items'),
                key: 'items',
                render: (_, row) => (
                  <Space direction="vertical" size={2}>
                    {row.items.map((item) => <span key={item.achievementId}>{item.label}{item.article ? `（${item.article}）` : ''}</span>)}
                  </Space>
                ),
              },
              { title: t('ceiling'), key: 'ceiling', align: 'right', render: (_, row) => <Space direction="vertical" size={2}>{row.items.map((item) => <span key={item.achievementId}>{formatYuan(item.ceilingFen)}</span>)}</Space> },
              { title: t('proposed'), key: 'proposed', align: 'right', render: (_, row) => <Space direction="vertical" size={2}>{row.items.map((item) => <span key={item.achievementId}>{formatYuan(item.proposedFen)}</span>)}</Space> },
              {
                title: t('actions'),
                key: 'actions',
                render: (_, row) => (
                  <Button type="primary" size="small" onClick={() => open({ kind: 'decide', pending: row })} aria-label={`${t('decide')}：${row.organization.name}`}>
                    {t('decide')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>

      <Card
        size="small"
        title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('listTitle')}</Typography.Title>}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} loading={exportList.isPending} onClick={() => exportList.mutate()}>{t('export')}</Button>
            <Link to={`/programs/${id}/publicity`}>{t('toPublicity')}</Link>
          </Space>
        }
      >
        {exportList.error && <ErrorAlert error={exportList.error} />}
        {publicityOpened && <Alert type="info" showIcon message={t('publicityOpened')} style={{ marginBottom: 12 }} />}
        {data.applications.length === 0 ? (
          <Empty description={t('noDecided')} />
        ) : (
          <Table<ListRow>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={listRows}
            columns={columns}
            bordered
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={6}>{t('total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">{formatYuan(data.totalFen)}</Table.Summary.Cell>
                <Table.Summary.Cell index={7}>{effect ? t('afterRule', { amount: formatYuan(effect.allocatedFen) }) : ''}</Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        )}
      </Card>

      <Modal
        open={Boolean(editing)}
        title={editing?.kind === 'correct' ? t('correctTitle', { organization: editingName }) : t('decideTitle', { organization: editingName })}
        width={1000}
        okText={editing?.kind === 'correct' ? t('saveCorrection') : t('save')}
        cancelText={t('cancel')}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(undefined)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph>{editing?.kind === 'correct' ? t('correctHint') : t('decideHint')}</Typography.Paragraph>
        {formProblems !== undefined && <ErrorAlert error={formProblems} />}
        <Form form={form} layout="vertical" onFinish={(values) => editing && save.mutate({ target: editing, values })}>
          <AmountsTable rows={editingRows} form={form} />
          {editing?.kind === 'correct' && (
            <Form.Item name="reason" label={t('correctReason')} rules={[{ required: true, whitespace: true, message: t('correctReasonRequired') }]} style={{ marginTop: 12 }}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          )}
        </Form>
      </Modal>

      <Modal
        open={confirmApply}
        title={t('applyTitle')}
        okText={t('apply')}
        cancelText={t('cancel')}
        confirmLoading={apply.isPending}
        onCancel={() => setConfirmApply(false)}
        onOk={() => apply.mutate()}
      >
        <Typography.Paragraph>{t('applyText')}</Typography.Paragraph>
        {effect && <Typography.Paragraph strong>{effect.scaled ? t('effectScaled', { allocated: formatYuan(effect.allocatedFen) }) : t('effectFits')}</Typography.Paragraph>}
        {apply.error && <ErrorAlert error={apply.error} />}
      </Modal>
    </Space>
  );
}
