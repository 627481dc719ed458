import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { TONE } from '../../components/tones';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap, unwrapPage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showFieldErrors } from '../../components/form-errors';
import { formatDate } from '../../format/dates';
import { formatYuan, parseYuanToFen } from '../../format/money';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { ClawbackItem, fenForJson, idempotencyKey } from './finance-api';

const messages = defineMessages({
  zh: {
    title: '追回款',
    intro: '项目主管部门认定须追回的资助，按各付款方已支付的比例分摊。款项退回国库后，在此按付款方登记收回。',
    program: '项目',
    chooseProgram: '请选择项目',
    empty: '该项目没有追回款',
    organization: '单位名称',
    reasonKind: '追回原因',
    reason: '情况说明',
    foundOn: '认定日期',
    payer: '付款方',
    owed: '应收回（元）',
    recovered: '已收回（元）',
    outstanding: '未收回（元）',
    status: '状态',
    actions: '操作',
    record: '登记收回',
    recordTitle: '登记收回：{organization}（{payer}）',
    amount: '本次收回金额（元）',
    amountInvalid: '请输入金额（元），最多两位小数，且不超过未收回金额 {max} 元',
    ok: '登记',
    cancel: '取消',
    done: '已登记收回 {amount} 元',
  },
  en: {
    title: 'Clawbacks',
    intro: 'Awards the program office claims back, split between the payers in proportion to what each paid. Record here what each payer has received back.',
    program: 'Program',
    chooseProgram: 'Choose a program',
    empty: 'No clawback in this program',
    organization: 'Organization',
    reasonKind: 'Ground',
    reason: 'Details',
    foundOn: 'Found on',
    payer: 'Payer',
    owed: 'Owed (yuan)',
    recovered: 'Recovered (yuan)',
    outstanding: 'Outstanding (yuan)',
    status: 'Status',
    actions: 'Actions',
    record: 'Record a recovery',
    recordTitle: 'Recovery: {organization} ({payer})',
    amount: 'Amount received (yuan)',
    amountInvalid: 'Enter yuan with at most two decimals, at most the {max} yuan outstanding',
    ok: 'Record',
    cancel: 'Cancel',
    done: '{amount} yuan recorded',
  },
});

interface Row {
  key: string;
  clawback: ClawbackItem;
  payer: string;
  payerName: string;
  amountFen: number;
  recoveredFen: number;
  outstandingFen: string;
}

