import { Form, Input, Table } from 'antd';
import type { FormInstance } from 'antd';
import { formatYuan, parseYuanToFen } from '../../format/money';
import { defineMessages, useT } from '../../i18n/messages';
import { fenNumber } from './decision-api';

const messages = defineMessages({
  zh: {
    item: '资助项目',
    article: '政策依据',
    ceiling: '测算上限（元）',
    proposed: '评审建议（元）',
    amount: '决定金额（元）',
    reason: '与评审建议不同的理由',
    amountOf: '{item}：决定金额（元）',
    reasonOf: '{item}：与评审建议不同的理由',
    amountInvalid: '请输入金额（元），最多两位小数',
    overCeiling: '不能超过测算上限 {amount} 元',
    fixedOnly: '该项为定额资助，只能是 {amount} 元或 0',
    reasonRequired: '金额与评审建议不同，须写明理由',
    fixed: '定额',
    upTo: '最高',
    none: '—',
  },
  en: {
    item: 'Item',
    article: 'Article',
    ceiling: 'Ceiling (yuan)',
    proposed: 'Review proposal (yuan)',
    amount: 'Decided amount (yuan)',
    reason: 'Reason for departing from the proposal',
    amountOf: '{item}: decided amount (yuan)',
    reasonOf: '{item}: reason for departing from the proposal',
    amountInvalid: 'Enter an amount in yuan with at most two decimals',
    overCeiling: 'At most the ceiling of {amount} yuan',
    fixedOnly: 'A fixed award: {amount} yuan or 0 only',
    reasonRequired: 'The amount departs from the proposal: give the reason',
    fixed: 'Fixed',
    upTo: 'Up to',
    none: '—',
  },
});

export interface AmountRow {
  achievementId: string;
  label: string;
  article: string | null;
  basis: 'fixed' | 'ceiling';
  ceilingFen: number;
  proposedFen: number;
}

export interface AmountValues {
  items: Array<{ amountYuan: string; reason?: string }>;
}

/** The decision's items as a form: each amount in yuan (at most its ceiling) and, where it departs from the proposal, the reason. */
export function AmountsTable({ rows, form }: { rows: AmountRow[]; form: FormInstance<AmountValues> }) {
  const t = useT(messages);
  return (
    <Table<AmountRow & { index: number }>
      size="small"
      pagination={false}
      rowKey="achievementId"
      dataSource={rows.map((row, index) => ({ ...row, index }))}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('item'), key: 'label', render: (_, row) => row.label },
        { title: t('article'), key: 'article', render: (_, row) => row.article ?? t('none') },
        { title: t('ceiling'), key: 'ceiling', align: 'right', render: (_, row) => `${row.basis === 'fixed' ? t('fixed') : t('upTo')} ${formatYuan(row.ceilingFen)}` },
        { title: t('proposed'), key: 'proposed', align: 'right', render: (_, row) => formatYuan(row.proposedFen) },
        {
          title: t('amount'),
          key: 'amount',
          render: (_, row) => (
            <Form.Item
              name={['items', row.index, 'amountYuan']}
              style={{ margin: 0 }}
              rules={[
                {
                  validator: async (_rule, value: string | undefined) => {
                    const fen = fenNumber(parseYuanToFen(value ?? ''));
                    if (fen === undefined) throw new Error(t('amountInvalid'));
                    if (fen > row.ceilingFen) throw new Error(t('overCeiling', { amount: formatYuan(row.ceilingFen) }));
                    if (row.basis === 'fixed' && fen !== 0 && fen !== row.ceilingFen) throw new Error(t('fixedOnly', { amount: formatYuan(row.ceilingFen) }));
                  },
                },
              ]}
            >
              <Input aria-label={t('amountOf', { item: row.label })} style={{ width: 140 }} inputMode="decimal" />
            </Form.Item>
          ),
        },
        {
          title: t('reason'),
          key: 'reason',
          render: (_, row) => (
            <Form.Item
              name={['items', row.index, 'reason']}
              style={{ margin: 0 }}
              dependencies={[['items', row.index, 'amountYuan']]}
              rules={[
                {
                  validator: async (_rule, value: string | undefined) => {
                    const fen = fenNumber(parseYuanToFen(form.getFieldValue(['items', row.index, 'amountYuan']) ?? ''));
                    if (fen !== undefined && fen !== row.proposedFen && !value?.trim()) throw new Error(t('reasonRequired'));
                  },
                },
              ]}
            >
              <Input.TextArea aria-label={t('reasonOf', { item: row.label })} autoSize={{ minRows: 1, maxRows: 4 }} style={{ width: 240 }} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

/** The form's values → the API's items (fen as JSON numbers; a reason only where one was written). */
export function itemsOf(rows: AmountRow[], values: AmountValues): Array<{ achievementId: string; amountFen: number; reason?: string }> {
  return rows.map((row, index) => {
    const entry = values.items[index];
    const reason = entry?.reason?.trim();
    return { achievementId: row.achievementId, amountFen: fenNumber(parseYuanToFen(entry?.amountYuan ?? '')) ?? 0, ...(reason ? { reason } : {}) };
  });
}
