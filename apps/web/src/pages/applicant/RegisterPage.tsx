import { Button, Card, Form, Input, Result, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showFieldErrors } from '../../components/form-errors';
import { checkUscc, normalizeUscc, usccDivision } from '../../format/uscc';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { usePublicTenants } from '../login/LoginPage';

const messages = defineMessages({
  zh: {
    title: '申报单位注册',
    subtitle: '企业、事业单位和社会组织注册后，由所在区县市场监管部门核验，即可在线申报标准化资助项目。',
    organization: '单位信息',
    tenant: '所属地区',
    tenantRequired: '请选择所属地区',
    name: '单位名称',
    nameHelp: '与营业执照或登记证书上的名称一致',
    nameRequired: '请输入单位名称',
    uscc: '统一社会信用代码',
    usccRequired: '请输入统一社会信用代码',
    usccOk: '统一社会信用代码格式和校验码正确',
    kind: '单位类型',
    kindRequired: '请选择单位类型',
    district: '所在区县',
    districtHelp: '已按统一社会信用代码第 3 至 8 位选好；在市级登记的单位请改选所在的区县',
    districtRequired: '请选择所在区县',
    districtFirst: '请先选择所属地区',
    account: '申报账号（单位管理员）',
    displayName: '联系人姓名',
    displayNameRequired: '请输入联系人姓名',
    email: '电子邮箱',
    emailRequired: '请输入有效的电子邮箱',
    username: '登录用户名',
    usernameHelp: '3 至 64 位小写字母、数字或 . _ @ -',
    usernameRequired: '请输入用户名（小写字母、数字或 . _ @ -，至少 3 位）',
    password: '登录密码',
    passwordRequired: '密码至少 10 位',
    confirm: '确认密码',
    confirmMismatch: '两次输入的密码不一致',
    submit: '提交注册',
    backToLogin: '已有账号？返回登录',
    doneTitle: '注册已提交，等待区县审核',
    doneBody: '{name} 的注册已提交，所在区县市场监管部门将核验单位信息。核验通过前可以登录并准备申报材料，核验通过后方可正式提交申报。审核结果将通知到 {email}。',
    goLogin: '去登录',
    enterprise: '企业',
    institution: '事业单位',
    social_org: '社会组织',
    individual: '个体工商户',
    service_agency: '标准化服务机构',
  },
  en: {
    title: 'Register your organization',
    subtitle: 'Once registered and verified by your district, your organization can apply for standardization subsidies online.',
    organization: 'Organization',
    tenant: 'Government',
    tenantRequired: 'Choose the government',
    name: 'Organization name',
    nameHelp: 'As on the business licence or registration certificate',
    nameRequired: 'Enter the name',
    uscc: 'Unified social credit code',
    usccRequired: 'Enter the credit code',
    usccOk: 'The credit code is well formed',
    kind: 'Kind of organization',
    kindRequired: 'Choose the kind',
    district: 'District',
    districtHelp: 'Chosen from characters 3-8 of the credit code; if registered at city level, choose the district you are in',
    districtRequired: 'Choose the district',
    districtFirst: 'Choose the government first',
    account: 'Applicant account (administrator)',
    displayName: 'Contact name',
    displayNameRequired: 'Enter the contact name',
    email: 'E-mail',
    emailRequired: 'Enter a valid e-mail address',
    username: 'Username',
    usernameHelp: '3-64 lower-case letters, digits or . _ @ -',
    usernameRequired: 'Enter a username (lower-case letters, digits or . _ @ -, at least 3)',
    password: 'Password',
    passwordRequired: 'At least 10 characters',
    confirm: 'Confirm password',
    confirmMismatch: 'The passwords differ',
    submit: 'Register',
    backToLogin: 'Have an account? Sign in',
    doneTitle: 'Registered: waiting for the district’s review',
    doneBody: 'The registration of {name} is in. Your district will verify it; until then you can sign in and prepare applications, and submit them once it is verified. The result goes to {email}.',
    goLogin: 'Sign in',
    enterprise: 'Enterprise',
    institution: 'Public institution',
    social_org: 'Social organization',
    individual: 'Individual business',
    service_agency: 'Standardization service agency',
  },
});

const KINDS = ['enterprise', 'institution', 'social_org', 'individual', 'service_agency'] as const;

interface RegisterForm {
  tenant: string;
  organization: { name: string; uscc: string; kind: (typeof KINDS)[number]; districtCode: string };
  user: { displayName: string; email: string; username: string; password: string; confirm?: string };
}

