import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ApplicationSummary } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TONE } from '../../components/tones';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { fetchReviewers } from '../reviews/review-api';
import { placeErrors } from '../reviews/submit-errors';
import { BulkOutcome, bulkReassign } from './bulk-api';

const messages = defineMessages({
  zh: {
    intro: '将所选 {count} 件申报的“{stage}”分配给同一名审核人员办理；每件申报分别记入审计日志，原办理人员和新办理人员都会收到通知，截止日期不变。',
    mixed: '所选申报处于不同的审查环节（区级初审、技术审查），请按环节分别选择后再分配。',
    none: '所选申报都不在待办的区级初审或技术审查环节，无法分配。',
    skipped: '另有 {count} 件不在可分配的环节，将被跳过并在结果中说明。',
    assignee: '分配给',
    assigneeRequired: '请选择审核人员',
    reason: '分配原因',
    reasonRequired: '请填写分配原因',
    submit: '确认分配',
    close: '关闭',
    results: '分配结果：成功 {ok} 件，未分配 {failed} 件',
    ok: '已分配',
    failed: '未分配',
  },
  en: {
    intro: 'Hand the “{stage}” of the {count} selected applications to one reviewer; each application is audited on its own, the previous and the new holder are told, and due dates stay.',
    mixed: 'The selected applications are at different stages (district pre-review, technical review); select one stage at a time.',
    none: 'None of the selected applications is at a pending district pre-review or technical review.',
    skipped: '{count} more are not at a stage that can be reassigned; they are skipped and reported.',
    assignee: 'Assign to',
    assigneeRequired: 'Choose a reviewer',
    reason: 'Reason',
    reasonRequired: 'Say why the work moves',
    submit: 'Assign',
    close: 'Close',
    results: 'Result: {ok} assigned, {failed} not assigned',
    ok: 'Assigned',
    failed: 'Not assigned',
  },
});

const STAGE_ROLE = { district_review: 'district_reviewer', technical_review: 'technical_reviewer' } as const;

/**
 * 批量分配: the selected applications' pending review (district or technical, one stage at a time) to one reviewer
 * with one reason. The API applies the single reassignment per application and answers per application; the result
 * lists each applicant with 已分配 or the reason it was not.
 */
export function BulkReassignForm({ rows, onDone, onClose }: { rows: ApplicationSummary[]; onDone: () => void; onClose: () => void }) {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const [form] = Form.useForm<{ assigneeId: string; reason: string }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<BulkOutcome[]>();
  const stages = [...new Set(rows.map((row) => row.status).filter((status): status is keyof typeof STAGE_ROLE => status in STAGE_ROLE))];
  const stage = stages.length === 1 ? stages[0] : undefined;
  const role = stage ? STAGE_ROLE[stage] : undefined;
  const reviewers = useQuery({ queryKey: ['reviewers', role, locale], enabled: role !== undefined, queryFn: () => fetchReviewers(role ?? 'district_reviewer') });
  const skipped = rows.filter((row) => row.status !== stage).length;

  if (outcomes) {
    const byId = new Map(rows.map((row) => [row.id, row.organizationName]));
    const ok = outcomes.filter((o) => o.ok).length;
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type={ok === outcomes.length ? 'success' : 'warning'} showIcon message={t('results', { ok, failed: outcomes.length - ok })} />
        <List
          size="small"
          dataSource={outcomes}
          renderItem={(outcome) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Space>
                  <Typography.Text strong>{byId.get(outcome.id) ?? '—'}</Typography.Text>
                  <Tag color={outcome.ok ? TONE.success : TONE.warning}>{outcome.ok ? t('ok') : t('failed')}</Tag>
                </Space>
                {outcome.error && <Typography.Text>{outcome.error.message}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
        <Button onClick={onClose}>{t('close')}</Button>
      </Space>
    );
  }
  if (stages.length > 1) return <Alert type="info" showIcon message={t('mixed')} />;
  if (!stage) return <Alert type="info" showIcon message={t('none')} />;

  const submit = async (values: { assigneeId: string; reason: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      setOutcomes(await bulkReassign({ applicationIds: rows.map((row) => row.id), assigneeId: values.assigneeId, reason: values.reason.trim() }));
      onDone();
    } catch (e) {
      setError(placeErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
      <Typography.Paragraph>{t('intro', { count: rows.length - skipped, stage: label('applicationStatus', stage) })}</Typography.Paragraph>
      {skipped > 0 && <Alert type="warning" showIcon message={t('skipped', { count: skipped })} style={{ marginBottom: 16 }} />}
      {reviewers.error !== null && reviewers.error !== undefined && <ErrorAlert error={reviewers.error} />}
      <Form.Item name="assigneeId" label={t('assignee')} rules={[{ required: true, message: t('assigneeRequired') }]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={reviewers.isLoading}
          options={(reviewers.data ?? []).map((r) => ({ value: r.id, label: `${r.displayName}${r.districtName ? `（${r.districtName}）` : ''}` }))}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      {error !== undefined && <ErrorAlert error={error} />}
      <Button type="primary" htmlType="submit" loading={busy}>{t('submit')}</Button>
    </Form>
  );
}
