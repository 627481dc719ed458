import { useQuery } from '@tanstack/react-query';
import { App, Button, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { ListPage } from '../../components/ListPage';
import { formatDate, todayInCst } from '../../format/dates';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import type { ProgramView } from '../../api/types';
import { myApplications, openPrograms, startApplication } from './applicant-api';
import { typeLabel } from './achievement-fields';

const messages = defineMessages({
  zh: {
    title: '可申报项目',
    program: '项目名称',
    year: '年度',
    items: '可申报事项',
    closes: '申报截止日期',
    office: '受理机构',
    actions: '操作',
    start: '开始申报',
    continue: '继续填写',
    view: '查看申报',
    rolling: '常年受理',
    none: '—',
  },
  en: {
    title: 'Open programs',
    program: 'Program',
    year: 'Year',
    items: 'Items',
    closes: 'Closes on',
    office: 'Receiving office',
    actions: 'Actions',
    start: 'Start application',
    continue: 'Continue',
    view: 'View application',
    rolling: 'All year',
    none: '—',
  },
});

/** The calls open to the applicant now, each with its closing date (a plain CST date) and 开始申报. */
export default function OpenProgramsPage() {
  const t = useT(messages);
  const locale = useLocale();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [starting, setStarting] = useState<string>();
  const mine = useQuery({ queryKey: ['applicant', 'my-applications', 'all'], queryFn: () => myApplications({ page: 1, pageSize: 200 }) });
  const existing = new Map((mine.data?.rows ?? []).map((application) => [application.programId, application]));

  const start = async (program: ProgramView) => {
    setStarting(program.id);
    try {
      const created = await startApplication(program.id);
      navigate(`/my/applications/${created.id}`);
    } catch (caught) {
      const found = existing.get(program.id);
      if (caught instanceof ApiError && caught.status === 409 && found) navigate(`/my/applications/${found.id}`);
      else void message.error(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setStarting(undefined);
    }
  };

  const columns: ColumnsType<ProgramView> = [
    {
      key: 'title',
      title: t('program'),
      render: (_, program) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{program.title}</Typography.Text>
          {program.call.title && <Typography.Text type="secondary">{program.call.title}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'year', title: t('year'), dataIndex: 'year', width: 80 },
    {
      key: 'items',
      title: t('items'),
      render: (_, program) => Object.keys(program.call.materials ?? {}).map((type) => typeLabel(type, locale)).join('、') || t('none'),
    },
    {
      key: 'closesAt',
      title: t('closes'),
      sorter: true,
      render: (_, program) => (program.window.kind === 'rolling' ? `${t('rolling')}（${formatDate(todayInCst(new Date(program.window.closesAt)), locale)}）` : formatDate(todayInCst(new Date(program.window.closesAt)), locale)),
    },
    { key: 'office', title: t('office'), render: (_, program) => program.call.receivingOffice ?? t('none') },
    {
      key: 'actions',
      title: t('actions'),
      fixed: 'right',
      render: (_, program) => {
        const application = existing.get(program.id);
        if (application) {
          return (
            <Button autoInsertSpace={false} onClick={() => navigate(`/my/applications/${application.id}`)} aria-label={`${application.status === 'draft' ? t('continue') : t('view')}：${program.title}`}>
              {application.status === 'draft' ? t('continue') : t('view')}
            </Button>
          );
        }
        return (
          <Button autoInsertSpace={false} type="primary" loading={starting === program.id} onClick={() => void start(program)} aria-label={`${t('start')}：${program.title}`}>
            {t('start')}
          </Button>
        );
      },
    },
  ];

  return (
    <ListPage<ProgramView>
      title={t('title')}
      queryKey={['applicant', 'open-programs']}
      columns={columns}
      rowKey={(program) => program.id}
      fetchPage={(params) => openPrograms(params.page, params.pageSize, params.sort)}
    />
  );
}
