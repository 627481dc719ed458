import BellOutlined from '@ant-design/icons/BellOutlined';
import LogoutOutlined from '@ant-design/icons/LogoutOutlined';
import { Badge, Breadcrumb, Button, Layout, Menu, Space, Spin, Switch, Tooltip, Typography } from 'antd';
import { Suspense, useMemo } from 'react';
import { Link, Outlet, useLocation, useMatches, useNavigate } from 'react-router-dom';
import type { RouteDef } from '../app/route-def';
import { ROUTES } from '../app/routes';
import { currentSession } from '../auth/session';
import { signOut } from '../auth/sign-out';
import { useLabel } from '../i18n/labels';
import { usePreferences } from '../i18n/locale';
import { defineMessages, useT } from '../i18n/messages';
import { useUnreadNotifications } from './unread-notifications';

const messages = defineMessages({
  zh: {
    product: '标准化资助管理平台',
    skip: '跳到主要内容',
    navigation: '主菜单',
    notifications: '通知',
    unread: '{count} 条未读通知',
    largeText: '大字模式',
    language: 'English',
    signOut: '退出登录',
    loading: '正在加载…',
  },
  en: {
    product: 'Standardization Subsidy Hub',
    skip: 'Skip to main content',
    navigation: 'Main menu',
    notifications: 'Notifications',
    unread: '{count} unread notifications',
    largeText: 'Large text',
    language: '中文',
    signOut: 'Sign out',
    loading: 'Loading…',
  },
});

/** The back-office frame officers know: menu on the left, breadcrumb and the screen on the right, tools at the top. */
export function AppLayout() {
  const t = useT(messages);
  const label = useLabel();
  const { locale, setLocale, largeText, setLargeText } = usePreferences();
  const session = currentSession();
  const navigate = useNavigate();
  const location = useLocation();
  const matches = useMatches();
  const unread = useUnreadNotifications();
  const role = session?.user.role ?? '';

  const menuItems = useMemo(
    () =>
      ROUTES.filter((def) => def.menu && !def.public && (!def.roles || def.roles.includes(role)))
        .sort((a, b) => (a.menu?.order ?? 0) - (b.menu?.order ?? 0))
        .map((def) => ({ key: def.path, icon: def.menu?.icon, label: <Link to={def.path}>{def.title[locale]}</Link> })),
    [role, locale],
  );
  const selected = menuItems
    .map((item) => item.key)
    .filter((key) => key === '/' ? location.pathname === '/' : location.pathname.startsWith(key))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  const crumbs = matches
    .map((match) => (match.handle as { def?: RouteDef } | undefined)?.def)
    .filter((def): def is RouteDef => def !== undefined)
    .map((def) => ({ title: def.title[locale] }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">{t('skip')}</a>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={220} theme="light" style={{ borderRight: '1px solid #e5e6eb' }}>
        <div style={{ padding: '16px 20px', fontWeight: 600 }}>{t('product')}</div>
        <nav aria-label={t('navigation')}>
          <Menu mode="inline" selectedKeys={selected} items={menuItems} style={{ borderInlineEnd: 0 }} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'space-between', alignItems: 'center', borderBottom: '1px solid #e5e6eb' }}>
          <Typography.Text strong>{session ? (locale === 'zh' ? session.tenantNameZh : session.tenantNameEn) : ''}</Typography.Text>
          <Space size="middle" wrap>
            <Tooltip title={t('unread', { count: unread })}>
              <Link to="/notifications" aria-label={`${t('notifications')}，${t('unread', { count: unread })}`}>
                <Badge count={unread} size="small"><BellOutlined style={{ fontSize: 18 }} /></Badge>
              </Link>
            </Tooltip>
            <Space size={4}>
              <Switch size="small" checked={largeText} onChange={setLargeText} aria-label={t('largeText')} id="large-text-switch" />
              <label htmlFor="large-text-switch">{t('largeText')}</label>
            </Space>
            <Button type="link" onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')} lang={locale === 'zh' ? 'en' : 'zh-CN'}>{t('language')}</Button>
            <Typography.Text>{locale === 'zh' ? `${session?.user.displayName ?? ''}（${label('role', session?.user.role)}）` : `${session?.user.displayName ?? ''} (${label('role', session?.user.role)})`}</Typography.Text>
            <Button icon={<LogoutOutlined />} onClick={() => void signOut().then(() => navigate('/login'))}>{t('signOut')}</Button>
          </Space>
        </Layout.Header>
        {/* antd 6 renders Layout.Content as the page's <main>; the skip link lands here. */}
        <Layout.Content id="main" tabIndex={-1} style={{ padding: '16px 24px' }}>
          <Breadcrumb items={crumbs} style={{ marginBottom: 12 }} />
          <Suspense fallback={<Spin tip={t('loading')} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
