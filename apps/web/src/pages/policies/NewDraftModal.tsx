import UploadOutlined from '@ant-design/icons/UploadOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Radio, Select, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showFieldErrors } from '../../components/form-errors';
import { formatDate } from '../../format/dates';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { createDraft, fetchVersions, PolicyVersionSummary } from './policy-api';

const messages = defineMessages({
  zh: {
    title: '新建政策草稿',
    how: '起草方式',
    fromVersion: '以已有版本为基础',
    fromFile: '上传 YAML 文件',
    basedOn: '基础版本',
    basedOnHint: '草稿复制所选版本的全部内容和测试案例，此后可逐项修改',
    policyId: '新版本编号',
    policyIdHint: '小写字母、数字和连字符，如 weihai-2026；发布后用于标识该版本',
    badId: '只能使用小写字母、数字和连字符，且以字母开头',
    file: 'YAML 文件',
    choose: '选择文件',
    chosen: '已选择：{name}',
    noFile: '请选择一个 YAML 文件',
    changeNote: '修改说明',
    changeNoteHint: '如：2026 年版，国家标准主持制定资助上限提高至 60 万元',
    create: '创建草稿',
    cancel: '取消',
    option: '{title}（{id}，{from} 至 {to}）',
    noEnd: '长期',
    pick: '请选择基础版本',
  },
  en: {
    title: 'New policy draft',
    how: 'Start from',
    fromVersion: 'An existing version',
    fromFile: 'An uploaded YAML file',
    basedOn: 'Based on',
    basedOnHint: 'The draft copies all of that version and its cases; change it item by item afterwards',
    policyId: 'New version identifier',
    policyIdHint: 'Lower-case letters, digits and hyphens, e.g. weihai-2026; it names the version once published',
    badId: 'Use lower-case letters, digits and hyphens, starting with a letter',
    file: 'YAML file',
    choose: 'Choose a file',
    chosen: 'Chosen: {name}',
    noFile: 'Choose a YAML file',
    changeNote: 'Change note',
    changeNoteHint: 'e.g. 2026 version: the national-standard lead ceiling raised to 600,000 yuan',
    create: 'Create the draft',
    cancel: 'Cancel',
    option: '{title} ({id}, {from} to {to})',
    noEnd: 'open-ended',
    pick: 'Choose the version to start from',
  },
});

interface Values {
  how: 'version' | 'file';
  basedOnId?: string;
  policyId: string;
  changeNote?: string;
}

/** 新建草稿: from a version ("以 2020 年版为基础起草 2026 年版") or from an uploaded YAML file. */
export function NewDraftModal({ open, onClose, basedOnId }: { open: boolean; onClose: () => void; basedOnId?: string }) {
  const t = useT(messages);
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<{ name: string; text: string }>();
  const [rest, setRest] = useState<string[]>([]);
  const how = Form.useWatch('how', form) ?? 'version';
  const versions = useQuery({
    queryKey: ['policy-versions', 'published-bases'],
    queryFn: async () => (await fetchVersions({ state: 'published', pageSize: 200 })).rows,
    enabled: open,
  });
  useEffect(() => {
    if (open) form.setFieldsValue({ how: 'version', basedOnId, policyId: '', changeNote: '' });
  }, [open, basedOnId, form]);

  const create = useMutation({
    mutationFn: async (values: Values) => {
      return createDraft({
        policyId: values.policyId.trim(),
        ...(values.how === 'version' ? { basedOnId: values.basedOnId } : { sourceText: file?.text }),
        ...(values.changeNote ? { changeNote: values.changeNote } : {}),
      });
    },
    onSuccess: async (detail) => {
      await queryClient.invalidateQueries({ queryKey: ['policy-versions'] });
      onClose();
      navigate(`/policies/versions/${detail.id}`);
    },
    onError: (error) => setRest(showFieldErrors(form, error)),
  });

  const label = (version: PolicyVersionSummary) =>
    t('option', { title: version.title, id: version.policyId, from: formatDate(version.effectiveFrom, locale), to: version.effectiveTo ? formatDate(version.effectiveTo, locale) : t('noEnd') });

  return (
    <Modal open={open} title={t('title')} onCancel={onClose} okText={t('create')} cancelText={t('cancel')} onOk={() => form.submit()} confirmLoading={create.isPending} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(values) => {
          setRest(values.how === 'file' && !file ? [t('noFile')] : []);
          if (values.how !== 'file' || file) create.mutate(values);
        }} initialValues={{ how: 'version', basedOnId }}>
        <Form.Item name="how" label={t('how')}>
          <Radio.Group options={[{ value: 'version', label: t('fromVersion') }, { value: 'file', label: t('fromFile') }]} />
        </Form.Item>
        {how === 'version' ? (
          <Form.Item name="basedOnId" label={t('basedOn')} extra={t('basedOnHint')} rules={[{ required: true, message: t('pick') }]}>
            <Select showSearch optionFilterProp="label" loading={versions.isPending} options={(versions.data ?? []).filter((version) => version.state === 'published').map((version) => ({ value: version.id, label: label(version) }))} />
          </Form.Item>
        ) : (
          <Form.Item label={t('file')} required>
            <Space direction="vertical">
              <Upload
                accept=".yaml,.yml,text/yaml"
                showUploadList={false}
                beforeUpload={async (chosen) => {
                  setFile({ name: chosen.name, text: await chosen.text() });
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>{t('choose')}</Button>
              </Upload>
              {file && <Typography.Text>{t('chosen', { name: file.name })}</Typography.Text>}
            </Space>
          </Form.Item>
        )}
        <Form.Item name="policyId" label={t('policyId')} extra={t('policyIdHint')} rules={[{ required: true, pattern: /^[a-z][a-z0-9-]*$/, message: t('badId') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="changeNote" label={t('changeNote')}>
          <Input.TextArea placeholder={t('changeNoteHint')} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
      {rest.length > 0 && <Alert type="error" showIcon role="alert" message={rest.join('；')} />}
      {create.error && rest.length === 0 && <ErrorAlert error={create.error} />}
    </Modal>
  );
}
