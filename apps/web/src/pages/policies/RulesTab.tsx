import DeleteOutlined from '@ant-design/icons/DeleteOutlined';
import { Button, Card, Col, Empty, Form, Popconfirm, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { ChangedMark, FieldErrors, useEditor } from './editor-context';
import { GenericField } from './fields';
import { COUNT_KINDS, FIELD_WORDS, MONEY_KEYS, RULE_GROUPS, RULE_KIND_WORDS, wordFor } from './policy-words';

const messages = defineMessages({
  zh: {
    intro: '规则按类型分组显示；每条规则须写明政策条款和原文出处。适用范围等复合内容以一行 YAML 书写，离开输入框时生效。',
    other: '其他规则',
    none: '无',
    ruleTitle: '{kind}（{article}）',
    noArticle: '未写条款',
    remove: '删除规则',
    removeLabel: '删除第{index}条规则',
    removeConfirm: '删除这条规则？',
    yes: '删除',
    cancel: '取消',
    addKind: '新增规则的类型',
    add: '新增规则',
    fieldLabel: '第{index}条规则 {field}',
    count: '{count} 条',
  },
  en: {
    intro: 'Rules grouped by kind; every rule names its article and source line. Nested values (scopes) are one line of YAML, applied when you leave the field.',
    other: 'Other rules',
    none: 'None',
    ruleTitle: '{kind} ({article})',
    noArticle: 'no article',
    remove: 'Delete rule',
    removeLabel: 'Delete rule {index}',
    removeConfirm: 'Delete this rule?',
    yes: 'Delete',
    cancel: 'Cancel',
    addKind: 'Kind of the new rule',
    add: 'Add a rule',
    fieldLabel: 'Rule {index} {field}',
    count: '{count}',
  },
});

type Rule = Record<string, unknown>;
const FIRST_KEYS = ['article', 'source', 'name', 'scope'];

function RuleCard({ rule, index }: { rule: Rule; index: number }) {
  const t = useT(messages);
  const locale = useLocale();
  const { basedOn, edit, readOnly } = useEditor();
  const kind = String(rule.kind ?? '');
  const baseRules = (basedOn && Array.isArray(basedOn.rules) ? basedOn.rules : []) as Rule[];
  const sameInBase = baseRules[index]?.kind === rule.kind;
  const keys = [...FIRST_KEYS.filter((key) => key in rule || key === 'article' || key === 'source'), ...Object.keys(rule).filter((key) => key !== 'kind' && !FIRST_KEYS.includes(key))];
  const title = t('ruleTitle', { kind: wordFor(RULE_KIND_WORDS, kind, locale), article: typeof rule.article === 'string' && rule.article ? rule.article : t('noArticle') });
  return (
    <Card
      size="small"
      title={<Typography.Title level={4} style={{ fontSize: 14, margin: 0, whiteSpace: 'normal' }}>{title}</Typography.Title>}
      extra={
        !readOnly && (
          <Popconfirm title={t('removeConfirm')} okText={t('yes')} cancelText={t('cancel')} onConfirm={() => edit(['rules', index], undefined)}>
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('removeLabel', { index: index + 1 })} />
          </Popconfirm>
        )
      }
      data-rule-kind={kind}
    >
      {!sameInBase && basedOn && <ChangedMark path={['rules', index]} basePath={null} />}
      <FieldErrors path={['rules', index]} />
      <Form layout="vertical" component="div">
        {keys.map((key) => {
          const label = wordFor(FIELD_WORDS, key, locale);
          const shownLabel = FIELD_WORDS[key] ? label : key;
          return (
            <Form.Item key={key} label={shownLabel} style={{ marginBottom: 8 }}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <GenericField path={['rules', index, key]} label={t('fieldLabel', { index: index + 1, field: shownLabel })} money={MONEY_KEYS.has(key) && !COUNT_KINDS.has(kind)} />
                {sameInBase && <ChangedMark path={['rules', index, key]} />}
                <FieldErrors path={['rules', index, key]} />
              </Space>
            </Form.Item>
          );
        })}
      </Form>
    </Card>
  );
}

/** 规则: a card per rule, grouped by kind (caps, counts, exclusions, no double funding, cost shares, windows, payments). */
export function RulesTab() {
  const t = useT(messages);
  const locale = useLocale();
  const { document, edit, readOnly } = useEditor();
  const [newKind, setNewKind] = useState<string>();
  const rules = (Array.isArray(document.rules) ? document.rules : []) as Rule[];
  const indexed = rules.map((rule, index) => ({ rule, index }));
  const known = new Set(RULE_GROUPS.flatMap((group) => group.kinds));
  const groups = [
    ...RULE_GROUPS.map((group) => ({ key: group.key, title: locale === 'zh' ? group.words[0] : group.words[1], entries: indexed.filter(({ rule }) => group.kinds.includes(String(rule.kind))) })),
    { key: 'other', title: t('other'), entries: indexed.filter(({ rule }) => !known.has(String(rule.kind))) },
  ].filter((group) => group.key !== 'other' || group.entries.length > 0);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('intro')}</Typography.Paragraph>
      <FieldErrors path={['rules']} />
      {groups.map((group) => (
        <section key={group.key} aria-label={group.title}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {group.title} <Typography.Text type="secondary">{t('count', { count: group.entries.length })}</Typography.Text>
          </Typography.Title>
          {group.entries.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} />
          ) : (
            <Row gutter={[12, 12]}>
              {group.entries.map(({ rule, index }) => (
                <Col key={index} xs={24} lg={12}>
                  <RuleCard rule={rule} index={index} />
                </Col>
              ))}
            </Row>
          )}
        </section>
      ))}
      {!readOnly && (
        <Space wrap>
          <Select
            aria-label={t('addKind')}
            placeholder={t('addKind')}
            value={newKind}
            onChange={setNewKind}
            style={{ minWidth: 220 }}
            options={Object.keys(RULE_KIND_WORDS).map((kind) => ({ value: kind, label: wordFor(RULE_KIND_WORDS, kind, locale) }))}
          />
          <Button disabled={!newKind} onClick={() => newKind && edit(['rules', rules.length], { kind: newKind, article: '', source: '' })}>{t('add')}</Button>
        </Space>
      )}
    </Space>
  );
}
