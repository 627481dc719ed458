import { App, Alert, Button, Form, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { defineMessages, useT } from '../../i18n/messages';
import { MissingMaterials, missingBody, missingFromCheck, MissingRow } from './MissingMaterials';
import { postFormalCheck, ReviewDetail } from './review-api';
import { placeErrors } from './submit-errors';

const messages = defineMessages({
  zh: {
    outcome: '审查结论',
    complete: '审查通过',
    correction: '退回补正',
    reject: '不予受理',
    correctionHint: '补正期限按本项目规定的工作日自动计算，提交后显示在申报信息中并通知申报单位。',
    reason: '理由',
    reasonHelp: '申报单位将看到这段文字',
    reasonRequired: '不予受理须填写理由',
    missingRequired: '请列出缺少或有误的材料，或填写理由',
    submit: '提交审查结论',
    done: '形式审查结论已提交',
  },
  en: {
    outcome: 'Conclusion',
    complete: 'Pass',
    correction: 'Return for correction',
    reject: 'Reject',
    correctionHint: 'The correction deadline is counted in the program’s working days; it is shown on the application and sent to the applicant.',
    reason: 'Reason',
    reasonHelp: 'The applicant reads this',
    reasonRequired: 'A rejection needs a reason',
    missingRequired: 'List the missing materials or give a reason',
    submit: 'Submit the conclusion',
    done: 'Formal check recorded',
  },
});

interface Values {
  outcome: 'complete' | 'correction' | 'reject';
  missing?: MissingRow[];
  reason?: string;
}

/** 形式审查: pass, return for correction naming the missing materials (the deadline counted by the API), or reject with a reason. */
export function FormalCheckForm({ detail, onDone }: { detail: ReviewDetail; onDone: () => void }) {
  const t = useT(messages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const outcome = Form.useWatch('outcome', form);
  const initialMissing = missingFromCheck(detail);

  const submit = async (values: Values) => {
    const missing = values.outcome === 'correction' ? missingBody(values.missing) : [];
    const reason = values.reason?.trim() ?? '';
    if (values.outcome === 'correction' && missing.length === 0 && reason === '') {
      form.setFields([{ name: 'reason', errors: [t('missingRequired')] }]);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await postFormalCheck(detail.id, { outcome: values.outcome, ...(missing.length > 0 ? { missing } : {}), ...(reason ? { reason } : {}) });
      void message.success(t('done'));
      onDone();
    } catch (e) {
      setError(placeErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ outcome: initialMissing.length > 0 ? 'correction' : 'complete', missing: initialMissing }} onFinish={(v) => void submit(v)}>
      <Form.Item name="outcome" label={t('outcome')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={[{ value: 'complete', label: t('complete') }, { value: 'correction', label: t('correction') }, { value: 'reject', label: t('reject') }]} />
      </Form.Item>
      {outcome === 'correction' && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
          <Alert type="info" showIcon message={t('correctionHint')} />
          <MissingMaterials detail={detail} />
        </Space>
      )}
      {outcome !== 'complete' && (
        <Form.Item name="reason" label={t('reason')} extra={t('reasonHelp')} rules={outcome === 'reject' ? [{ required: true, whitespace: true, message: t('reasonRequired') }] : []}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      )}
      {error !== undefined && <ErrorAlert error={error} />}
      <Button type="primary" htmlType="submit" loading={busy}>{t('submit')}</Button>
    </Form>
  );
}
