import { App, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatYuan, parseYuanToFen } from '../../format/money';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { fenToJsonInteger } from '../programs/program-words';
import type { EstimateView } from '../programs/types';
import { completeTechnicalReview, putTechnicalOpinion, ReviewDetail } from './review-api';
import { achievementName, fieldKey } from './review-words';

const messages = defineMessages({
  zh: {
    opinion: '审查意见',
    support: '支持',
    reduce: '核减',
    reject: '不予支持',
    ceiling: '测算上限：{amount} 元',
    amount: '核减后金额（元）',
    amountRequired: '请填写核减后的金额',
    amountInvalid: '请填写金额，最多两位小数',
    amountOver: '不能超过上限 {amount} 元',
    amountBelow: '核减后的金额须低于上限 {amount} 元',
    comment: '审查说明',
    commentRequired: '请填写审查说明',
    submit: '保存意见并完成技术审查',
    done: '技术审查已完成',
  },
  en: {
    opinion: 'Opinion',
    support: 'Support',
    reduce: 'Reduce',
    reject: 'Do not support',
    ceiling: 'Ceiling: {amount} yuan',
    amount: 'Reduced amount (yuan)',
    amountRequired: 'Give the reduced amount',
    amountInvalid: 'An amount with at most two decimals',
    amountOver: 'At most the ceiling of {amount} yuan',
    amountBelow: 'A reduction must be below the ceiling of {amount} yuan',
    comment: 'Comment',
    commentRequired: 'Give a comment',
    submit: 'Save the opinions and complete',
    done: 'Technical review completed',
  },
});

const names = (id: string) => ({ opinion: `${fieldKey(id)}_opinion`, amount: `${fieldKey(id)}_amount`, comment: `${fieldKey(id)}_comment` });

/** 技术审查: per item, support / reduce (an amount below the engine's ceiling) / do not support, each with a comment; then complete. */
export function TechnicalReviewForm({ detail, estimate, onDone }: { detail: ReviewDetail; estimate?: EstimateView; onDone: () => void }) {
  const t = useT(messages);
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const values = Form.useWatch([], form) as Record<string, string | undefined> | undefined;
  const ceilingOf = new Map((estimate?.items ?? []).map((item) => [item.achievementId, item.amountFen]));

  const submit = async (all: Record<string, string | undefined>) => {
    setBusy(true);
    setError(undefined);
    for (const a of detail.achievements) {
      const n = names(a.id);
      const opinion = all[n.opinion] as 'support' | 'reduce' | 'reject';
      const fen = opinion === 'reduce' ? parseYuanToFen(all[n.amount] ?? '') : undefined;
      try {
        await putTechnicalOpinion(detail.id, a.id, { opinion, ...(fen !== undefined ? { amountFen: fenToJsonInteger(fen) } : {}), comment: (all[n.comment] ?? '').trim() });
      } catch (e) {
        setBusy(false);
        if (e instanceof ApiError && e.details.length > 0) {
          const field = (path: string) => (path.startsWith('amountFen') ? n.amount : path.startsWith('comment') ? n.comment : path.startsWith('opinion') ? n.opinion : undefined);
          const placed = e.details.filter((d) => field(d.path));
          form.setFields(placed.map((d) => ({ name: field(d.path) as string, errors: [locale === 'zh' ? d.messageZh ?? d.message : d.message] })));
          if (placed.length < e.details.length) setError(e);
        } else setError(e);
        return;
      }
    }
    try {
      await completeTechnicalReview(detail.id);
      void message.success(t('done'));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
      {detail.achievements.map((a) => {
        const n = names(a.id);
        const ceiling = ceilingOf.get(a.id);
        const ceilingText = formatYuan(ceiling);
        return (
          <Card key={a.id} size="small" type="inner" style={{ marginBottom: 12 }} title={<Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{achievementName(a, locale)}</Typography.Title>} extra={<span>{t('ceiling', { amount: ceilingText })}</span>}>
            <Form.Item name={n.opinion} label={t('opinion')} rules={[{ required: true, message: t('opinion') }]} initialValue="support">
              <Radio.Group options={[{ value: 'support', label: t('support') }, { value: 'reduce', label: t('reduce') }, { value: 'reject', label: t('reject') }]} />
            </Form.Item>
            {values?.[n.opinion] === 'reduce' && (
              <Form.Item
                name={n.amount}
                label={t('amount')}
                extra={t('ceiling', { amount: ceilingText })}
                rules={[
                  { required: true, whitespace: true, message: t('amountRequired') },
                  {
                    validator: async (_, value: string | undefined) => {
                      if (!value) return;
                      const fen = parseYuanToFen(value);
                      if (fen === undefined) throw new Error(t('amountInvalid'));
                      if (ceiling !== undefined && BigInt(fen) >= BigInt(ceiling)) throw new Error(t('amountBelow', { amount: ceilingText }));
                    },
                  },
                ]}
              >
                <Input inputMode="decimal" style={{ maxWidth: 240 }} />
              </Form.Item>
            )}
            <Form.Item name={n.comment} label={t('comment')} rules={[{ required: true, whitespace: true, message: t('commentRequired') }]}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
          </Card>
        );
      })}
      {error !== undefined && <ErrorAlert error={error} />}
      <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 8 }}>{t('submit')}</Button>
    </Form>
  );
}
