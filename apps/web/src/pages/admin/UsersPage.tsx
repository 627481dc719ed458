import PlusOutlined from '@ant-design/icons/PlusOutlined';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Modal, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { currentSession } from '../../auth/session';
import { FilterField, ListPage, ListParams } from '../../components/ListPage';
import { TONE } from '../../components/tones';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { AccountAction, AccountActionForm } from './AccountActionForm';
import { CreateUserForm } from './CreateUserForm';
import { fetchStaff, GRANTABLE_ROLES, StaffUser, UserListQuery } from './users-api';

const messages = defineMessages({
  zh: {
    title: '用户管理',
    create: '新增用户',
    createTitle: '新增用户',
    name: '姓名',
    username: '用户名',
    email: '电子邮箱',
    role: '角色',
    district: '所属区县',
    status: '状态',
    actions: '操作',
    active: '启用',
    inactive: '已停用',
    q: '姓名、用户名或邮箱',
    deactivate: '停用',
    reactivate: '重新启用',
    reset: '重置密码',
    deactivateTitle: '停用账号',
    reactivateTitle: '重新启用账号',
    resetTitle: '重置密码',
    notManageable: '—',
    level: '（{level}）',
  },
  en: {
    title: 'Users',
    create: 'New user',
    createTitle: 'New user',
    name: 'Name',
    username: 'Username',
    email: 'E-mail',
    role: 'Role',
    district: 'District',
    status: 'Status',
    actions: 'Actions',
    active: 'Active',
    inactive: 'Deactivated',
    q: 'Name, username or e-mail',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    reset: 'Reset password',
    deactivateTitle: 'Deactivate the account',
    reactivateTitle: 'Reactivate the account',
    resetTitle: 'Reset the password',
    notManageable: '—',
    level: ' ({level})',
  },
});

/**
 * 用户管理: the tenant's staff accounts (never the applicants', who register themselves), server-paged with the
 * filters in the URL; 新增用户, and per account 停用 / 重新启用 / 重置密码. Administrator accounts and one's own are
 * managed by the platform administrator only (account-authority.ts), so they show no actions here.
 */
export default function UsersPage() {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const me = currentSession()?.user.id;
  const [creating, setCreating] = useState(false);
  const [acting, setActing] = useState<{ user: StaffUser; action: AccountAction } | undefined>();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['staff-users'] });

  const filters: FilterField[] = [
    { name: 'q', label: t('q'), kind: 'text' },
    { name: 'role', label: t('role'), kind: 'select', options: GRANTABLE_ROLES.map((value) => ({ value, label: label('role', value) })) },
    { name: 'active', label: t('status'), kind: 'select', options: [{ value: 'true', label: t('active') }, { value: 'false', label: t('inactive') }] },
  ];

  const manageable = (user: StaffUser) => user.id !== me && user.role !== 'tenant_admin' && user.role !== 'platform_admin';
  const actionButton = (user: StaffUser, action: AccountAction) => (
    <Button size="small" type="link" danger={action === 'deactivate'} onClick={() => setActing({ user, action })} aria-label={`${t(action)}：${user.displayName}`}>
      {t(action)}
    </Button>
  );

  const columns: ColumnsType<StaffUser> = [
    { key: 'displayName', title: t('name'), sorter: true, render: (_, row) => row.displayName },
    { key: 'username', title: t('username'), sorter: true, render: (_, row) => row.username },
    { key: 'email', title: t('email'), render: (_, row) => row.email ?? '—' },
    {
      key: 'role',
      title: t('role'),
      sorter: true,
      render: (_, row) => `${label('role', row.role)}${row.financeLevel ? t('level', { level: label('financeLevel', row.financeLevel) }) : ''}`,
    },
    { key: 'districtCode', title: t('district'), sorter: true, render: (_, row) => row.districtName ?? row.districtCode ?? '—' },
    // Words, not only colour: 启用 / 已停用.
    { key: 'active', title: t('status'), sorter: true, render: (_, row) => <Tag color={row.active ? TONE.success : TONE.neutral}>{row.active ? t('active') : t('inactive')}</Tag> },
    {
      key: 'actions',
      title: t('actions'),
      render: (_, row) =>
        manageable(row) ? (
          <Space size={0} wrap>
            {row.active ? actionButton(row, 'deactivate') : actionButton(row, 'reactivate')}
            {row.active && actionButton(row, 'reset')}
          </Space>
        ) : (
          t('notManageable')
        ),
    },
  ];

  const fetchPage = (params: ListParams) =>
    fetchStaff({
      page: params.page,
      pageSize: params.pageSize,
      sort: params.sort as UserListQuery['sort'],
      q: params.filters.q,
      role: params.filters.role as UserListQuery['role'],
      active: params.filters.active as UserListQuery['active'],
    });

  return (
    <>
      <ListPage<StaffUser>
        title={t('title')}
        queryKey={['staff-users', locale]}
        columns={columns}
        fetchPage={fetchPage}
        rowKey={(row) => row.id}
        filters={filters}
        toolbar={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('create')}
          </Button>
        }
      />
      <Modal open={creating} title={t('createTitle')} footer={null} onCancel={() => setCreating(false)} destroyOnHidden width={600}>
        <CreateUserForm
          onCreated={() => {
            setCreating(false);
            refresh();
          }}
          onCancel={() => setCreating(false)}
        />
      </Modal>
      <Modal open={acting !== undefined} title={acting ? t(`${acting.action}Title`) : ''} footer={null} onCancel={() => setActing(undefined)} destroyOnHidden>
        {acting && (
          <AccountActionForm
            user={acting.user}
            action={acting.action}
            onDone={() => {
              setActing(undefined);
              refresh();
            }}
            onCancel={() => setActing(undefined)}
          />
        )}
      </Modal>
    </>
  );
}
