import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLabel } from '../../i18n/labels';
import { defineMessages, useT } from '../../i18n/messages';
import { fetchProgram } from './api';
import { ProgramApplicationsTab } from './ProgramApplicationsTab';
import { ProgramOverviewTab } from './ProgramOverviewTab';
import { RunningCallTab } from './RunningCallTab';

const messages = defineMessages({
  zh: {
    overview: '概况',
    applications: '申报',
    deadlines: '截止与延期',
    schedule: '发布',
    scheduleTitle: '发布本项目的申报通知？',
    scheduleBody: '发布后，项目将于开始受理时间自动开放申报、于截止时间自动截止；发布后不能再修改项目设置。',
    confirm: '确定发布',
    cancel: '取消',
    scheduled: '已发布，将按时开放申报',
    decision: '资助决定',
    publicity: '公示与移交',
  },
  en: {
    overview: 'Overview',
    applications: 'Applications',
    deadlines: 'Deadlines and extensions',
    schedule: 'Announce',
    scheduleTitle: 'Announce this program’s call?',
    scheduleBody: 'Once announced, the call opens and closes by itself at the times set; its settings can no longer be edited.',
    confirm: 'Announce',
    cancel: 'Cancel',
    scheduled: 'Announced: it opens on time',
    decision: 'Decision',
    publicity: 'Publicity and hand-over',
  },
});

/** One program: its settings with their articles, its applications by stage, and the actions on a running call. */
export default function ProgramPage() {
  const t = useT(messages);
  const label = useLabel();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const program = useQuery({ queryKey: ['program', id], queryFn: () => fetchProgram(id) });

  const schedule = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/programs/{id}/schedule', { params: { path: { id } } })),
    onSuccess: async () => {
      void message.success(t('scheduled'));
      await queryClient.invalidateQueries({ queryKey: ['program', id] });
      await queryClient.invalidateQueries({ queryKey: ['programs'] });
    },
  });

  if (program.error) return <ErrorAlert error={program.error} />;
  if (!program.data) return <Spin />;
  const p = program.data;
  const tab = search.get('tab') ?? 'overview';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap align="center">
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{p.title}</Typography.Title>
          <Tag>{label('programStatus', p.status)}</Tag>
        </Space>
        <Space wrap>
          {['closed', 'decided'].includes(p.status) && (
            <Link to={`/programs/${p.id}/decision`}>{t('decision')}</Link>
          )}
          {['decided', 'publicized', 'handed_over'].includes(p.status) && (
            <Link to={`/programs/${p.id}/publicity`}>{t('publicity')}</Link>
          )}
        </Space>
        {p.status === 'draft' && (
          <Button
            type="primary"
            loading={schedule.isPending}
            onClick={() =>
              modal.confirm({
                title: t('scheduleTitle'),
                content: t('scheduleBody'),
                okText: t('confirm'),
                cancelText: t('cancel'),
                onOk: () => schedule.mutateAsync().catch(() => undefined),
              })
            }
          >
            {t('schedule')}
          </Button>
        )}
      </Space>
      {schedule.error && <ErrorAlert error={schedule.error} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch(key === 'overview' ? {} : { tab: key })}
        items={[
          { key: 'overview', label: t('overview'), children: <ProgramOverviewTab program={p} /> },
          { key: 'applications', label: t('applications'), children: <ProgramApplicationsTab programId={p.id} /> },
          { key: 'deadlines', label: t('deadlines'), children: <RunningCallTab program={p} /> },
        ]}
      />
    </Space>
  );
}
