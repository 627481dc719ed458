import DeleteOutlined from '@ant-design/icons/DeleteOutlined';
import PlusOutlined from '@ant-design/icons/PlusOutlined';
import { Button, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { defineMessages, useT } from '../../i18n/messages';
import { ChangedMark, FieldErrors, useEditor } from './editor-context';
import { AmountInput, TextField } from './fields';
import { getAt, readAmount } from './policy-document';

const messages = defineMessages({
  zh: {
    intro: '每个资助项目都须写明政策条款和原文出处。金额按原文的写法填写，可选“元”或“万元”，保存时按原文单位精确换算。',
    no: '序号',
    id: '项目编号',
    idValue: '项目编号：{id}',
    name: '项目名称',
    article: '政策条款',
    source: '原文出处',
    form: '资助方式',
    amount: '金额',
    fixed: '定额',
    ceiling: '最高',
    derive: '按其他项目比例（在原文 YAML 中编辑）',
    rate: '按费用比例（在原文 YAML 中编辑）',
    required: '必填',
    add: '新增资助项目',
    remove: '删除',
    removeLabel: '删除“{name}”',
    removeConfirm: '删除资助项目“{name}”？',
    yes: '删除',
    no2: '取消',
    unnamed: '未命名项目',
    newName: '新资助项目',
    actions: '操作',
    fieldLabel: '{name} {field}',
  },
  en: {
    intro: 'Every item names its article and source line. Enter amounts as the text writes them, in yuan or 万元; they are converted exactly.',
    no: 'No.',
    id: 'Item identifier',
    idValue: 'Item identifier: {id}',
    name: 'Item',
    article: 'Article',
    source: 'Source line',
    form: 'Basis',
    amount: 'Amount',
    fixed: 'Fixed',
    ceiling: 'Up to',
    derive: 'A share of another item (edit in the YAML)',
    rate: 'A share of costs (edit in the YAML)',
    required: 'Required',
    add: 'Add an item',
    remove: 'Delete',
    removeLabel: 'Delete “{name}”',
    removeConfirm: 'Delete the item “{name}”?',
    yes: 'Delete',
    no2: 'Cancel',
    unnamed: 'Unnamed item',
    newName: 'New item',
    actions: 'Actions',
    fieldLabel: '{name} {field}',
  },
});

type Item = Record<string, unknown>;
const FORMS = ['fixed', 'ceiling', 'derive', 'rate'] as const;

/** 资助项目: one row per item, amounts in 元/万元, article and source line required, changes marked by item id. */
export function ItemsTab() {
  const t = useT(messages);
  const { document, basedOn, edit, readOnly } = useEditor();
  const items = (Array.isArray(document.items) ? document.items : []) as Item[];
  const baseItems = (basedOn && Array.isArray(basedOn.items) ? basedOn.items : []) as Item[];
  const basePathOf = (item: Item) => {
    const index = baseItems.findIndex((base) => base.id === item.id);
    return index < 0 ? null : ['items', index];
  };
  const withKey = (base: Array<string | number> | null, key: string) => (base ? [...base, key] : null);
  const nameOf = (item: Item) => (typeof item.name === 'string' && item.name ? item.name : t('unnamed'));

  const required = (index: number, key: 'article' | 'source') => {
    const value = getAt(document, ['items', index, key]);
    return typeof value === 'string' && value.trim() ? [] : [t('required')];
  };

  const changeForm = (index: number, item: Item, next: 'fixed' | 'ceiling') => {
    const current = FORMS.find((form) => form in item);
    if (!current || current === next) return;
    const amount = item[current];
    edit(['items', index, current], undefined);
    edit(['items', index, next], readAmount(amount) ? amount : '0');
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('intro')}</Typography.Paragraph>
      <Table<Item>
        size="small"
        rowKey={(item) => `${items.indexOf(item)}`}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('no'), key: 'no', render: (_, _item, index) => index + 1 },
          {
            title: t('name'),
            key: 'name',
            render: (_, item, index) => (
              <Space direction="vertical" size={2}>
                <TextField path={['items', index, 'name']} label={t('fieldLabel', { name: nameOf(item), field: t('name') })} width={220} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('idValue', { id: String(item.id ?? '') })}</Typography.Text>
                <ChangedMark path={['items', index, 'name']} basePath={withKey(basePathOf(item), 'name')} />
                <FieldErrors path={['items', index]} />
                <FieldErrors path={['items', index, 'name']} />
                <FieldErrors path={['items', index, 'id']} />
                <FieldErrors path={['items', index, 'match']} />
              </Space>
            ),
          },
          {
            title: t('article'),
            key: 'article',
            render: (_, item, index) => (
              <Space direction="vertical" size={2}>
                <TextField path={['items', index, 'article']} label={t('fieldLabel', { name: nameOf(item), field: t('article') })} width={130} />
                {basePathOf(item) && <ChangedMark path={['items', index, 'article']} basePath={withKey(basePathOf(item), 'article')} />}
                <FieldErrors path={['items', index, 'article']} extra={required(index, 'article')} />
              </Space>
            ),
          },
          {
            title: t('source'),
            key: 'source',
            render: (_, item, index) => (
              <Space direction="vertical" size={2}>
                <TextField path={['items', index, 'source']} label={t('fieldLabel', { name: nameOf(item), field: t('source') })} width={120} />
                {basePathOf(item) && <ChangedMark path={['items', index, 'source']} basePath={withKey(basePathOf(item), 'source')} />}
                <FieldErrors path={['items', index, 'source']} extra={required(index, 'source')} />
              </Space>
            ),
          },
          {
            title: t('form'),
            key: 'form',
            render: (_, item, index) => {
              const form = FORMS.find((key) => key in item);
              if (form === 'derive' || form === 'rate') return <Typography.Text>{t(form)}</Typography.Text>;
              if (readOnly) return <Typography.Text>{form ? t(form) : '—'}</Typography.Text>;
              return (
                <Select<'fixed' | 'ceiling'>
                  aria-label={t('fieldLabel', { name: nameOf(item), field: t('form') })}
                  value={form}
                  disabled={readOnly}
                  style={{ width: 100 }}
                  onChange={(next) => changeForm(index, item, next)}
                  options={[{ value: 'fixed', label: t('fixed') }, { value: 'ceiling', label: t('ceiling') }]}
                />
              );
            },
          },
          {
            title: t('amount'),
            key: 'amount',
            render: (_, item, index) => {
              const form = item.fixed !== undefined ? 'fixed' : item.ceiling !== undefined ? 'ceiling' : undefined;
              if (!form) return <FieldErrors path={['items', index, FORMS.find((key) => key in item) ?? 'fixed']} />;
              const base = basePathOf(item);
              return (
                <Space direction="vertical" size={2}>
                  <AmountInput key={`${index}:${form}`} path={['items', index, form]} label={t('fieldLabel', { name: nameOf(item), field: t('amount') })} />
                  {base && <ChangedMark path={['items', index, form]} basePath={[...base, form]} />}
                  <FieldErrors path={['items', index, form]} />
                </Space>
              );
            },
          },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, item, index) => readOnly ? null : (
              <Popconfirm title={t('removeConfirm', { name: nameOf(item) })} okText={t('yes')} cancelText={t('no2')} onConfirm={() => edit(['items', index], undefined)} disabled={readOnly}>
                <Button size="small" danger icon={<DeleteOutlined />} disabled={readOnly} aria-label={t('removeLabel', { name: nameOf(item) })}>{t('remove')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {!readOnly && (
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            edit(['items', items.length], {
              id: `item.${items.length + 1}`,
              name: t('newName'),
              article: '',
              source: '',
              match: { type: 'standard' },
              fixed: '0',
            })
          }
        >
          {t('add')}
        </Button>
      )}
    </Space>
  );
}