/** Clawbacks of a handed-over program, per payer, and the recoveries finance records as the money comes back. */
export default function ClawbacksPage() {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const [form] = Form.useForm<{ amountYuan: string }>();
  const [pending, setPending] = useState<Row>();
  const programId = search.get('program') ?? undefined;

  const programs = useQuery({
    queryKey: ['finance-clawback-programs'],
    queryFn: async () => unwrapPage(await api.GET('/api/v1/programs', { params: { query: { status: 'handed_over', pageSize: 100, sort: '-year' } } })).rows,
  });
  const chosen = programId ?? programs.data?.[0]?.id;
  const clawbacks = useQuery({
    queryKey: ['finance-clawbacks', chosen],
    enabled: chosen !== undefined,
    queryFn: async () => unwrap(await api.GET('/api/v1/finance/programs/{id}/clawbacks', { params: { path: { id: chosen ?? '' } } })).clawbacks,
  });

  const recover = useMutation({
    mutationFn: async ({ row, amountFen, key }: { row: Row; amountFen: number; key: ReturnType<typeof idempotencyKey> }) =>
      unwrap(
        await api.POST('/api/v1/finance/clawbacks/{id}/recoveries', { params: { path: { id: row.clawback.id }, header: key }, body: { payer: row.payer, amountFen } }),
      ),
    onSuccess: (_answer, variables) => {
      void message.success(t('done', { amount: formatYuan(variables.amountFen) }));
      setPending(undefined);
      form.resetFields();
      void queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith('finance-') });
    },
    onError: (error) => showFieldErrors(form, error),
  });

  const rows: Row[] = (clawbacks.data ?? []).flatMap((clawback) =>
    clawback.shares.map((share) => ({
      key: `${clawback.id}-${share.payer}`,
      clawback,
      payer: share.payer,
      payerName: share.payerName,
      amountFen: share.amountFen,
      recoveredFen: share.recoveredFen,
      outstandingFen: (BigInt(share.amountFen) - BigInt(share.recoveredFen)).toString(),
    })),
  );

  const columns: ColumnsType<Row> = [
    { key: 'organization', title: t('organization'), render: (_value, row) => row.clawback.organizationName },
    { key: 'reasonKind', title: t('reasonKind'), render: (_value, row) => label('clawbackReason', row.clawback.reasonKind) },
    { key: 'reason', title: t('reason'), render: (_value, row) => row.clawback.reason },
    { key: 'foundOn', title: t('foundOn'), render: (_value, row) => formatDate(row.clawback.foundOn, locale) },
    { key: 'payerName', title: t('payer'), dataIndex: 'payerName' },
    { key: 'owed', title: t('owed'), align: 'right', render: (_value, row) => formatYuan(row.amountFen) },
    { key: 'recovered', title: t('recovered'), align: 'right', render: (_value, row) => formatYuan(row.recoveredFen) },
    { key: 'outstanding', title: t('outstanding'), align: 'right', render: (_value, row) => formatYuan(row.outstandingFen) },
    { key: 'status', title: t('status'), render: (_value, row) => <Tag color={row.outstandingFen === '0' ? TONE.success : TONE.neutral}>{label('clawbackStatus', row.outstandingFen === '0' ? 'recovered' : 'open')}</Tag> },
    {
      key: 'actions',
      title: t('actions'),
      render: (_value, row) =>
        row.outstandingFen !== '0' ? (
          <Button size="small" type="link" aria-label={`${t('record')}：${row.clawback.organizationName}（${row.payerName}）`} onClick={() => setPending(row)}>
            {t('record')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{t('title')}</Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('intro')}</Typography.Paragraph>
      <Form layout="inline">
        <Form.Item label={t('program')} htmlFor="clawback-program">
          <Select
            id="clawback-program"
            style={{ minWidth: 320 }}
            placeholder={t('chooseProgram')}
            value={chosen}
            onChange={(value: string) => setSearch({ program: value })}
            options={(programs.data ?? []).map((program) => ({ value: program.id, label: `${program.year} ${program.title}` }))}
          />
        </Form.Item>
      </Form>
      {programs.error ? <ErrorAlert error={programs.error} /> : null}
      {clawbacks.error ? <ErrorAlert error={clawbacks.error} /> : null}
      <Card>
        {rows.length === 0 && !clawbacks.isLoading ? (
          <Empty description={t('empty')} />
        ) : (
          <Table<Row> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} loading={clawbacks.isLoading} scroll={{ x: 'max-content' }} />
        )}
      </Card>
      <Modal
        open={pending !== undefined}
        title={pending ? t('recordTitle', { organization: pending.clawback.organizationName, payer: pending.payerName }) : ''}
        okText={t('ok')}
        cancelText={t('cancel')}
        confirmLoading={recover.isPending}
        onCancel={() => {
          setPending(undefined);
          form.resetFields();
        }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {pending && (
          <Form
            form={form}
            layout="vertical"
            initialValues={{ amountYuan: '' }}
            onFinish={(values) => {
              const fen = fenForJson(parseYuanToFen(values.amountYuan) ?? '');
              if (fen !== undefined) recover.mutate({ row: pending, amountFen: fen, key: idempotencyKey() });
            }}
          >
            {recover.error ? <ErrorAlert error={recover.error} /> : null}
            <Form.Item
              name="amountYuan"
              label={t('amount')}
              rules={[
                {
                  validator: async (_rule, value: string) => {
                    const fen = parseYuanToFen(value ?? '');
                    if (!fen || fen === '0' || BigInt(fen) > BigInt(pending.outstandingFen)) throw new Error(t('amountInvalid', { max: formatYuan(pending.outstandingFen) }));
                  },
                },
              ]}
            >
              <Input inputMode="decimal" suffix="元" />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </Space>
  );
}
