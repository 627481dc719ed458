import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { TONE } from '../../components/tones';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showFieldErrors } from '../../components/form-errors';
import { formatInstant } from '../../format/dates';
import { formatYuan, parseYuanToFen } from '../../format/money';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { Batch, fenForJson, idempotencyKey, ShareItem } from './finance-api';

const messages = defineMessages({
  zh: {
    loading: '正在加载…',
    budgetTitle: '一、确认预算',
    handedOver: '项目主管部门移交的预算',
    cityBudget: '当前市级预算',
    available: '尚未承诺的预算',
    mode: '确认方式',
    asHanded: '按移交金额确认',
    change: '调整为其他金额',
    amount: '调整后的市级预算（元）',
    amountInvalid: '请输入金额（元），最多两位小数',
    reason: '调整理由',
    reasonRequired: '调整预算须写明理由',
    confirmBudget: '确认预算',
    budgetDone: '预算已确认：{amount} 元',
    intakeTitle: '二、接收资助名单',
    intakeText: '接收后，系统按政策把每项资助拆分到各付款方（市级、区县级或配套资金），并在预算中登记承诺。',
    intake: '接收资助名单',
    intakeDone: '已接收：{count} 项资金份额，合计 {amount} 元',
    approvalsTitle: '三、审批（按付款方）',
    noShares: '接收资助名单后，在此按付款方逐项审批',
    organization: '单位名称',
    item: '资助项目',
    article: '政策依据',
    amountColumn: '金额（元）',
    status: '状态',
    actions: '操作',
    approve: '批准',
    hold: '暂缓',
    releaseShare: '撤销',
    approveAll: '全部批准（{payer}）',
    payerTotal: '{payer}：{count} 项，合计 {amount} 元',
    holdTitle: '暂缓该笔资金',
    releaseTitle: '撤销该笔资金（释放预算）',
    holdReason: '暂缓原因',
    releaseReason: '撤销原因',
    reasonNeeded: '请写明原因',
    ok: '确定',
    cancel: '取消',
    approved: '已批准 {amount} 元',
    batchesTitle: '四、支付批次',
    batchesText: '把已批准且到期的资金按付款方生成支付批次，下载国库支付清单后逐笔确认银行支付结果。收款单位须已登记收款账户。',
    createBatch: '生成支付批次（{payer}）',
    batchCreated: '生成时间',
    batchPayer: '付款方',
    batchLines: '笔数',
    batchPaid: '已支付（元）',
    reportLink: '查看本项目财务报表',
    saved: '已保存',
  },
  en: {
    loading: 'Loading…',
    budgetTitle: '1. Confirm the budget',
    handedOver: 'Budget handed over by the program office',
    cityBudget: 'City budget now',
    available: 'Budget not yet committed',
    mode: 'How',
    asHanded: 'Confirm the handed-over figure',
    change: 'Set another figure',
    amount: 'New city budget (yuan)',
    amountInvalid: 'Enter an amount in yuan with at most two decimals',
    reason: 'Reason for the change',
    reasonRequired: 'A changed budget needs a reason',
    confirmBudget: 'Confirm the budget',
    budgetDone: 'Budget confirmed: {amount} yuan',
    intakeTitle: '2. Take the list in',
    intakeText: 'Taking the list in splits every award between its payers (city, district or matching funds) as the policy says and commits the budget.',
    intake: 'Take the list in',
    intakeDone: 'Taken in: {count} shares, {amount} yuan in all',
    approvalsTitle: '3. Approval per payer',
    noShares: 'Once the list is taken in, approve each payer’s shares here',
    organization: 'Organization',
    item: 'Item',
    article: 'Article',
    amountColumn: 'Amount (yuan)',
    status: 'Status',
    actions: 'Actions',
    approve: 'Approve',
    hold: 'Hold',
    releaseShare: 'Release',
    approveAll: 'Approve all ({payer})',
    payerTotal: '{payer}: {count} shares, {amount} yuan',
    holdTitle: 'Hold this share',
    releaseTitle: 'Release this share (frees the budget)',
    holdReason: 'Why it is held',
    releaseReason: 'Why it is released',
    reasonNeeded: 'Give the reason',
    ok: 'OK',
    cancel: 'Cancel',
    approved: '{amount} yuan approved',
    batchesTitle: '4. Payment batches',
    batchesText: 'Put each payer’s approved, due money into a batch, download the treasury sheet and confirm each line as the bank reports it. Payees need a registered bank account.',
    createBatch: 'Create a payment batch ({payer})',
    batchCreated: 'Created',
    batchPayer: 'Payer',
    batchLines: 'Lines',
    batchPaid: 'Paid (yuan)',
    reportLink: 'Finance report of this program',
    saved: 'Saved',
  },
});

