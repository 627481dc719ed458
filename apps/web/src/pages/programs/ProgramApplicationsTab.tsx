import DownloadOutlined from '@ant-design/icons/DownloadOutlined';
import UserSwitchOutlined from '@ant-design/icons/UserSwitchOutlined';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Modal, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, unwrapPage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { exportApplications } from '../applications/bulk-api';
import { BulkReassignForm } from '../applications/BulkReassignForm';
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
    exportAll: '导出',
    reassign: '批量分配',
    reassignTitle: '批量分配审查任务',
    file: '申报清单.xlsx',
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
    exportAll: 'Export',
    reassign: 'Assign selected',
    reassignTitle: 'Assign the selected reviews',
    file: 'applications.xlsx',
  },
});

/**
 * The program's applications by stage: a server-paged list filtered by status. 导出 is the API's xlsx of the list as
 * filtered (or of the selected rows); 批量分配 hands the selected pending reviews to one reviewer, per application as
 * the single reassignment does. There is no bulk 推进: each stage's decision is the reviewer's, one application at a time.
 */
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

  const [search] = useSearchParams();
  const queryClient = useQueryClient();
  const [reassigning, setReassigning] = useState<ApplicationSummary[]>();
  const [exportError, setExportError] = useState<unknown>();
  const download = (ids?: string[]) => {
    setExportError(undefined);
    exportApplications(programId, { status: search.get('status') ?? undefined, q: search.get('q') ?? undefined, sort: search.get('sort') ?? undefined, ids }, t('file')).catch((e: unknown) => setExportError(e));
  };

  return (
    <>
      {exportError !== undefined && <ErrorAlert error={exportError} />}
      <ListPage<ApplicationSummary>
        title={t('title')}
        headingLevel={2}
        queryKey={['program-applications', programId, locale]}
        columns={columns}
        fetchPage={fetchPage}
        rowKey={(row) => row.id}
        filters={filters}
        toolbar={
          <Button icon={<DownloadOutlined />} onClick={() => download()}>
            {t('exportAll')}
          </Button>
        }
        bulkActions={(selected) => (
          <>
            <Button icon={<UserSwitchOutlined />} onClick={() => setReassigning(selected)}>
              {t('reassign')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => download(selected.map((row) => row.id))}>
              {t('export')}
            </Button>
          </>
        )}
      />
      <Modal open={reassigning !== undefined} title={t('reassignTitle')} footer={null} onCancel={() => setReassigning(undefined)} destroyOnHidden width={640}>
        {reassigning && (
          <BulkReassignForm
            rows={reassigning}
            onDone={() => void queryClient.invalidateQueries({ queryKey: ['program-applications', programId] })}
            onClose={() => setReassigning(undefined)}
          />
        )}
      </Modal>
    </>
  );
}
