import UploadOutlined from '@ant-design/icons/UploadOutlined';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Spin, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLabel } from '../../i18n/labels';
import { defineMessages, useT } from '../../i18n/messages';
import { placeErrors } from './form-errors';
import { importList, LIST_KINDS, ListKind, ListPreview, previewList } from './official-lists-api';
import { PreviewSection } from './PreviewSection';

const messages = defineMessages({
  zh: {
    title: '导入名单',
    step1: '第一步：选择名单类型和文件',
    step2: '第二步：核对解析结果',
    step3: '第三步：填写名单信息并导入',
    kind: '名单类型',
    kindRequired: '请选择名单类型',
    file: '名单文件',
    choose: '选择文件（xlsx 或 csv）',
    chosen: '已选择：{name}',
    hint: '支持 Excel（xlsx）和 CSV（UTF-8 或 GB18030 编码），不超过 20 MB。表头可在前 30 行内，分页处重复的表头会自动跳过。',
    reading: '正在解析文件…',
    listTitle: '名单标题',
    titleRequired: '请填写名单标题',
    titlePlaceholder: '如：2022年粮油产品企业标准“领跑者”名单',
    listDate: '名单发布日期',
    dateRequired: '请选择名单发布日期',
    sourceRef: '发布机关及文号',
    sourceRequired: '请填写发布机关或文号',
    sourcePlaceholder: '如：国家粮食和物资储备局 2022年10月12日通知',
    submit: '确认导入',
    refused: '文件存在问题，请修改文件后重新选择。',
    again: '此文件已按同一类型导入过，已打开原导入记录。',
    started: '已开始导入',
  },
  en: {
    title: 'Import a list',
    step1: 'Step 1: the kind of list and the file',
    step2: 'Step 2: check what was read',
    step3: 'Step 3: describe the list and import it',
    kind: 'Kind of list',
    kindRequired: 'Choose the kind of list',
    file: 'List file',
    choose: 'Choose a file (xlsx or csv)',
    chosen: 'Chosen: {name}',
    hint: 'Excel (xlsx) or CSV (UTF-8 or GB18030), at most 20 MB. The header may be in the first 30 rows; headers repeated at page breaks are skipped.',
    reading: 'Reading the file…',
    listTitle: 'Title',
    titleRequired: 'Enter the list’s title',
    titlePlaceholder: 'e.g. 2022 grain and oil enterprise standard leaders',
    listDate: 'Date the list was published',
    dateRequired: 'Choose the date the list was published',
    sourceRef: 'Issuing office and document number',
    sourceRequired: 'Enter the issuing office or document number',
    sourcePlaceholder: 'e.g. National Food and Strategic Reserves Administration notice of 2022-10-12',
    submit: 'Import',
    refused: 'The file has problems; correct it and choose it again.',
    again: 'This file was already imported as this kind; that import is shown.',
    started: 'Import started',
  },
});

interface Values {
  kind?: ListKind;
  title: string;
  listDate?: Dayjs;
  sourceRef: string;
}

/** 导入名单: the kind and the file, the preview of what the file holds, then the list's title, date and source; import. */
export default function ImportListPage() {
  const t = useT(messages);
  const label = useLabel();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File>();
  const [submitError, setSubmitError] = useState<unknown>();
  const kind = Form.useWatch('kind', form);

  const preview = useMutation({ mutationFn: (input: { kind: ListKind; file: File }) => previewList(input.kind, input.file) });
  const read = (nextKind: ListKind | undefined, nextFile: File | undefined) => {
    preview.reset();
    if (nextKind && nextFile) preview.mutate({ kind: nextKind, file: nextFile });
  };
  const importable = (p: ListPreview | undefined) => p !== undefined && p.problems.length === 0 && p.unmapped.every((c) => !c.required) && p.entries > 0;

  const submit = useMutation({
    mutationFn: (values: Values) => {
      if (!file || !values.kind || !values.listDate) throw new Error('incomplete');
      return importList({ kind: values.kind, title: values.title.trim(), sourceRef: values.sourceRef.trim(), listDate: values.listDate.format('YYYY-MM-DD') }, file);
    },
    onMutate: () => setSubmitError(undefined),
    onSuccess: (started) => {
      void queryClient.invalidateQueries({ queryKey: ['official-lists'] });
      void message.success(started.created ? t('started') : t('again'));
      navigate(`/official-lists/${started.id}`);
    },
    onError: (error) => setSubmitError(placeErrors(form, error)),
  });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{t('title')}</Typography.Title>
      <Form form={form} layout="vertical" onFinish={(values) => submit.mutate(values)} style={{ maxWidth: 1200 }}>
        <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('step1')}</Typography.Title>}>
          <Form.Item name="kind" label={t('kind')} rules={[{ required: true, message: t('kindRequired') }]} style={{ maxWidth: 420 }}>
            <Select
              showSearch
              optionFilterProp="label"
              options={LIST_KINDS.map((value) => ({ value, label: label('officialListKind', value) }))}
              onChange={(value: ListKind) => read(value, file)}
            />
          </Form.Item>
          <Form.Item label={t('file')} extra={t('hint')} required>
            <Space wrap>
              <Upload
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                showUploadList={false}
                maxCount={1}
                beforeUpload={(chosen) => {
                  setFile(chosen);
                  read(kind, chosen);
                  // Kept in the page: the file goes to the API with the preview and again with the import.
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>{t('choose')}</Button>
              </Upload>
              {file && <Typography.Text>{t('chosen', { name: file.name })}</Typography.Text>}
            </Space>
          </Form.Item>
        </Card>
        {preview.isPending && <Spin tip={t('reading')}><div style={{ minHeight: 80 }} /></Spin>}
        {preview.error && <div style={{ marginTop: 16 }}><ErrorAlert error={preview.error} /></div>}
        {preview.data && (
          <Space direction="vertical" size="middle" style={{ width: '100%', marginTop: 16 }}>
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('step2')}</Typography.Title>
            <PreviewSection preview={preview.data} />
          </Space>
        )}
        {preview.data && !importable(preview.data) && <Typography.Paragraph type="danger" style={{ marginTop: 16 }}>{t('refused')}</Typography.Paragraph>}
        {importable(preview.data) && (
          <Card size="small" style={{ marginTop: 16 }} title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('step3')}</Typography.Title>}>
            <Form.Item name="title" label={t('listTitle')} rules={[{ required: true, whitespace: true, message: t('titleRequired') }]} style={{ maxWidth: 640 }}>
              <Input maxLength={200} placeholder={t('titlePlaceholder')} />
            </Form.Item>
            <Form.Item name="listDate" label={t('listDate')} rules={[{ required: true, message: t('dateRequired') }]}>
              <DatePicker format="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="sourceRef" label={t('sourceRef')} rules={[{ required: true, whitespace: true, message: t('sourceRequired') }]} style={{ maxWidth: 640 }}>
              <Input maxLength={200} placeholder={t('sourcePlaceholder')} />
            </Form.Item>
            {submitError !== undefined && <div style={{ marginBottom: 16 }}><ErrorAlert error={submitError} /></div>}
            <Button type="primary" htmlType="submit" loading={submit.isPending}>{t('submit')}</Button>
          </Card>
        )}
      </Form>
    </Space>
  );
}
