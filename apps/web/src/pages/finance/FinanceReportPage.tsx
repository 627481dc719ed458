import DownloadOutlined from '@ant-design/icons/DownloadOutlined';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Form, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, downloadFile, unwrap, unwrapPage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatYuan } from '../../format/money';
import { defineMessages, useT } from '../../i18n/messages';
import { FinanceFigures, ProgramReport } from './finance-api';

const messages = defineMessages({
  zh: {
    title: '财务报表',
    program: '项目',
    allPrograms: '全部已移交项目',
    chartTitle: '预算、承诺与支付（按项目和付款方）',
    chartNote: '金额单位：元。图中数据与下表相同。',
    budget: '预算',
    committed: '已承诺',
    paid: '已支付',
    payer: '付款方',
    available: '可用预算',
    approved: '已批准',
    outstanding: '待支付',
    clawedBack: '已追回（应收）',
    recovered: '已收回',
    download: '导出 Excel：{program}',
    empty: '暂无已移交的项目',
    tableTitle: '明细（元）',
    total: '{program} 合计',
  },
  en: {
    title: 'Finance report',
    program: 'Program',
    allPrograms: 'All programs handed over',
    chartTitle: 'Budget, committed and paid, per program and payer',
    chartNote: 'Amounts in yuan. The chart shows the figures of the table below.',
    budget: 'Budget',
    committed: 'Committed',
    paid: 'Paid',
    payer: 'Payer',
    available: 'Available',
    approved: 'Approved',
    outstanding: 'Outstanding',
    clawedBack: 'Clawed back',
    recovered: 'Recovered',
    download: 'Export to Excel: {program}',
    empty: 'No program handed over yet',
    tableTitle: 'Figures (yuan)',
    total: '{program} total',
  },
});

interface Row extends FinanceFigures {
  key: string;
  program: string;
  payerName: string;
  isTotal: boolean;
}

const COLOURS = { budget: '#1456c8', committed: '#a35c00', paid: '#2e7d32' };

/** Ticks and tooltips in yuan from integer fen (the chart plots fen; no amount is divided in floating point). */
const yuanTick = (fen: number) => formatYuan(fen).replace(/\.00$/, '');

/** Budget, committed and paid per program and payer: a bar chart, the same figures as a table, each program's xlsx. */
export default function FinanceReportPage() {
  const t = useT(messages);
  const [search, setSearch] = useSearchParams();
  const selected = search.get('program') ?? undefined;
  const [downloadError, setDownloadError] = useState<unknown>();

  const programs = useQuery({
    queryKey: ['finance-report-programs'],
    queryFn: async () => unwrapPage(await api.GET('/api/v1/programs', { params: { query: { status: 'handed_over', pageSize: 100, sort: '-year' } } })).rows,
  });
  const shown = (programs.data ?? []).filter((program) => !selected || program.id === selected);
  const reports = useQueries({
    queries: shown.map((program) => ({
      queryKey: ['finance-report', program.id],
      queryFn: async () => unwrap(await api.GET('/api/v1/finance/programs/{id}/report', { params: { path: { id: program.id } } })),
    })),
  });
  const loaded = reports.map((report) => report.data).filter((report): report is ProgramReport => report !== undefined);
  const failure = programs.error ?? reports.find((report) => report.error)?.error;

  const chartData = useMemo(
    () =>
      loaded.flatMap((report) =>
        report.payers.map((payer) => ({
          name: loaded.length > 1 ? `${report.title} · ${payer.payerName}` : payer.payerName,
          budget: payer.budgetFen,
          committed: payer.committedFen,
          paid: payer.paidFen,
        })),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(loaded)],
  );
  const rows: Row[] = loaded.flatMap((report) => [
    ...report.payers.map((payer) => ({ ...payer, key: `${report.programId}-${payer.payer}`, program: report.title, isTotal: false })),
    ...(report.payers.length > 1 ? [{ ...report.totals, key: `${report.programId}-total`, program: report.title, payerName: t('total', { program: '' }).trim(), isTotal: true }] : []),
  ]);

  const money = (field: keyof FinanceFigures, title: string) => ({ key: field, title, align: 'right' as const, render: (_value: unknown, row: Row) => formatYuan(row[field]) });
  const columns: ColumnsType<Row> = [
    { key: 'program', title: t('program'), dataIndex: 'program' },
    { key: 'payerName', title: t('payer'), dataIndex: 'payerName', render: (value: string, row) => (row.isTotal ? <strong>{value}</strong> : value) },
    money('budgetFen', t('budget')),
    money('availableFen', t('available')),
    money('committedFen', t('committed')),
    money('approvedFen', t('approved')),
    money('paidFen', t('paid')),
    money('outstandingFen', t('outstanding')),
    money('clawedBackFen', t('clawedBack')),
    money('recoveredFen', t('recovered')),
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{t('title')}</Typography.Title>
      <Form layout="inline">
        <Form.Item label={t('program')} htmlFor="report-program">
          <Select
            id="report-program"
            allowClear
            style={{ minWidth: 320 }}
            placeholder={t('allPrograms')}
            value={selected}
            onChange={(value?: string) => setSearch(value ? { program: value } : {})}
            options={(programs.data ?? []).map((program) => ({ value: program.id, label: `${program.year} ${program.title}` }))}
          />
        </Form.Item>
      </Form>
      {failure ? <ErrorAlert error={failure} /> : null}
      {downloadError !== undefined && <ErrorAlert error={downloadError} />}
      {programs.isSuccess && shown.length === 0 ? (
        <Empty description={t('empty')} />
      ) : (
        <>
          <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('chartTitle')}</Typography.Title>}>
            <figure style={{ margin: 0 }} aria-label={t('chartTitle')}>
              <div style={{ width: '100%', height: 360 }} data-testid="finance-chart">
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={chartData} margin={{ top: 8, right: 16, left: 24, bottom: 8 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="name" />
                    <YAxis tickFormatter={yuanTick} width={110} />
                    <Tooltip formatter={(value) => `${formatYuan(Number(value))} 元`} />
                    <Legend />
                    <Bar dataKey="budget" name={t('budget')} fill={COLOURS.budget} />
                    <Bar dataKey="committed" name={t('committed')} fill={COLOURS.committed} />
                    <Bar dataKey="paid" name={t('paid')} fill={COLOURS.paid} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <figcaption><Typography.Text type="secondary">{t('chartNote')}</Typography.Text></figcaption>
            </figure>
          </Card>
          <Card
            title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('tableTitle')}</Typography.Title>}
            extra={
              <Space wrap>
                {loaded.map((report) => (
                  <Button
                    key={report.programId}
                    icon={<DownloadOutlined />}
                    onClick={() => {
                      setDownloadError(undefined);
                      downloadFile(`/api/v1/finance/programs/${report.programId}/report.xlsx`, `财务报表-${report.title}.xlsx`).catch(setDownloadError);
                    }}
                  >
                    {t('download', { program: report.title })}
                  </Button>
                ))}
              </Space>
            }
          >
            <Table<Row> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} loading={programs.isLoading || reports.some((report) => report.isLoading)} />
          </Card>
        </>
      )}
    </Space>
  );
}
