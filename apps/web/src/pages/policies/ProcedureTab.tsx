import DeleteOutlined from '@ant-design/icons/DeleteOutlined';
import { Button, Card, Col, Form, Popconfirm, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { ChangedMark, FieldErrors, useEditor } from './editor-context';
import { GenericField } from './fields';
import { getAt } from './policy-document';
import { FIELD_WORDS, wordFor } from './policy-words';

const messages = defineMessages({
  zh: {
    intro: '申报程序只写原文规定的内容；原文未规定的设置留空，由项目主管在新建资助项目时选择。每项设置须写明政策条款和原文出处。',
    silent: '原文未规定：{names}',
    add: '添加设置',
    addLabel: '要添加的程序设置',
    remove: '删除设置“{name}”',
    removeConfirm: '删除这项程序设置？',
    yes: '删除',
    cancel: '取消',
    fieldLabel: '{setting} {field}',
  },
  en: {
    intro: 'Write only what the text fixes; a setting it is silent on stays empty and the officer chooses it for each program. Every setting names its article and source line.',
    silent: 'The text is silent on: {names}',
    add: 'Add the setting',
    addLabel: 'Procedure setting to add',
    remove: 'Delete the setting “{name}”',
    removeConfirm: 'Delete this setting?',
    yes: 'Delete',
    cancel: 'Cancel',
    fieldLabel: '{setting} {field}',
  },
});

/** Each setting's own keys with a sensible first value (FORMAT.md section 13), so a new one is complete to edit. */
const SETTINGS: Record<string, Record<string, unknown>> = {
  calls: { kinds: ['batch'] },
  rollingItems: { items: [] },
  stages: { required: ['formal_check'] },
  formalCheck: { workingDays: 5 },
  correction: { workingDays: 10 },
  publicity: { days: 7, unit: 'working' },
  expertExclusion: { scope: 'application' },
  allocationApproval: { by: '' },
};

/** 申报程序: how a call under this text is run, each setting with its article (libs/policy/FORMAT.md section 13). */
export function ProcedureTab() {
  const t = useT(messages);
  const locale = useLocale();
  const { document, basedOn, edit, readOnly } = useEditor();
  const [adding, setAdding] = useState<string>();
  const procedure = (document.procedure && typeof document.procedure === 'object' ? document.procedure : {}) as Record<string, Record<string, unknown>>;
  const present = Object.keys(procedure);
  const missing = Object.keys(SETTINGS).filter((key) => !present.includes(key));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('intro')}</Typography.Paragraph>
      <FieldErrors path={['procedure']} />
      <Row gutter={[12, 12]}>
        {present.map((setting) => {
          const name = wordFor(FIELD_WORDS, setting, locale);
          const value = procedure[setting];
          const keys = value && typeof value === 'object' ? ['article', 'source', ...Object.keys(value).filter((key) => key !== 'article' && key !== 'source')] : [];
          return (
            <Col key={setting} xs={24} lg={12}>
              <Card
                size="small"
                title={<Typography.Title level={3} style={{ fontSize: 14, margin: 0 }}>{name}</Typography.Title>}
                extra={
                  !readOnly && (
                    <Popconfirm title={t('removeConfirm')} okText={t('yes')} cancelText={t('cancel')} onConfirm={() => edit(['procedure', setting], undefined)}>
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('remove', { name })} />
                    </Popconfirm>
                  )
                }
              >
                {basedOn && getAt(basedOn, ['procedure', setting]) === undefined && <ChangedMark path={['procedure', setting]} basePath={null} />}
                <FieldErrors path={['procedure', setting]} />
                <Form layout="vertical" component="div">
                  {keys.map((key) => {
                    const field = FIELD_WORDS[key] ? wordFor(FIELD_WORDS, key, locale) : key;
                    return (
                      <Form.Item key={key} label={field} style={{ marginBottom: 8 }}>
                        <GenericField path={['procedure', setting, key]} label={t('fieldLabel', { setting: name, field })} />
                        {basedOn && getAt(basedOn, ['procedure', setting]) !== undefined && <ChangedMark path={['procedure', setting, key]} />}
                        <FieldErrors path={['procedure', setting, key]} />
                      </Form.Item>
                    );
                  })}
                </Form>
              </Card>
            </Col>
          );
        })}
      </Row>
      {missing.length > 0 && <Typography.Text type="secondary">{t('silent', { names: missing.map((key) => wordFor(FIELD_WORDS, key, locale)).join('、') })}</Typography.Text>}
      {!readOnly && missing.length > 0 && (
        <Space wrap>
          <Select aria-label={t('addLabel')} placeholder={t('addLabel')} value={adding} onChange={setAdding} style={{ minWidth: 200 }} options={missing.map((key) => ({ value: key, label: wordFor(FIELD_WORDS, key, locale) }))} />
          <Button disabled={!adding} onClick={() => adding && (edit(['procedure', adding], { article: '', source: '', ...SETTINGS[adding] }), setAdding(undefined))}>{t('add')}</Button>
        </Space>
      )}
    </Space>
  );
}
