import DownloadOutlined from '@ant-design/icons/DownloadOutlined';
import { Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { api, unwrapPage } from '../../api/client';
import type { ApplicationListQuery } from '../../api/types';
import { FilterField, ListPage, ListParams } from '../../components/ListPage';
import { formatDate, formatInstant } from '../../format/dates';
import { formatYuan } from '../../format/money';
import { LABELS, useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import type { ApplicationSummary } from './types';

const messages = defineMessages({
  zh: {
    title: '申报单位',
    organization: '申报单位',
    status: '所处环节',
    due: '本环节截止',
    estimate: '测算金额（元）',
    decided: '决定金额（元）',
    submittedAt: '提交时间',
    q: '单位名称或信用代码',
    export: '导出所选',
    file: '申报清单.csv',
  },
  en: {
    title: 'Applications',
    organization: 'Applicant',
    status: 'Stage',
    due: 'Stage due',
    estimate: 'Estimate (yuan)',
    decided: 'Decided (yuan)',
    submittedAt: 'Submitted',
    q: 'Name or credit code',
    export: 'Export selected',
    file: 'applications.csv',
  },
});

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The program's applications by stage: a server-paged list filtered by status; 导出 writes the selected rows (read only). */
export function ProgramApplicationsTab({ programId }: { programId: string }) {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();

  const filters: FilterField[] = [
    { name: 'q', label: t('q'), kind: 'text' },
    { name: 'status', label: t('status'), kind: 'select', options: Object.keys(LABELS.applicationStatus).map((value) => ({ value, label: label('applicationStatus', value) })) },
  ];
  const columns: ColumnsType<ApplicationSummary> = [
    { key: 'organizationName', title: t('organization'), sorter: true, render: (_, row) => <Link to={`/applications/${row.id}`}>{row.organizationName}</Link> },
    { key: 'status', title: t('status'), sorter: true, render: (_, row) => <Tag>{label('applicationStatus', row.status)}</Tag> },
    { key: 'stageDueOn', title: t('due'), sorter: true, render: (_, row) => formatDate(row.stageDueOn, locale) },
    { key: 'estimateTotalFen', title: t('estimate'), align: 'right', sorter: true, render: (_, row) => formatYuan(row.estimateTotalFen) },
    { key: 'decidedTotalFen', title: t('decided'), align: 'right', sorter: true, render: (_, row) => formatYuan(row.decidedTotalFen) },
    { key: 'submittedAt', title: t('submittedAt'), sorter: true, render: (_, row) => formatInstant(row.submittedAt, locale) },
  ];

  const fetchPage = async (params: ListParams) =>
    unwrapPage(
      await api.GET('/api/v1/applications', {
        params: { query: { programId, page: params.page, pageSize: params.pageSize, sort: params.sort as ApplicationListQuery['sort'], status: params.filters.status as ApplicationListQuery['status'], q: params.filters.q } },
      }),
    );

  const exportRows = (rows: ApplicationSummary[]) => {
    const header = [t('organization'), t('status'), t('due'), t('estimate'), t('decided'), t('submittedAt')];
    const lines = rows.map((row) =>
      [row.organizationName, label('applicationStatus', row.status), formatDate(row.stageDueOn, locale), formatYuan(row.estimateTotalFen), formatYuan(row.decidedTotalFen), formatInstant(row.submittedAt, locale)]
        .map(csvCell)
        .join(','),
    );
    // A BOM so that Excel reads the Chinese as UTF-8.
    const blob = new Blob(['\uFEFF', [header.map(csvCell).join(','), ...lines].join('\r\n')], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = t('file');
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <ListPage<ApplicationSummary>
      title={t('title')}
      headingLevel={2}
      queryKey={['program-applications', programId, locale]}
      columns={columns}
      fetchPage={fetchPage}
      rowKey={(row) => row.id}
      filters={filters}
      bulkActions={(selected) => (
        <Button icon={<DownloadOutlined />} onClick={() => exportRows(selected)}>
          {t('export')}
        </Button>
      )}
    />
  );
}
