import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { currentSession } from '../../auth/session';
import { ListPage, ListParams } from '../../components/ListPage';
import { formatInstant } from '../../format/dates';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { fetchNotifications, markAllRead, markRead, NotificationRow } from './notifications-api';

const messages = defineMessages({
  zh: {
    title: '通知',
    time: '时间',
    subject: '主题',
    body: '内容',
    state: '状态',
    unread: '未读',
    read: '已读',
    actions: '操作',
    markRead: '标为已读',
    markReadOf: '将“{subject}”标为已读',
    markAll: '全部已读',
    markedAll: '已将 {count} 条通知标为已读',
    view: '查看',
    viewOf: '查看“{subject}”相关事项',
    show: '显示',
    onlyUnread: '仅未读',
    all: '全部',
  },
  en: {
    title: 'Notifications',
    time: 'Time',
    subject: 'Subject',
    body: 'Message',
    state: 'Status',
    unread: 'Unread',
    read: 'Read',
    actions: 'Actions',
    markRead: 'Mark read',
    markReadOf: 'Mark “{subject}” read',
    markAll: 'Mark all read',
    markedAll: '{count} notifications marked read',
    view: 'Open',
    viewOf: 'Open what “{subject}” is about',
    show: 'Show',
    onlyUnread: 'Unread only',
    all: 'All',
  },
});

/** Where a notification's subject opens, for the reader's role; null where there is no screen for it. */
function entityPath(entity: NotificationRow['entity'], role: string | undefined): string | null {
  if (!entity) return null;
  if (entity.type === 'application') {
    if (role === 'applicant') return `/my/applications/${entity.id}`;
    if (role === 'program_officer') return `/applications/${entity.id}`;
    if (role === 'district_reviewer' || role === 'technical_reviewer' || role === 'expert') return `/reviews/${entity.id}`;
    return null;
  }
  if (entity.type === 'program' && role === 'program_officer') return `/programs/${entity.id}`;
  if (entity.type === 'organization' && (role === 'program_officer' || role === 'district_reviewer')) return '/registrations';
  return null;
}

/** My notifications, newest first: time (CST), subject, message; mark one or all read (the bell's count follows). */
export default function NotificationsPage() {
  const t = useT(messages);
  const locale = useLocale();
  const role = currentSession()?.user.role;
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const readOne = useMutation({ mutationFn: markRead, onSuccess: refresh });
  const readAll = useMutation({
    mutationFn: markAllRead,
    onSuccess: async (count) => {
      await refresh();
      void message.success(t('markedAll', { count }));
    },
  });

  const columns: ColumnsType<NotificationRow> = useMemo(
    () => [
      { key: 'createdAt', title: t('time'), dataIndex: 'createdAt', sorter: true, width: 170, render: (value: string) => formatInstant(value, locale) },
      {
        key: 'subject',
        title: t('subject'),
        render: (_: unknown, row) => (row.readAt ? <Typography.Text>{row.subject}</Typography.Text> : <Typography.Text strong>{row.subject}</Typography.Text>),
      },
      {
        key: 'body',
        title: t('body'),
        render: (_: unknown, row) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, maxWidth: 560 }}>{row.body}</Typography.Paragraph>,
      },
      { key: 'state', title: t('state'), width: 80, render: (_: unknown, row) => (row.readAt ? t('read') : <Typography.Text strong>{t('unread')}</Typography.Text>) },
      {
        key: 'actions',
        title: t('actions'),
        width: 180,
        render: (_: unknown, row) => {
          const path = entityPath(row.entity, role);
          return (
            <>
              {path && (
                <Link to={path} aria-label={t('viewOf', { subject: row.subject })} style={{ marginRight: 8 }}>
                  {t('view')}
                </Link>
              )}
              {!row.readAt && (
                <Button size="small" aria-label={t('markReadOf', { subject: row.subject })} loading={readOne.isPending && readOne.variables === row.id} onClick={() => readOne.mutate(row.id)}>
                  {t('markRead')}
                </Button>
              )}
            </>
          );
        },
      },
    ],
    [t, locale, role, readOne],
  );

  return (
    <ListPage<NotificationRow>
      title={t('title')}
      queryKey={['notifications', 'list']}
      columns={columns}
      rowKey={(row) => row.id}
      filters={[{ name: 'unread', label: t('show'), kind: 'select', options: [{ value: 'true', label: t('onlyUnread') }], placeholder: t('all') }]}
      fetchPage={(params: ListParams) => fetchNotifications({ page: params.page, pageSize: params.pageSize, sort: params.sort, unread: params.filters.unread === 'true' })}
      toolbar={
        <Button type="primary" onClick={() => readAll.mutate()} loading={readAll.isPending}>
          {t('markAll')}
        </Button>
      }
    />
  );
}