/** Self-registration of an organization and its first applicant account; the credit code is checked as typed. */
export default function RegisterPage() {
  const t = useT(messages);
  const locale = useLocale();
  const tenants = usePublicTenants();
  const [form] = Form.useForm<RegisterForm>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ name: string; email: string }>();
  const uscc = Form.useWatch(['organization', 'uscc'], form) as string | undefined;
  const usccValid = uscc !== undefined && checkUscc(normalizeUscc(uscc)).valid;
  const tenant = Form.useWatch('tenant', form) as string | undefined;
  const districts = useQuery({
    queryKey: ['public', 'districts', tenant],
    queryFn: async () => unwrap(await api.GET('/api/v1/public/tenants/{tenantId}/districts', { params: { path: { tenantId: tenant! } } })).items,
    enabled: Boolean(tenant),
    staleTime: 300_000,
  });

  // The credit code's characters 3-8 name the district where the licence was issued: chosen for the applicant while
  // they have not chosen one themselves, and only when it is one of the tenant's districts (a city-level licence is not).
  useEffect(() => {
    const codes = new Set((districts.data ?? []).map((district) => district.code));
    const chosen = form.getFieldValue(['organization', 'districtCode']) as string | undefined;
    if (chosen !== undefined && !codes.has(chosen)) form.setFieldValue(['organization', 'districtCode'], undefined);
    if (!usccValid || form.isFieldTouched(['organization', 'districtCode'])) return;
    const division = usccDivision(normalizeUscc(uscc ?? ''));
    if (codes.has(division)) form.setFieldValue(['organization', 'districtCode'], division);
  }, [districts.data, form, uscc, usccValid]);

  const onFinish = async (values: RegisterForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const { confirm: _confirm, ...user } = values.user;
      void _confirm;
      unwrap(
        await api.POST('/api/v1/organizations/register', {
          body: { tenant: values.tenant, organization: { ...values.organization, uscc: normalizeUscc(values.organization.uscc), name: values.organization.name.trim() }, user },
        }),
      );
      setDone({ name: values.organization.name.trim(), email: user.email });
    } catch (caught) {
      // Each refused field's message goes beside it; the alert above the form carries the API's own words.
      showFieldErrors(form, caught);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', background: '#f2f4f7', padding: '32px 16px' }}>
      <Card style={{ width: 640, maxWidth: '100%', alignSelf: 'flex-start' }}>
        {done ? (
          <Result
            status="success"
            title={<Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('doneTitle')}</Typography.Title>}
            subTitle={<span role="status">{t('doneBody', done)}</span>}
            extra={<Link to="/login"><Button type="primary">{t('goLogin')}</Button></Link>}
          />
        ) : (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <div>
              <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }}>{t('title')}</Typography.Title>
              <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
            </div>
            {error !== undefined && <ErrorAlert error={error} />}
            <Form<RegisterForm> form={form} layout="vertical" onFinish={(values) => void onFinish(values)} scrollToFirstError>
              <Typography.Title level={2} style={{ fontSize: 16 }}>{t('organization')}</Typography.Title>
              <Form.Item name="tenant" label={t('tenant')} rules={[{ required: true, message: t('tenantRequired') }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={tenants.isLoading}
                  options={(tenants.data ?? []).map((tenant) => ({ value: tenant.id, label: locale === 'zh' ? tenant.nameZh : `${tenant.nameEn} ${tenant.nameZh}` }))}
                />
              </Form.Item>
              <Form.Item name={['organization', 'name']} label={t('name')} extra={t('nameHelp')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }, { max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item
                name={['organization', 'uscc']}
                label={t('uscc')}
                validateTrigger="onChange"
                hasFeedback
                help={usccValid ? t('usccOk') : undefined}
                rules={[
                  { required: true, message: t('usccRequired') },
                  {
                    validator: async (_rule, value: string | undefined) => {
                      if (!value) return;
                      const result = checkUscc(normalizeUscc(value));
                      if (!result.valid) throw new Error(locale === 'zh' ? result.problem.zh : result.problem.en);
                    },
                  },
                ]}
              >
                <Input maxLength={24} autoComplete="off" spellCheck={false} style={{ fontFamily: 'monospace', letterSpacing: 1 }} />
              </Form.Item>
              <Form.Item name={['organization', 'kind']} label={t('kind')} rules={[{ required: true, message: t('kindRequired') }]} initialValue="enterprise">
                <Select options={KINDS.map((kind) => ({ value: kind, label: t(kind) }))} />
              </Form.Item>
              <Form.Item name={['organization', 'districtCode']} label={t('district')} extra={t('districtHelp')} rules={[{ required: true, message: t('districtRequired') }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 240 }}
                  disabled={!tenant}
                  placeholder={tenant ? undefined : t('districtFirst')}
                  loading={districts.isLoading}
                  options={(districts.data ?? []).map((district) => ({ value: district.code, label: locale === 'zh' ? district.nameZh : `${district.nameEn} ${district.nameZh}` }))}
                />
              </Form.Item>
              <Typography.Title level={2} style={{ fontSize: 16 }}>{t('account')}</Typography.Title>
              <Form.Item name={['user', 'displayName']} label={t('displayName')} rules={[{ required: true, whitespace: true, message: t('displayNameRequired') }]}>
                <Input maxLength={100} autoComplete="name" />
              </Form.Item>
              <Form.Item name={['user', 'email']} label={t('email')} rules={[{ required: true, type: 'email', message: t('emailRequired') }]}>
                <Input maxLength={254} autoComplete="email" />
              </Form.Item>
              <Form.Item name={['user', 'username']} label={t('username')} extra={t('usernameHelp')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._@-]{2,63}$/, message: t('usernameRequired') }]}>
                <Input maxLength={64} autoComplete="username" />
              </Form.Item>
              <Form.Item name={['user', 'password']} label={t('password')} rules={[{ required: true, min: 10, max: 128, message: t('passwordRequired') }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name={['user', 'confirm']}
                label={t('confirm')}
                dependencies={[['user', 'password']]}
                rules={[
                  { required: true, message: t('confirmMismatch') },
                  ({ getFieldValue }) => ({
                    validator: async (_rule, value: string | undefined) => {
                      if (value && value !== getFieldValue(['user', 'password'])) throw new Error(t('confirmMismatch'));
                    },
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={busy}>{t('submit')}</Button>
                <Link to="/login">{t('backToLogin')}</Link>
              </Space>
            </Form>
          </Space>
        )}
      </Card>
    </main>
  );
}
