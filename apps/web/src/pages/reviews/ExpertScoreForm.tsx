import { App, Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../format/dates';
import { formatYuan, parseYuanToFen } from '../../format/money';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { fenToJsonInteger } from '../programs/program-words';
import { formatPoints, parsePoints } from './points';
import { Assignment, putScore } from './review-api';
import { achievementName } from './review-words';

const messages = defineMessages({
  zh: {
    rubric: '评分细则',
    points: '{label}（满分 {max} 分）',
    pointsHelp: '0 至 {max} 分，最多两位小数',
    pointsRequired: '请打分',
    pointsInvalid: '请填写分数，最多两位小数',
    pointsOver: '不能超过满分 {max} 分',
    total: '合计 {total} 分（满分 {max} 分）',
    amounts: '建议资助金额',
    amount: '{item} 建议金额（元）',
    ceilingHelp: '上限 {amount} 元',
    fixedHelp: '定额项目：只能为 {amount} 元或 0',
    amountRequired: '请填写建议金额（不予资助填 0）',
    amountInvalid: '请填写金额，最多两位小数',
    amountOver: '不能超过上限 {amount} 元',
    amountFixed: '定额项目只能为 {amount} 元或 0',
    comment: '评审意见',
    due: '评分截止：{at}',
    scored: '您已提交评分，截止前可修改后重新提交。',
    submit: '提交评分',
    done: '评分已提交，合计 {total} 分',
  },
  en: {
    rubric: 'Rubric',
    points: '{label} (out of {max})',
    pointsHelp: '0 to {max} points, two decimals at most',
    pointsRequired: 'Give a score',
    pointsInvalid: 'A score with at most two decimals',
    pointsOver: 'At most {max} points',
    total: '{total} points in all (out of {max})',
    amounts: 'Proposed amounts',
    amount: '{item}: proposed amount (yuan)',
    ceilingHelp: 'Ceiling {amount} yuan',
    fixedHelp: 'Fixed amount: {amount} yuan or 0',
    amountRequired: 'Propose an amount (0 for nothing)',
    amountInvalid: 'An amount with at most two decimals',
    amountOver: 'At most the ceiling of {amount} yuan',
    amountFixed: 'A fixed item is {amount} yuan or 0',
    comment: 'Opinion',
    due: 'Scoring closes {at}',
    scored: 'You have scored; you may change and resubmit before scoring closes.',
    submit: 'Submit the scores',
    done: 'Scores submitted: {total} points',
  },
});

const scoreField = (key: string) => `score_${key}`;
const amountField = (achievementId: string) => `amount_${achievementId}`;

/** 专家评分: each criterion with its full marks beside the input, an amount per item within its ceiling, an opinion. */
export function ExpertScoreForm({ assignment, onDone }: { assignment: Assignment; onDone: () => void }) {
  const t = useT(messages);
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const values = (Form.useWatch([], form) ?? {}) as Record<string, string | undefined>;
  const maxTotal = assignment.rubric.reduce((sum, c) => sum + c.maxPoints, 0);
  const total = assignment.rubric.reduce((sum, c) => sum + (parsePoints(values[scoreField(c.key)] ?? '') ?? 0), 0);

  const submit = async (all: Record<string, string | undefined>) => {
    const scores = Object.fromEntries(assignment.rubric.map((c) => [c.key, parsePoints(all[scoreField(c.key)] ?? '') as number]));
    const amounts = Object.fromEntries(assignment.items.map((i) => [i.achievementId, fenToJsonInteger(parseYuanToFen(all[amountField(i.achievementId)] ?? '') as string)]));
    const comment = all.comment?.trim();
    setBusy(true);
    setError(undefined);
    try {
      const result = await putScore(assignment.applicationId, { scores, amounts, ...(comment ? { comment } : {}) });
      void message.success(t('done', { total: formatPoints(result.scoreTotal) }));
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.details.length > 0) {
        const field = (path: string) => {
          const [head, key] = path.split('.');
          return head === 'scores' && key ? scoreField(key) : head === 'amounts' && key ? amountField(key) : head === 'comment' ? 'comment' : undefined;
        };
        const placed = e.details.filter((d) => field(d.path));
        form.setFields(placed.map((d) => ({ name: field(d.path) as string, errors: [locale === 'zh' ? d.messageZh ?? d.message : d.message] })));
        if (placed.length < e.details.length) setError(e);
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
      <Typography.Paragraph>{t('due', { at: formatInstant(assignment.dueAt, locale) })}</Typography.Paragraph>
      {assignment.status === 'scored' && <Alert type="success" showIcon message={t('scored')} style={{ marginBottom: 12 }} />}
      <Card size="small" type="inner" title={<Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{t('rubric')}</Typography.Title>} style={{ marginBottom: 12 }}>
        {assignment.rubric.map((c) => {
          const max = formatPoints(c.maxPoints);
          return (
            <Form.Item
              key={c.key}
              name={scoreField(c.key)}
              label={t('points', { label: c.label, max })}
              extra={t('pointsHelp', { max })}
              rules={[
                { required: true, whitespace: true, message: t('pointsRequired') },
                {
                  validator: async (_, value: string | undefined) => {
                    if (!value) return;
                    const points = parsePoints(value);
                    if (points === undefined) throw new Error(t('pointsInvalid'));
                    if (points > c.maxPoints) throw new Error(t('pointsOver', { max }));
                  },
                },
              ]}
            >
              <Input inputMode="decimal" style={{ maxWidth: 160 }} suffix={`/ ${max}`} />
            </Form.Item>
          );
        })}
        <Typography.Text strong aria-live="polite">{t('total', { total: formatPoints(total), max: formatPoints(maxTotal) })}</Typography.Text>
      </Card>
      <Card size="small" type="inner" title={<Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{t('amounts')}</Typography.Title>} style={{ marginBottom: 12 }}>
        {assignment.items.map((item) => {
          const ceiling = formatYuan(item.ceilingFen);
          return (
            <Form.Item
              key={item.achievementId}
              name={amountField(item.achievementId)}
              label={t('amount', { item: achievementName(item.achievement, locale) })}
              extra={item.basis === 'fixed' ? t('fixedHelp', { amount: ceiling }) : t('ceilingHelp', { amount: ceiling })}
              rules={[
                { required: true, whitespace: true, message: t('amountRequired') },
                {
                  validator: async (_, value: string | undefined) => {
                    if (!value) return;
                    const fen = parseYuanToFen(value);
                    if (fen === undefined) throw new Error(t('amountInvalid'));
                    if (item.basis === 'fixed' && fen !== '0' && BigInt(fen) !== BigInt(item.ceilingFen)) throw new Error(t('amountFixed', { amount: ceiling }));
                    if (BigInt(fen) > BigInt(item.ceilingFen)) throw new Error(t('amountOver', { amount: ceiling }));
                  },
                },
              ]}
            >
              <Input inputMode="decimal" style={{ maxWidth: 240 }} />
            </Form.Item>
          );
        })}
      </Card>
      <Form.Item name="comment" label={t('comment')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      {error !== undefined && <ErrorAlert error={error} />}
      <Button type="primary" htmlType="submit" loading={busy}>{t('submit')}</Button>
    </Form>
  );
}
