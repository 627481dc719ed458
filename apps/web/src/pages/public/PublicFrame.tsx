import { Breadcrumb, Button, Layout, Space, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { usePreferences } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';

const messages = defineMessages({
  zh: { product: '标准化资助公示', skip: '跳到主要内容', signIn: '工作人员、申报单位登录', language: 'English', largeText: '大字模式', home: '公示首页', where: '当前位置' },
  en: { product: 'Standardization Subsidy Public Notices', skip: 'Skip to main content', signIn: 'Sign in (staff and applicants)', language: '中文', largeText: 'Large text', home: 'Public notices', where: 'You are here' },
});

/** The frame of the pages anyone may read without signing in: a plain header, a breadcrumb, the page. */
export function PublicFrame({ crumbs, children }: { crumbs: Array<{ title: ReactNode; to?: string }>; children: ReactNode }) {
  const t = useT(messages);
  const { locale, setLocale, largeText, setLargeText } = usePreferences();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">{t('skip')}</a>
      <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'space-between', alignItems: 'center', borderBottom: '1px solid #e5e6eb', flexWrap: 'wrap' }}>
        <Link to="/public"><Typography.Text strong style={{ fontSize: 16 }}>{t('product')}</Typography.Text></Link>
        <Space size="middle" wrap>
          <Space size={4}>
            <Switch size="small" checked={largeText} onChange={setLargeText} id="public-large-text" />
            <label htmlFor="public-large-text">{t('largeText')}</label>
          </Space>
          <Button type="link" onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')} lang={locale === 'zh' ? 'en' : 'zh-CN'}>{t('language')}</Button>
          <Link to="/login">{t('signIn')}</Link>
        </Space>
      </Layout.Header>
      {/* Layout.Content renders a <main>; the page's own <main> below is the only one. */}
      <div style={{ padding: '16px 24px', maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <nav aria-label={t('where')}>
          <Breadcrumb
            style={{ marginBottom: 12 }}
            items={[{ title: <Link to="/public">{t('home')}</Link> }, ...crumbs.map((crumb) => ({ title: crumb.to ? <Link to={crumb.to}>{crumb.title}</Link> : crumb.title }))]}
          />
        </nav>
        <main id="main" tabIndex={-1}>{children}</main>
      </div>
    </Layout>
  );
}
