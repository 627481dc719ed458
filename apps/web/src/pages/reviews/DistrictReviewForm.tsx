import { App, Alert, Button, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { MissingMaterials, missingBody, MissingRow } from './MissingMaterials';
import { postDistrictReview, ReviewDetail } from './review-api';
import { achievementName, fieldKey } from './review-words';
import { placeErrors } from './submit-errors';

const messages = defineMessages({
  zh: {
    items: '逐项初审意见',
    itemOpinion: '{item} 的意见',
    outcome: '初审结论',
    forward: '初审通过并报送',
    return: '退回补正',
    reject: '不予通过',
    reasons: '初审意见',
    reasonsHelp: '退回或不予通过时必填，申报单位将看到这段文字',
    reasonsRequired: '退回或不予通过须填写意见',
    inPlace: '代为审查',
    inPlaceHint: '您正在代替区级审核员办理本环节，办理情况将记入审计日志并告知该区审核员。',
    inPlaceReason: '代为审查的原因',
    inPlaceRequired: '代为审查须说明原因',
    submit: '提交初审意见',
    done: '区级初审意见已提交',
  },
  en: {
    items: 'Opinion per item',
    itemOpinion: 'Opinion on {item}',
    outcome: 'Conclusion',
    forward: 'Pass and forward',
    return: 'Return for correction',
    reject: 'Reject',
    reasons: 'Opinion',
    reasonsHelp: 'Required to return or reject; the applicant reads it',
    reasonsRequired: 'Returning or rejecting needs an opinion',
    inPlace: 'Acting for the district',
    inPlaceHint: 'You act in the district reviewer’s place; it is audited and the district’s reviewers are told.',
    inPlaceReason: 'Why you act in their place',
    inPlaceRequired: 'Say why you act in their place',
    submit: 'Submit the pre-review',
    done: 'District pre-review recorded',
  },
});

type Values = Record<string, string | undefined> & { outcome: 'forward' | 'return' | 'reject'; reasons?: string; reason?: string; missing?: MissingRow[] };

/**
 * 区级初审: an opinion per item and a conclusion (forward, return naming the missing materials, reject); a program
 * officer may act in the district reviewer's place, saying why.
 */
export function DistrictReviewForm({ detail, actingInPlace, onDone }: { detail: ReviewDetail; actingInPlace: boolean; onDone: () => void }) {
  const t = useT(messages);
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const outcome = Form.useWatch('outcome', form);

  const submit = async (values: Values) => {
    const general = values.reasons?.trim() ?? '';
    const perItem = detail.achievements.flatMap((a) => {
      const opinion = values[fieldKey(a.id)]?.trim();
      return opinion ? [`${achievementName(a, locale)}：${opinion}`] : [];
    });
    const reasons = [...(general ? [general] : []), ...perItem];
    if (values.outcome !== 'forward' && general === '') {
      form.setFields([{ name: 'reasons', errors: [t('reasonsRequired')] }]);
      return;
    }
    const missing = values.outcome === 'return' ? missingBody(values.missing) : [];
    setBusy(true);
    setError(undefined);
    try {
      await postDistrictReview(detail.id, {
        outcome: values.outcome,
        ...(reasons.length > 0 ? { reasons } : {}),
        ...(missing.length > 0 ? { missing } : {}),
        ...(actingInPlace ? { reason: values.reason?.trim() } : {}),
      });
      void message.success(t('done'));
      onDone();
    } catch (e) {
      setError(placeErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ outcome: 'forward', missing: [] }} onFinish={(v) => void submit(v)}>
      {actingInPlace && (
        <>
          <Alert type="warning" showIcon message={t('inPlace')} description={t('inPlaceHint')} style={{ marginBottom: 16 }} />
          <Form.Item name="reason" label={t('inPlaceReason')} rules={[{ required: true, whitespace: true, message: t('inPlaceRequired') }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      )}
      <Typography.Title level={3} style={{ fontSize: 15 }}>{t('items')}</Typography.Title>
      {detail.achievements.map((a) => (
        <Form.Item key={a.id} name={fieldKey(a.id)} label={t('itemOpinion', { item: achievementName(a, locale) })}>
          <Input.TextArea rows={2} maxLength={900} />
        </Form.Item>
      ))}
      <Form.Item name="outcome" label={t('outcome')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={[{ value: 'forward', label: t('forward') }, { value: 'return', label: t('return') }, { value: 'reject', label: t('reject') }]} />
      </Form.Item>
      {outcome === 'return' && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
          <MissingMaterials detail={detail} />
        </Space>
      )}
      <Form.Item
        name="reasons"
        label={t('reasons')}
        extra={t('reasonsHelp')}
        rules={outcome && outcome !== 'forward' ? [{ required: true, whitespace: true, message: t('reasonsRequired') }] : []}
      >
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      {error !== undefined && <ErrorAlert error={error} />}
      <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 8 }}>{t('submit')}</Button>
    </Form>
  );
}
