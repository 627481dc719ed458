import { App, Alert, Button, Card, Checkbox, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { defineMessages, useT } from '../../i18n/messages';
import { declareConflict, declareNoConflict } from './review-api';
import { placeErrors } from './submit-errors';

const messages = defineMessages({
  zh: {
    title: '回避声明',
    intro: '查阅申报材料和评分前，请先声明您与申报单位“{org}”是否存在利益冲突（如在该单位任职、参与申报成果的起草、与其有经济往来或亲属关系等）。',
    choice: '声明内容',
    none: '本人与该申报单位无利益冲突',
    conflict: '本人存在利益冲突，申请回避',
    pledge: '本人承诺如实声明，独立、公正地评审，对评审内容保密',
    pledgeRequired: '请勾选承诺',
    reason: '利益冲突情况',
    reasonRequired: '请说明利益冲突情况',
    conflictHint: '申请回避后您将退出本申报的评审，系统将按原抽取顺序递补专家，且不可撤销。',
    confirm: '确认声明',
    withdrawn: '已申请回避，您不再参与本申报的评审',
  },
  en: {
    title: 'Conflict-of-interest declaration',
    intro: 'Before the documents and the score sheet open, declare whether you have a conflict of interest with “{org}” (employment, drafting the claimed work, business or family ties).',
    choice: 'Declaration',
    none: 'I have no conflict of interest with this applicant',
    conflict: 'I have a conflict of interest and withdraw',
    pledge: 'I declare truthfully and will review independently, impartially and in confidence',
    pledgeRequired: 'Tick the pledge',
    reason: 'The conflict',
    reasonRequired: 'Describe the conflict',
    conflictHint: 'You leave this application’s panel for good; a replacement is drawn in the recorded order.',
    confirm: 'Confirm',
    withdrawn: 'You have withdrawn from this application’s review',
  },
});

/**
 * 回避声明, shown before the documents and the form open: no conflict (with the pledge) is recorded by the API (who and
 * when, audited), which then opens the documents and the score sheet; a conflict goes to the API with its
 * description, the expert leaves the panel and a replacement is drawn.
 */
export function ConflictDeclaration({ applicationId, organizationName, onNoConflict, onWithdrawn }: { applicationId: string; organizationName: string; onNoConflict: () => void; onWithdrawn: () => void }) {
  const t = useT(messages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ choice: 'none' | 'conflict'; pledge?: boolean; reason?: string }>();
  const choice = Form.useWatch('choice', form);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: { choice: 'none' | 'conflict'; pledge?: boolean; reason?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      if (values.choice === 'none') {
        await declareNoConflict(applicationId);
        onNoConflict();
        return;
      }
      await declareConflict(applicationId, (values.reason ?? '').trim());
      void message.success(t('withdrawn'));
      onWithdrawn();
    } catch (e) {
      setError(placeErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('title')}</Typography.Title>} style={{ maxWidth: 760 }}>
      <Typography.Paragraph>{t('intro', { org: organizationName })}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ choice: 'none' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="choice" label={t('choice')} rules={[{ required: true }]}>
          <Radio.Group>
            <Space direction="vertical">
              <Radio value="none">{t('none')}</Radio>
              <Radio value="conflict">{t('conflict')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {choice === 'conflict' ? (
          <>
            <Alert type="warning" showIcon message={t('conflictHint')} style={{ marginBottom: 16 }} />
            <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="pledge" valuePropName="checked" rules={[{ validator: async (_, v: boolean | undefined) => { if (!v) throw new Error(t('pledgeRequired')); } }]}>
            <Checkbox>{t('pledge')}</Checkbox>
          </Form.Item>
        )}
        {error !== undefined && <ErrorAlert error={error} />}
        <Button type="primary" htmlType="submit" loading={busy} danger={choice === 'conflict'}>{t('confirm')}</Button>
      </Form>
    </Card>
  );
}
