import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Descriptions, Form, Input, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { placeErrors } from './form-errors';
import { ListRow, resolveRow } from './official-lists-api';

const messages = defineMessages({
  zh: {
    title: '核对名单条目',
    list: '所属名单',
    row: '行号',
    name: '名单所列名称',
    status: '当前状态',
    choice: '认定结果',
    choiceRequired: '请选择对应的单位，或认定为均不是',
    none: '均不是本地区的单位（排除此条目）',
    candidate: '{name}：{reason}',
    reason: '认定理由',
    reasonRequired: '请填写认定理由',
    reasonPlaceholder: '如：经核对营业执照，系同一企业',
    ok: '确认认定',
    cancel: '取消',
    done: '已认定',
  },
  en: {
    title: 'Decide a list entry',
    list: 'List',
    row: 'Row',
    name: 'Name in the list',
    status: 'Status',
    choice: 'Decision',
    choiceRequired: 'Choose the organization, or that it is none of them',
    none: 'None of our organizations (dismiss the entry)',
    candidate: '{name}: {reason}',
    reason: 'Reason',
    reasonRequired: 'Give the reason for the decision',
    reasonPlaceholder: 'e.g. the business licence shows the same enterprise',
    ok: 'Decide',
    cancel: 'Cancel',
    done: 'Decided',
  },
});

const NONE = 'none';

interface Values {
  organizationId?: string;
  reason: string;
}

/**
 * 核对: the officer decides an entry the matcher would not guess: one of its candidates (each with why it is near), or
 * none; with a reason. The API's refusals stand beside their fields (a refused `reject` beside the choice).
 */
export function ResolveRowModal({ row, listTitle, onClose, onResolved }: { row: ListRow; listTitle?: string; onClose: () => void; onResolved: () => void }) {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();

  const resolve = useMutation({
    mutationFn: (values: Values) =>
      resolveRow(row.id, values.organizationId === NONE ? { reject: true, reason: values.reason.trim() } : { organizationId: values.organizationId ?? '', reason: values.reason.trim() }),
    onMutate: () => setError(undefined),
    onSuccess: () => {
      void message.success(t('done'));
      onResolved();
    },
    onError: (failure) => {
      // `reject` is the same choice as the organization: its refusal belongs beside the radio group.
      const mapped = failure instanceof ApiError
        ? new ApiError(failure.status, failure.code, failure.message, failure.details.map((d) => (d.path === 'reject' ? { ...d, path: 'organizationId' } : d)))
        : failure;
      setError(placeErrors(form, mapped));
      // Decided meanwhile by someone else: the lists behind the dialog catch up.
      if (failure instanceof ApiError && failure.status === 409) {
        for (const key of ['official-list-review', 'official-list-rows', 'official-list']) void queryClient.invalidateQueries({ queryKey: [key] });
      }
    },
  });

  return (
    <Modal
      open
      title={t('title')}
      okText={t('ok')}
      cancelText={t('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={resolve.isPending}
      width={680}
      destroyOnHidden
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          ...(listTitle ? [{ key: 'list', label: t('list'), children: listTitle }] : []),
          { key: 'row', label: t('row'), children: row.rowNumber },
          { key: 'name', label: t('name'), children: row.partyName ?? '—' },
          { key: 'status', label: t('status'), children: label('officialListRowStatus', row.status) },
        ]}
      />
      <Form form={form} layout="vertical" onFinish={(values) => resolve.mutate(values)} style={{ marginTop: 16 }}>
        <Form.Item name="organizationId" label={t('choice')} rules={[{ required: true, message: t('choiceRequired') }]}>
          <Radio.Group>
            <Space direction="vertical">
              {row.candidates.map((candidate) => (
                <Radio key={candidate.organizationId} value={candidate.organizationId}>
                  {t('candidate', { name: candidate.name, reason: locale === 'zh' ? candidate.reasonZh : candidate.reasonEn })}
                </Radio>
              ))}
              <Radio value={NONE}>{t('none')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('reasonPlaceholder')} />
        </Form.Item>
        {error !== undefined && error !== null && <ErrorAlert error={error} />}
      </Form>
    </Modal>
  );
}