interface BudgetForm {
  mode: 'as_handed' | 'change';
  amountYuan?: string;
  reason?: string;
}

type ShareAction = { kind: 'hold' | 'release'; share: ShareItem };

/** One handed-over program for finance: confirm the budget, take the list in, approve per payer, make payment batches. */
export default function FinanceProgramPage() {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const [budgetForm] = Form.useForm<BudgetForm>();
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const [pending, setPending] = useState<ShareAction>();
  const mode = Form.useWatch('mode', budgetForm);

  const program = useQuery({ queryKey: ['finance-program', id], queryFn: async () => unwrap(await api.GET('/api/v1/programs/{id}', { params: { path: { id } } })) });
  const budget = useQuery({
    queryKey: ['finance-budget', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/finance/programs/{id}/budget/handed-over', { params: { path: { id } } })),
    retry: false,
  });
  const shares = useQuery({
    queryKey: ['finance-shares', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/finance/programs/{id}/shares', { params: { path: { id } } })).shares,
  });
  const batches = useQuery({
    queryKey: ['finance-batches', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/finance/programs/{id}/batches', { params: { path: { id } } })).batches,
  });
  const refresh = () => queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith('finance-') });

  const confirmBudget = useMutation({
    mutationFn: async ({ values, key }: { values: BudgetForm; key: ReturnType<typeof idempotencyKey> }) => {
      const changed = values.mode === 'change';
      const fen = changed ? fenForJson(parseYuanToFen(values.amountYuan ?? '') ?? '') : undefined;
      return unwrap(
        await api.PUT('/api/v1/finance/programs/{id}/budget/handed-over', {
          params: { path: { id }, header: key },
          body: changed ? { amountFen: fen, reason: values.reason?.trim() } : {},
        }),
      );
    },
    onSuccess: (answer) => {
      void message.success(t('budgetDone', { amount: formatYuan(answer.budgetFen) }));
      void refresh();
    },
    onError: (error) => showFieldErrors(budgetForm, error),
  });

  const intake = useMutation({
    mutationFn: async (key: ReturnType<typeof idempotencyKey>) => unwrap(await api.POST('/api/v1/finance/programs/{id}/intake', { params: { path: { id }, header: key } })),
    onSuccess: () => void refresh(),
  });

  const approve = useMutation({
    mutationFn: async ({ payer, items, all, key }: { payer: string; items?: Array<{ shareId: string; action: 'approve' | 'hold' | 'release'; reason?: string }>; all?: boolean; key: ReturnType<typeof idempotencyKey> }) =>
      unwrap(await api.POST('/api/v1/finance/programs/{id}/approvals', { params: { path: { id }, header: key }, body: { payer, all, items } })),
    onSuccess: (answer) => {
      if (answer.approvedFen > 0) void message.success(t('approved', { amount: formatYuan(answer.approvedFen) }));
      setPending(undefined);
      reasonForm.resetFields();
      void refresh();
    },
  });

  const createBatch = useMutation({
    mutationFn: async ({ payer, key }: { payer: string; key: ReturnType<typeof idempotencyKey> }) =>
      unwrap(await api.POST('/api/v1/finance/programs/{id}/batches', { params: { path: { id }, header: key }, body: { payer } })),
    onSuccess: (batch) => navigate(`/finance/batches/${batch.id}`),
  });

  const byPayer = useMemo(() => {
    const groups = new Map<string, { payer: string; payerName: string; shares: ShareItem[] }>();
    for (const share of shares.data ?? []) {
      const group = groups.get(share.payer) ?? { payer: share.payer, payerName: share.payerName, shares: [] };
      group.shares.push(share);
      groups.set(share.payer, group);
    }
    return [...groups.values()];
  }, [shares.data]);
  const sharesTotal = (list: ShareItem[]) => list.reduce((sum, share) => sum + BigInt(share.amountFen), 0n).toString();

  const columns: ColumnsType<ShareItem> = [
    { key: 'organizationName', title: t('organization'), dataIndex: 'organizationName' },
    { key: 'itemLabel', title: t('item'), dataIndex: 'itemLabel' },
    { key: 'article', title: t('article'), dataIndex: 'article', render: (value: string | null) => value ?? '—' },
    { key: 'amount', title: t('amountColumn'), align: 'right', render: (_value, row) => formatYuan(row.amountFen) },
    {
      key: 'status',
      title: t('status'),
      render: (_value, row) => (
        <Space direction="vertical" size={0}>
          <Tag color={row.status === 'approved' ? TONE.success : row.status === 'committed' ? TONE.processing : TONE.neutral}>{label('shareStatus', row.status)}</Tag>
          {row.holdReason && <Typography.Text type="secondary">{row.holdReason}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('actions'),
      render: (_value, row) =>
        row.status === 'committed' || row.status === 'held' ? (
          <Space>
            <Button size="small" type="link" aria-label={`${t('approve')}：${row.organizationName} ${row.itemLabel}`} onClick={() => approve.mutate({ payer: row.payer, items: [{ shareId: row.shareId, action: 'approve' }], key: idempotencyKey() })}>
              {t('approve')}
            </Button>
            {row.status === 'committed' && (
              <Button size="small" type="link" aria-label={`${t('hold')}：${row.organizationName} ${row.itemLabel}`} onClick={() => setPending({ kind: 'hold', share: row })}>
                {t('hold')}
              </Button>
            )}
            <Button size="small" type="link" danger aria-label={`${t('releaseShare')}：${row.organizationName} ${row.itemLabel}`} onClick={() => setPending({ kind: 'release', share: row })}>
              {t('releaseShare')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  const batchColumns: ColumnsType<Batch> = [
    { key: 'createdAt', title: t('batchCreated'), render: (_value, row) => <Link to={`/finance/batches/${row.id}`}>{formatInstant(row.createdAt, locale)}</Link> },
    { key: 'payerName', title: t('batchPayer'), dataIndex: 'payerName' },
    { key: 'lines', title: t('batchLines'), render: (_value, row) => row.lines.length },
    { key: 'totalFen', title: t('amountColumn'), align: 'right', render: (_value, row) => formatYuan(row.totalFen) },
    { key: 'paid', title: t('batchPaid'), align: 'right', render: (_value, row) => formatYuan(row.lines.filter((line) => line.status === 'paid').reduce((sum, line) => sum + BigInt(line.amountFen), 0n).toString()) },
    { key: 'status', title: t('status'), render: (_value, row) => label('batchStatus', row.status) },
  ];

  const budgetData = budget.data;
  const takenIn = (shares.data ?? []).length > 0;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{program.data?.title ?? t('loading')}</Typography.Title>
      {program.error && <ErrorAlert error={program.error} />}
      <Link to={`/finance/reports?program=${id}`}>{t('reportLink')}</Link>

      <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('budgetTitle')}</Typography.Title>}>
        {budget.error ? (
          <ErrorAlert error={budget.error} />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('handedOver')}>{formatYuan(budgetData?.handedOverFen)} 元</Descriptions.Item>
              <Descriptions.Item label={t('cityBudget')}>{formatYuan(budgetData?.budgetFen)} 元</Descriptions.Item>
              <Descriptions.Item label={t('available')}>{formatYuan(budgetData?.availableFen)} 元</Descriptions.Item>
            </Descriptions>
            {confirmBudget.error && !(confirmBudget.error instanceof ApiError && confirmBudget.error.details.length > 0) ? <ErrorAlert error={confirmBudget.error} /> : null}
            <Form<BudgetForm>
              form={budgetForm}
              layout="vertical"
              initialValues={{ mode: 'as_handed', amountYuan: '', reason: '' }}
              onFinish={(values) => confirmBudget.mutate({ values, key: idempotencyKey() })}
              style={{ maxWidth: 560 }}
            >
              <Form.Item name="mode" label={t('mode')}>
                <Radio.Group options={[{ value: 'as_handed', label: t('asHanded') }, { value: 'change', label: t('change') }]} />
              </Form.Item>
              {mode === 'change' && (
                <>
                  <Form.Item
                    name="amountYuan"
                    label={t('amount')}
                    rules={[{ validator: async (_rule, value: string) => { if (!fenForJson(parseYuanToFen(value ?? '') ?? '')) throw new Error(t('amountInvalid')); } }]}
                  >
                    <Input inputMode="decimal" suffix="元" />
                  </Form.Item>
                  <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
                    <Input.TextArea rows={3} maxLength={2000} />
                  </Form.Item>
                </>
              )}
              <Button type="primary" htmlType="submit" loading={confirmBudget.isPending}>{t('confirmBudget')}</Button>
            </Form>
          </Space>
        )}
      </Card>

      <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('intakeTitle')}</Typography.Title>}>
        <Typography.Paragraph>{t('intakeText')}</Typography.Paragraph>
        {intake.error ? <ErrorAlert error={intake.error} /> : null}
        {takenIn ? (
          <Typography.Text>{t('intakeDone', { count: (shares.data ?? []).length, amount: formatYuan(sharesTotal(shares.data ?? [])) })}</Typography.Text>
        ) : (
          <Button type="primary" loading={intake.isPending} onClick={() => intake.mutate(idempotencyKey())}>{t('intake')}</Button>
        )}
      </Card>

      <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('approvalsTitle')}</Typography.Title>}>
        {approve.error && !pending ? <ErrorAlert error={approve.error} /> : null}
        {shares.error ? <ErrorAlert error={shares.error} /> : null}
        {byPayer.length === 0 ? (
          <Empty description={t('noShares')} />
        ) : (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            {byPayer.map((group) => (
              <section key={group.payer} aria-label={group.payerName}>
                <Space style={{ marginBottom: 8 }} wrap>
                  <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{t('payerTotal', { payer: group.payerName, count: group.shares.length, amount: formatYuan(sharesTotal(group.shares)) })}</Typography.Title>
                  {group.shares.some((share) => share.status === 'committed') && (
                    <Button type="primary" loading={approve.isPending} onClick={() => approve.mutate({ payer: group.payer, all: true, key: idempotencyKey() })}>
                      {t('approveAll', { payer: group.payerName })}
                    </Button>
                  )}
                </Space>
                <Table<ShareItem> rowKey="shareId" size="small" columns={columns} dataSource={group.shares} pagination={false} scroll={{ x: 'max-content' }} />
              </section>
            ))}
          </Space>
        )}
      </Card>

      <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('batchesTitle')}</Typography.Title>}>
        <Typography.Paragraph>{t('batchesText')}</Typography.Paragraph>
        {createBatch.error ? <ErrorAlert error={createBatch.error} /> : null}
        {batches.error ? <ErrorAlert error={batches.error} /> : null}
        {(batches.data ?? []).length > 0 && (
          <Table<Batch>
            rowKey="id"
            size="small"
            style={{ marginBottom: 16 }}
            columns={batchColumns}
            dataSource={batches.data}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        )}
        <Space wrap>
          {byPayer
            .filter((group) => group.shares.some((share) => share.status === 'approved'))
            .map((group) => (
              <Button key={group.payer} loading={createBatch.isPending} onClick={() => createBatch.mutate({ payer: group.payer, key: idempotencyKey() })}>
                {t('createBatch', { payer: group.payerName })}
              </Button>
            ))}
        </Space>
      </Card>

      <Modal
        open={pending !== undefined}
        title={pending?.kind === 'release' ? t('releaseTitle') : t('holdTitle')}
        okText={t('ok')}
        cancelText={t('cancel')}
        confirmLoading={approve.isPending}
        onCancel={() => {
          setPending(undefined);
          reasonForm.resetFields();
        }}
        onOk={() => reasonForm.submit()}
        destroyOnHidden
      >
        {pending && (
          <Form
            form={reasonForm}
            layout="vertical"
            onFinish={(values) => approve.mutate({ payer: pending.share.payer, items: [{ shareId: pending.share.shareId, action: pending.kind, reason: values.reason.trim() }], key: idempotencyKey() })}
          >
            <Typography.Paragraph>{pending.share.organizationName}：{pending.share.itemLabel}（{formatYuan(pending.share.amountFen)} 元）</Typography.Paragraph>
            {approve.error ? <ErrorAlert error={approve.error} /> : null}
            <Form.Item name="reason" label={pending.kind === 'release' ? t('releaseReason') : t('holdReason')} rules={[{ required: true, whitespace: true, message: t('reasonNeeded') }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </Space>
  );
}
