import { App, Button, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../format/dates';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { placeErrors } from '../reviews/submit-errors';
import { createStaff, GRANTABLE_ROLES, NewStaffUser } from './users-api';

const messages = defineMessages({
  zh: {
    intro: '新账号没有密码：系统把一次性的设置密码链接发送到本人的电子邮箱，由本人设置。同一人（以电子邮箱识别）不得同时承担账号管理、资助决定和资金拨付中的两项职责。',
    displayName: '姓名',
    displayNameRequired: '请填写姓名',
    username: '用户名',
    usernameHint: '3–64 位小写字母、数字或 . _ @ -',
    usernameRequired: '请填写用户名',
    usernameInvalid: '用户名只能包含 3–64 位小写字母、数字或 . _ @ -',
    email: '电子邮箱',
    emailRequired: '请填写本人的电子邮箱',
    emailInvalid: '请填写有效的电子邮箱',
    role: '角色',
    roleRequired: '请选择角色',
    financeLevel: '财政层级',
    financeLevelRequired: '请选择财政层级',
    district: '区县代码',
    districtHint: '6 位行政区划代码，如 371002',
    districtRequired: '请填写区县代码',
    districtInvalid: '区县代码为 6 位数字',
    submit: '创建账号',
    cancel: '取消',
    created: '已创建“{name}”的账号，设置密码的链接已发送至 {email}，有效期至 {until}',
  },
  en: {
    intro: 'A new account has no password: a one-time password-setup link goes to the owner’s own e-mail address. One person (known by e-mail address) never holds two of administering accounts, deciding awards and paying them.',
    displayName: 'Name',
    displayNameRequired: 'Enter the name',
    username: 'Username',
    usernameHint: '3–64 lower-case letters, digits or . _ @ -',
    usernameRequired: 'Enter a username',
    usernameInvalid: 'A username has 3–64 lower-case letters, digits or . _ @ -',
    email: 'E-mail',
    emailRequired: 'Enter the person’s own e-mail address',
    emailInvalid: 'Enter a valid e-mail address',
    role: 'Role',
    roleRequired: 'Choose a role',
    financeLevel: 'Finance level',
    financeLevelRequired: 'Choose the finance level',
    district: 'District code',
    districtHint: 'The 6-digit division code, e.g. 371002',
    districtRequired: 'Enter the district code',
    districtInvalid: 'A district code has 6 digits',
    submit: 'Create account',
    cancel: 'Cancel',
    created: 'The account of “{name}” was created; the password-setup link went to {email} and works until {until}',
  },
});

type Values = Omit<NewStaffUser, 'role'> & { role?: NewStaffUser['role'] };

/**
 * 新增用户: name, username, the person's own e-mail address, one role (an account has one role; another duty is
 * another account, which segregation of duties may refuse) and the binding the role needs. The API's refusals
 * (username taken, segregation of duties, a district not of this tenant) appear beside their field.
 */
export function CreateUserForm({ onCreated, onCancel }: { onCreated: () => void; onCancel: () => void }) {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const financeLevel = Form.useWatch('financeLevel', form);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const needsDistrict = role === 'district_reviewer' || (role === 'finance_officer' && financeLevel === 'district');

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const body: NewStaffUser = {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        email: values.email.trim(),
        role: values.role as NewStaffUser['role'],
        ...(role === 'finance_officer' && values.financeLevel ? { financeLevel: values.financeLevel } : {}),
        ...(needsDistrict && values.districtCode ? { districtCode: values.districtCode.trim() } : {}),
      };
      const created = await createStaff(body);
      void message.success(t('created', { name: created.displayName, email: created.email ?? '', until: formatInstant(created.passwordSetupExpiresAt, locale) }), 8);
      form.resetFields();
      onCreated();
    } catch (e) {
      setError(placeErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark>
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      <Form.Item name="displayName" label={t('displayName')} rules={[{ required: true, whitespace: true, message: t('displayNameRequired') }]}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="username"
        label={t('username')}
        extra={t('usernameHint')}
        rules={[{ required: true, message: t('usernameRequired') }, { pattern: /^[a-z0-9._@-]{3,64}$/, message: t('usernameInvalid') }]}
      >
        <Input maxLength={64} autoComplete="off" />
      </Form.Item>
      <Form.Item name="email" label={t('email')} rules={[{ required: true, message: t('emailRequired') }, { type: 'email', message: t('emailInvalid') }]}>
        <Input type="email" maxLength={254} autoComplete="off" />
      </Form.Item>
      <Form.Item name="role" label={t('role')} rules={[{ required: true, message: t('roleRequired') }]}>
        <Radio.Group>
          <Space direction="vertical">
            {GRANTABLE_ROLES.map((value) => (
              <Radio key={value} value={value}>{label('role', value)}</Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {role === 'finance_officer' && (
        <Form.Item name="financeLevel" label={t('financeLevel')} rules={[{ required: true, message: t('financeLevelRequired') }]}>
          <Radio.Group options={(['city', 'district'] as const).map((value) => ({ value, label: label('financeLevel', value) }))} />
        </Form.Item>
      )}
      {needsDistrict && (
        <Form.Item
          name="districtCode"
          label={t('district')}
          extra={t('districtHint')}
          rules={[{ required: true, message: t('districtRequired') }, { pattern: /^[0-9]{6}$/, message: t('districtInvalid') }]}
        >
          <Input maxLength={6} inputMode="numeric" style={{ width: 160 }} />
        </Form.Item>
      )}
      {error !== undefined && <ErrorAlert error={error} />}
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" htmlType="submit" loading={busy}>{t('submit')}</Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </Space>
    </Form>
  );
}
