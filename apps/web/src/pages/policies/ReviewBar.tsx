import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { currentSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TONE } from '../../components/tones';
import { useLabel } from '../../i18n/labels';
import { defineMessages, useT } from '../../i18n/messages';
import { approveVersion, PolicyVersionDetail, returnVersion, submitVersion } from './policy-api';

const messages = defineMessages({
  zh: {
    save: '保存',
    saved: '已保存',
    unsaved: '有未保存的修改',
    submit: '提交审核',
    submitted: '已提交审核',
    submitFirstSave: '请先保存修改，再提交审核',
    submitInvalid: '草稿有 {count} 处错误，改正后才能提交审核',
    submitCases: '有 {count} 个测试案例未通过，改正后才能提交审核',
    approve: '审核通过并发布',
    approveTitle: '审核通过并发布本版本？',
    approveBody: '发布后本版本不能再修改；在有效期内新建的资助项目将按本版本计算，已有项目仍按其创建时的版本计算。',
    approved: '已发布',
    return: '退回',
    returnTitle: '退回修改',
    reason: '退回理由',
    reasonRequired: '请写明退回理由',
    returned: '已退回起草人',
    confirm: '确定',
    cancel: '取消',
    fourEyes: '四眼原则：您是本版本的起草人，须由另一位项目主管审核通过或退回。',
    returnedBecause: '审核人退回：{reason}',
    inForce: '现行有效',
    author: '起草人：{name}',
    reviewer: '审核人：{name}',
  },
  en: {
    save: 'Save',
    saved: 'Saved',
    unsaved: 'Unsaved changes',
    submit: 'Submit for review',
    submitted: 'Submitted for review',
    submitFirstSave: 'Save the changes before submitting',
    submitInvalid: 'The draft has {count} errors; correct them before submitting',
    submitCases: '{count} cases fail; correct them before submitting',
    approve: 'Approve and publish',
    approveTitle: 'Approve and publish this version?',
    approveBody: 'Once published it can no longer be changed; programs created within its validity run under it, existing programs keep the version they were created under.',
    approved: 'Published',
    return: 'Return',
    returnTitle: 'Return for changes',
    reason: 'Reason for returning',
    reasonRequired: 'Give the reason for returning it',
    returned: 'Returned to the author',
    confirm: 'OK',
    cancel: 'Cancel',
    fourEyes: 'Four eyes: you drafted this version, so another program officer approves or returns it.',
    returnedBecause: 'Returned by the reviewer: {reason}',
    inForce: 'In force',
    author: 'Drafted by {name}',
    reviewer: 'Reviewed by {name}',
  },
});

/**
 * The four-eyes check as the screen can make it (the API names the author, and refuses the author's review with 403
 * four_eyes whatever the screen shows): the signed-in officer's name against the author's.
 */
export function isAuthor(version: PolicyVersionDetail): boolean {
  const user = currentSession()?.user;
  return Boolean(user) && version.authorName === user?.displayName;
}

/** 保存 / 提交审核 for the author; 审核通过并发布 / 退回 for a second officer, disabled with the reason for the author. */
export function ReviewBar(props: {
  version: PolicyVersionDetail;
  dirty: boolean;
  saving: boolean;
  onSave: () => void;
  errorCount: number;
  failedCases: number;
  onChanged: (detail: PolicyVersionDetail) => void;
}) {
  const t = useT(messages);
  const label = useLabel();
  const { message } = App.useApp();
  const { version } = props;
  const [returning, setReturning] = useState(false);
  const [approving, setApproving] = useState(false);
  const [reason, setReason] = useState('');
  const done = (text: string) => (detail: PolicyVersionDetail) => {
    void message.success(text);
    props.onChanged(detail);
  };
  const submit = useMutation({ mutationFn: () => submitVersion(version.id, version.version), onSuccess: done(t('submitted')) });
  const approve = useMutation({ mutationFn: () => approveVersion(version.id, version.version), onSuccess: (detail) => { setApproving(false); done(t('approved'))(detail); } });
  const giveBack = useMutation({ mutationFn: () => returnVersion(version.id, version.version, reason.trim()), onSuccess: (detail) => { setReturning(false); setReason(''); done(t('returned'))(detail); } });
  const editable = version.state === 'draft' || version.state === 'returned';
  const mine = isAuthor(version);
  const submitBlocked = props.dirty ? t('submitFirstSave') : props.errorCount > 0 ? t('submitInvalid', { count: props.errorCount }) : props.failedCases > 0 ? t('submitCases', { count: props.failedCases }) : null;
  const error = submit.error ?? approve.error ?? (returning ? null : giveBack.error);

  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Tag color={version.state === 'published' ? TONE.success : version.state === 'returned' ? TONE.warning : version.state === 'submitted' ? TONE.processing : TONE.neutral}>{label('policyVersionState', version.state)}</Tag>
        {version.inForceToday && <Tag color={TONE.success}>{t('inForce')}</Tag>}
        <Typography.Text type="secondary">{t('author', { name: version.authorName })}</Typography.Text>
        {version.reviewerName && <Typography.Text type="secondary">{t('reviewer', { name: version.reviewerName })}</Typography.Text>}
      </Space>
      {version.state === 'returned' && version.returnReason && <Alert type="warning" showIcon message={t('returnedBecause', { reason: version.returnReason })} />}
      {editable && (
        <Space wrap align="center">
          <Button type={props.dirty ? 'primary' : 'default'} onClick={props.onSave} loading={props.saving} disabled={!props.dirty}>{t('save')}</Button>
          <Typography.Text type="secondary" role="status">{props.dirty ? t('unsaved') : t('saved')}</Typography.Text>
          <Button onClick={() => submit.mutate()} loading={submit.isPending} disabled={submitBlocked !== null}>{t('submit')}</Button>
          {submitBlocked && <Typography.Text type="secondary">{submitBlocked}</Typography.Text>}
        </Space>
      )}
      {version.state === 'submitted' && (
        <Space wrap align="center">
          <Button type="primary" disabled={mine} onClick={() => setApproving(true)}>{t('approve')}</Button>
          <Button danger disabled={mine} onClick={() => setReturning(true)}>{t('return')}</Button>
          {mine && <Typography.Text strong>{t('fourEyes')}</Typography.Text>}
        </Space>
      )}
      {error && <ErrorAlert error={error} />}
      <Modal open={approving} title={t('approveTitle')} okText={t('approve')} cancelText={t('cancel')} onOk={() => approve.mutate()} confirmLoading={approve.isPending} onCancel={() => setApproving(false)}>
        <Typography.Paragraph>{t('approveBody')}</Typography.Paragraph>
        {approve.error && <ErrorAlert error={approve.error} />}
      </Modal>
      <Modal
        open={returning}
        title={t('returnTitle')}
        okText={t('return')}
        cancelText={t('cancel')}
        okButtonProps={{ disabled: reason.trim() === '' }}
        onOk={() => giveBack.mutate()}
        confirmLoading={giveBack.isPending}
        onCancel={() => setReturning(false)}
      >
        <label htmlFor="policy-return-reason"><Typography.Text strong>{t('reason')}</Typography.Text></label>
        <Input.TextArea id="policy-return-reason" value={reason} onChange={(event) => setReason(event.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} />
        {reason.trim() === '' && <Typography.Text type="secondary">{t('reasonRequired')}</Typography.Text>}
        {giveBack.error && <ErrorAlert error={giveBack.error} />}
      </Modal>
    </Space>
  );
}
