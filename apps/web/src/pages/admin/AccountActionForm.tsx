import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../format/dates';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { placeErrors } from '../reviews/submit-errors';
import { deactivateStaff, reactivateStaff, resetStaffPassword, StaffUser } from './users-api';

export type AccountAction = 'deactivate' | 'reactivate' | 'reset';

const messages = defineMessages({
  zh: {
    deactivateIntro: '停用后，“{name}”不能再登录，已登录的会话立即失效，尚未使用的设置密码链接作废。',
    reactivateIntro: '重新启用“{name}”的账号。系统会重新检查职责分离。',
    resetIntro: '向“{name}”的电子邮箱发送新的一次性设置密码链接；原密码随即失效。',
    reason: '原因（记入审计日志）',
    reasonRequired: '请填写原因',
    email: '电子邮箱',
    emailHint: '该账号没有电子邮箱；承担职责的账号重新启用时必须填写',
    emailInvalid: '请填写有效的电子邮箱',
    deactivate: '确认停用',
    reactivate: '确认启用',
    reset: '发送设置密码链接',
    cancel: '取消',
    deactivated: '已停用',
    reactivated: '已重新启用',
    resetDone: '设置密码的链接已发送，有效期至 {until}',
  },
  en: {
    deactivateIntro: '“{name}” can no longer sign in; open sessions end now and any unused password-setup link stops working.',
    reactivateIntro: 'Reactivate the account of “{name}”. Segregation of duties is checked again.',
    resetIntro: 'Send a new one-time password-setup link to the e-mail address of “{name}”; the current password stops working.',
    reason: 'Reason (kept in the audit trail)',
    reasonRequired: 'Enter the reason',
    email: 'E-mail',
    emailHint: 'The account has no e-mail address; an account holding a duty needs one to be reactivated',
    emailInvalid: 'Enter a valid e-mail address',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    reset: 'Send the link',
    cancel: 'Cancel',
    deactivated: 'Deactivated',
    reactivated: 'Reactivated',
    resetDone: 'The password-setup link was sent; it works until {until}',
  },
});

/** 停用 / 重新启用 / 重置密码 on one account, each with the reason the audit trail keeps. */
export function AccountActionForm({ user, action, onDone, onCancel }: { user: StaffUser; action: AccountAction; onDone: () => void; onCancel: () => void }) {
  const t = useT(messages);
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; email?: string }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: { reason: string; email?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const reason = values.reason.trim();
      if (action === 'deactivate') {
        await deactivateStaff(user.id, reason);
        void message.success(t('deactivated'));
      } else if (action === 'reactivate') {
        await reactivateStaff(user.id, reason, values.email?.trim() || undefined);
        void message.success(t('reactivated'));
      } else {
        const sent = await resetStaffPassword(user.id, reason);
        void message.success(t('resetDone', { until: formatInstant(sent.passwordSetupExpiresAt, locale) }), 8);
      }
      onDone();
    } catch (e) {
      setError(placeErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  const intro = action === 'deactivate' ? 'deactivateIntro' : action === 'reactivate' ? 'reactivateIntro' : 'resetIntro';
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
      <Typography.Paragraph>{t(intro, { name: user.displayName })}</Typography.Paragraph>
      <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      {action === 'reactivate' && !user.email && (
        <Form.Item name="email" label={t('email')} extra={t('emailHint')} rules={[{ type: 'email', message: t('emailInvalid') }]}>
          <Input type="email" maxLength={254} />
        </Form.Item>
      )}
      {error !== undefined && <ErrorAlert error={error} />}
      <Space>
        <Button type="primary" danger={action === 'deactivate'} htmlType="submit" loading={busy}>{t(action)}</Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </Space>
    </Form>
  );
}
