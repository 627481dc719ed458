import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { saveSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePreferences } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';

const messages = defineMessages({
  zh: {
    title: '标准化资助管理平台',
    subtitle: '请选择您所在的地区并登录',
    tenant: '所属地区',
    tenantPlaceholder: '输入名称查找，如“北京市”',
    tenantRequired: '请选择所属地区',
    username: '用户名',
    usernameRequired: '请输入用户名',
    password: '密码',
    passwordRequired: '请输入密码',
    submit: '登录',
    setup: '首次登录？用邮件中的链接设置密码',
    register: '企业、机构注册',
    publicity: '查看公示',
    language: 'English',
    largeText: '大字模式',
  },
  en: {
    title: 'Standardization Subsidy Hub',
    subtitle: 'Choose your government and sign in',
    tenant: 'Government',
    tenantPlaceholder: 'Type to find, e.g. "Beijing"',
    tenantRequired: 'Choose your government',
    username: 'Username',
    usernameRequired: 'Enter your username',
    password: 'Password',
    passwordRequired: 'Enter your password',
    submit: 'Sign in',
    setup: 'First time? Set your password with the link in your e-mail',
    register: 'Register an organization',
    publicity: 'Public notices',
    language: '中文',
    largeText: 'Large text',
  },
});

interface LoginForm {
  tenant: string;
  username: string;
  password: string;
}

export function usePublicTenants() {
  return useQuery({ queryKey: ['public-tenants'], queryFn: async () => unwrap(await api.GET('/api/v1/public/tenants')), staleTime: 3_600_000 });
}

/** Sign-in: the government is chosen by its Chinese name, never typed as an id. */
export default function LoginPage() {
  const t = useT(messages);
  const { locale, setLocale, largeText, setLargeText } = usePreferences();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const tenants = usePublicTenants();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: LoginForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const tokens = unwrap(await api.POST('/api/v1/auth/login', { body: values }));
      const tenant = tenants.data?.find((candidate) => candidate.id === values.tenant);
      saveSession({
        tenant: values.tenant,
        tenantNameZh: tenant?.nameZh ?? '',
        tenantNameEn: tenant?.nameEn ?? '',
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: Date.now() + tokens.expiresIn * 1000,
        user: tokens.user,
      });
      const next = search.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f2f4f7', padding: 16 }}>
      <Card style={{ width: 420, maxWidth: '100%' }}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <div>
            <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }}>{t('title')}</Typography.Title>
            <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
          </div>
          {error !== undefined && <ErrorAlert error={error} />}
          <Form<LoginForm> layout="vertical" onFinish={(values) => void onFinish(values)} requiredMark={false}>
            <Form.Item name="tenant" label={t('tenant')} rules={[{ required: true, message: t('tenantRequired') }]}>
              <Select
                showSearch
                loading={tenants.isLoading}
                placeholder={t('tenantPlaceholder')}
                optionFilterProp="label"
                options={(tenants.data ?? []).map((tenant) => ({ value: tenant.id, label: locale === 'zh' ? tenant.nameZh : `${tenant.nameEn} ${tenant.nameZh}` }))}
              />
            </Form.Item>
            <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('usernameRequired') }]}>
              <Input autoComplete="username" />
            </Form.Item>
            <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>{t('submit')}</Button>
          </Form>
          <Space direction="vertical" size={4}>
            <Link to="/password-setup">{t('setup')}</Link>
            <Link to="/register">{t('register')}</Link>
            <Link to="/public">{t('publicity')}</Link>
          </Space>
          <Space>
            <Button type="link" onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')} lang={locale === 'zh' ? 'en' : 'zh-CN'}>{t('language')}</Button>
            <Switch size="small" checked={largeText} onChange={setLargeText} id="login-large-text" />
            <label htmlFor="login-large-text">{t('largeText')}</label>
          </Space>
        </Space>
      </Card>
    </main>
  );
}
