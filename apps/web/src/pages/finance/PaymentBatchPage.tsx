import DownloadOutlined from '@ant-design/icons/DownloadOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { TONE } from '../../components/tones';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, downloadFile, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../format/dates';
import { formatYuan } from '../../format/money';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { BatchLine, idempotencyKey } from './finance-api';

const messages = defineMessages({
  zh: {
    title: '支付批次',
    heading: '支付批次：{program}（{payer}）',
    back: '返回项目',
    status: '批次状态',
    total: '合计金额',
    lines: '笔数',
    createdAt: '生成时间',
    download: '下载国库支付清单（Excel）',
    lineNo: '序号',
    payee: '收款单位',
    uscc: '统一社会信用代码',
    bank: '开户银行',
    account: '账号',
    purpose: '用途',
    amount: '金额（元）',
    lineStatus: '状态',
    bankReference: '银行回单号',
    actions: '操作',
    paid: '确认已支付',
    failed: '确认支付失败',
    paidTitle: '确认第 {no} 笔已支付',
    failedTitle: '确认第 {no} 笔支付失败',
    confirmText: '{payee}，{amount} 元',
    referenceLabel: '银行回单号（或退票通知编号）',
    referenceRequired: '请填写银行回单号',
    ok: '确认',
    cancel: '取消',
    done: '已记录第 {no} 笔的银行结果',
    yuan: '{amount} 元',
  },
  en: {
    title: 'Payment batch',
    heading: 'Payment batch: {program} ({payer})',
    back: 'Back to the program',
    status: 'Status',
    total: 'Total',
    lines: 'Lines',
    createdAt: 'Created',
    download: 'Download the treasury sheet (Excel)',
    lineNo: 'No.',
    payee: 'Payee',
    uscc: 'Credit code',
    bank: 'Bank',
    account: 'Account',
    purpose: 'Purpose',
    amount: 'Amount (yuan)',
    lineStatus: 'Status',
    bankReference: 'Bank reference',
    actions: 'Actions',
    paid: 'Confirm paid',
    failed: 'Confirm failed',
    paidTitle: 'Line {no} was paid',
    failedTitle: 'Line {no} failed',
    confirmText: '{payee}, {amount} yuan',
    referenceLabel: 'Bank reference (or refusal notice number)',
    referenceRequired: 'Give the bank reference',
    ok: 'Confirm',
    cancel: 'Cancel',
    done: 'Line {no} recorded',
    yuan: '{amount} yuan',
  },
});

