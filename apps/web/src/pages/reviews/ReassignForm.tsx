import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { fetchReviewers, reassign, ReviewDetail } from './review-api';
import { placeErrors } from './submit-errors';

const messages = defineMessages({
  zh: {
    intro: '将本环节转交给指定的审核人员办理，原办理人员和新办理人员都会收到通知。',
    assignee: '转派给',
    assigneeRequired: '请选择审核人员',
    current: '（当前办理人）',
    reason: '转派原因',
    reasonRequired: '请填写转派原因',
    submit: '确认转派',
    done: '已转派',
  },
  en: {
    intro: 'Hand this stage to a named reviewer; the previous and the new holder are told.',
    assignee: 'Reassign to',
    assigneeRequired: 'Choose a reviewer',
    current: ' (current holder)',
    reason: 'Reason',
    reasonRequired: 'Say why the work moves',
    submit: 'Reassign',
    done: 'Reassigned',
  },
});

/** 转派: a program officer hands a pending district or technical review to one named reviewer, with a reason. */
export function ReassignForm({ detail, onDone }: { detail: ReviewDetail; onDone: () => void }) {
  const t = useT(messages);
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ assigneeId: string; reason: string }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const role = detail.status === 'district_review' ? 'district_reviewer' : 'technical_reviewer';
  const reviewers = useQuery({ queryKey: ['reviewers', role, locale], queryFn: () => fetchReviewers(role) });

  const submit = async (values: { assigneeId: string; reason: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await reassign(detail.id, { assigneeId: values.assigneeId, reason: values.reason.trim() });
      void message.success(t('done'));
      onDone();
    } catch (e) {
      setError(placeErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      {reviewers.error !== null && reviewers.error !== undefined && <ErrorAlert error={reviewers.error} />}
      <Form.Item name="assigneeId" label={t('assignee')} rules={[{ required: true, message: t('assigneeRequired') }]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={reviewers.isLoading}
          options={(reviewers.data ?? []).map((r) => ({
            value: r.id,
            label: `${r.displayName}${r.districtName ? `（${r.districtName}）` : ''}${r.id === detail.reviewAssigneeId ? t('current') : ''}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      {error !== undefined && <ErrorAlert error={error} />}
      <Button htmlType="submit" loading={busy}>{t('submit')}</Button>
    </Form>
  );
}
