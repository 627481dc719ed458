import { Typography } from 'antd';
import { formatDate } from '../../format/dates';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';

const messages = defineMessages({
  zh: { overdue: '逾期', none: '未设定' },
  en: { overdue: 'Overdue', none: 'Not set' },
});

/** A stage's due date as a plain CST date; past it, the word 逾期 in red beside the date (never colour alone). */
export function DueDate({ dueOn, today }: { dueOn: string | null | undefined; today: string | undefined }) {
  const t = useT(messages);
  const locale = useLocale();
  if (!dueOn) return <Typography.Text>{t('none')}</Typography.Text>;
  const overdue = today !== undefined && dueOn.slice(0, 10) < today;
  return overdue ? (
    <Typography.Text type="danger" strong>
      {formatDate(dueOn, locale)}（{t('overdue')}）
    </Typography.Text>
  ) : (
    <Typography.Text>{formatDate(dueOn, locale)}</Typography.Text>
  );
}