/** A payment batch: its lines, the treasury sheet to download, and the bank's outcome confirmed line by line. */
export default function PaymentBatchPage() {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const [form] = Form.useForm<{ bankReference: string }>();
  const [pending, setPending] = useState<{ line: BatchLine; outcome: 'paid' | 'failed' }>();
  const [downloadError, setDownloadError] = useState<unknown>();

  const batch = useQuery({ queryKey: ['finance-batch', id], queryFn: async () => unwrap(await api.GET('/api/v1/finance/batches/{id}', { params: { path: { id } } })) });
  const confirm = useMutation({
    mutationFn: async ({ lineNo, outcome, bankReference, key }: { lineNo: number; outcome: 'paid' | 'failed'; bankReference: string; key: ReturnType<typeof idempotencyKey> }) =>
      unwrap(await api.POST('/api/v1/finance/batches/{id}/confirm', { params: { path: { id }, header: key }, body: { bankReference, lines: [{ lineNo, outcome, bankReference }] } })),
    onSuccess: (answer, variables) => {
      queryClient.setQueryData(['finance-batch', id], answer);
      void queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith('finance-') && query.queryKey[0] !== 'finance-batch' });
      void message.success(t('done', { no: variables.lineNo }));
      setPending(undefined);
      form.resetFields();
    },
  });

  const data = batch.data;
  const columns: ColumnsType<BatchLine> = [
    { key: 'lineNo', title: t('lineNo'), dataIndex: 'lineNo', width: 64 },
    { key: 'payeeName', title: t('payee'), dataIndex: 'payeeName' },
    { key: 'payeeUscc', title: t('uscc'), dataIndex: 'payeeUscc' },
    { key: 'bankName', title: t('bank'), dataIndex: 'bankName' },
    { key: 'accountNo', title: t('account'), dataIndex: 'accountNo' },
    { key: 'purpose', title: t('purpose'), dataIndex: 'purpose', render: (value: string) => <span style={{ display: 'inline-block', minWidth: 200, maxWidth: 320, whiteSpace: 'normal' }}>{value}</span> },
    { key: 'amount', title: t('amount'), align: 'right', render: (_value, row) => formatYuan(row.amountFen) },
    {
      key: 'status',
      title: t('lineStatus'),
      render: (_value, row) => <Tag color={row.status === 'paid' ? TONE.success : row.status === 'failed' ? TONE.error : row.status === 'held_account_changed' ? TONE.warning : TONE.processing}>{label('batchLineStatus', row.status)}</Tag>,
    },
    { key: 'bankReference', title: t('bankReference'), dataIndex: 'bankReference', render: (value: string | null) => value ?? '—' },
    {
      key: 'actions',
      title: t('actions'),
      render: (_value, row) =>
        row.status === 'instructed' ? (
          <Space>
            <Button size="small" type="link" aria-label={`${t('paid')}：${t('lineNo')} ${row.lineNo}`} onClick={() => setPending({ line: row, outcome: 'paid' })}>{t('paid')}</Button>
            <Button size="small" type="link" danger aria-label={`${t('failed')}：${t('lineNo')} ${row.lineNo}`} onClick={() => setPending({ line: row, outcome: 'failed' })}>{t('failed')}</Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{data ? t('heading', { program: data.programTitle, payer: data.payerName }) : t('title')}</Typography.Title>
      {batch.error && <ErrorAlert error={batch.error} />}
      {data && (
        <>
          <Link to={`/finance/programs/${data.programId}`}>{t('back')}</Link>
          <Card
            extra={
              <Button
                icon={<DownloadOutlined />}
                onClick={() => {
                  setDownloadError(undefined);
                  downloadFile(`/api/v1/finance/batches/${id}/export.xlsx`, `支付清单（${data.payerName}）-${data.programTitle}.xlsx`).catch(setDownloadError);
                }}
              >
                {t('download')}
              </Button>
            }
          >
            {downloadError !== undefined && <ErrorAlert error={downloadError} />}
            <Descriptions size="small" bordered column={{ xs: 1, md: 4 }}>
              <Descriptions.Item label={t('status')}>{label('batchStatus', data.status)}</Descriptions.Item>
              <Descriptions.Item label={t('total')}>{t('yuan', { amount: formatYuan(data.totalFen) })}</Descriptions.Item>
              <Descriptions.Item label={t('lines')}>{data.lines.length}</Descriptions.Item>
              <Descriptions.Item label={t('createdAt')}>{formatInstant(data.createdAt, locale)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card>
            <Table<BatchLine> rowKey="lineNo" size="small" columns={columns} dataSource={data.lines} pagination={false} tableLayout="auto" />
          </Card>
        </>
      )}
      <Modal
        open={pending !== undefined}
        title={pending ? (pending.outcome === 'paid' ? t('paidTitle', { no: pending.line.lineNo }) : t('failedTitle', { no: pending.line.lineNo })) : ''}
        okText={t('ok')}
        cancelText={t('cancel')}
        confirmLoading={confirm.isPending}
        onCancel={() => {
          setPending(undefined);
          form.resetFields();
        }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {pending && (
          <Form form={form} layout="vertical" onFinish={(values) => confirm.mutate({ lineNo: pending.line.lineNo, outcome: pending.outcome, bankReference: values.bankReference.trim(), key: idempotencyKey() })}>
            <Typography.Paragraph>{t('confirmText', { payee: pending.line.payeeName, amount: formatYuan(pending.line.amountFen) })}</Typography.Paragraph>
            {confirm.error ? <ErrorAlert error={confirm.error} /> : null}
            <Form.Item name="bankReference" label={t('referenceLabel')} rules={[{ required: true, whitespace: true, message: t('referenceRequired') }, { max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </Space>
  );
}
