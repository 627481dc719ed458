import { Form, Input, Space, Typography } from 'antd';
import { defineMessages, useT } from '../../i18n/messages';
import { ChangedMark, FieldErrors, useEditor } from './editor-context';
import { DateField, TagsField, TextField } from './fields';

const messages = defineMessages({
  zh: {
    title: '标题',
    documentNo: '文号',
    documentNoHint: '原文没有文号的，留空',
    issuers: '发布机关',
    issuersHint: '输入机关名称后按回车，可填写多个',
    published: '发布日期',
    effectiveFrom: '有效期起',
    effectiveTo: '有效期止',
    effectiveToHint: '留空表示长期有效',
    districts: '适用区县',
    districtsHint: '输入区县名称后按回车；“本地注册”规则和按区县分担资金依此判断',
    changeNote: '修改说明',
    changeNoteHint: '说明本版本与原版本的不同之处，审核人将看到',
    id: '版本编号',
  },
  en: {
    title: 'Title',
    documentNo: 'Document No.',
    documentNoHint: 'Leave empty when the text has none',
    issuers: 'Issued by',
    issuersHint: 'Type a body’s name and press Enter; several are allowed',
    published: 'Published on',
    effectiveFrom: 'In force from',
    effectiveTo: 'In force until',
    effectiveToHint: 'Empty: no end date',
    districts: 'Districts',
    districtsHint: 'Type a district and press Enter; local registration and district cost shares use them',
    changeNote: 'Change note',
    changeNoteHint: 'What differs from the earlier version; the reviewer reads it',
    id: 'Version identifier',
  },
});

/** 基本信息: the text's title, 文号, issuers, validity and districts, each marked when it differs from the earlier version. */
export function HeaderTab({ changeNote, onChangeNote }: { changeNote: string; onChangeNote: (note: string) => void }) {
  const t = useT(messages);
  const { document, readOnly } = useEditor();
  const row = (key: 'title' | 'documentNo' | 'issuers' | 'published' | 'effectiveFrom' | 'effectiveTo' | 'districts', field: React.ReactNode, help?: string) => (
    <Form.Item label={t(key)} help={help} style={{ marginBottom: 16 }}>
      <Space direction="vertical" size={2}>
        <Space wrap>
          {field}
          <ChangedMark path={[key]} />
        </Space>
        <FieldErrors path={[key]} />
      </Space>
    </Form.Item>
  );
  return (
    <Form layout="vertical" component="div">
      <Form.Item label={t('id')} style={{ marginBottom: 16 }}>
        <Typography.Text strong>{String(document.id ?? '—')}</Typography.Text>
        <FieldErrors path={['id']} />
      </Form.Item>
      {row('title', <TextField path={['title']} label={t('title')} width={520} />)}
      {row('documentNo', <TextField path={['documentNo']} label={t('documentNo')} emptyAsNull />, t('documentNoHint'))}
      {row('issuers', <TagsField path={['issuers']} label={t('issuers')} />, t('issuersHint'))}
      {row('published', <DateField path={['published']} label={t('published')} allowEmpty />)}
      {row('effectiveFrom', <DateField path={['effectiveFrom']} label={t('effectiveFrom')} />)}
      {row('effectiveTo', <DateField path={['effectiveTo']} label={t('effectiveTo')} allowEmpty />, t('effectiveToHint'))}
      {row('districts', <TagsField path={['districts']} label={t('districts')} />, t('districtsHint'))}
      <Form.Item label={t('changeNote')} help={t('changeNoteHint')}>
        <Input.TextArea aria-label={t('changeNote')} value={changeNote} disabled={readOnly} autoSize={{ minRows: 2, maxRows: 6 }} style={{ maxWidth: 720 }} onChange={(event) => onChangeNote(event.target.value)} />
      </Form.Item>
    </Form>
  );
}
