import { Space, Tag, Typography } from 'antd';
import { TONE } from '../../components/tones';
import { useLabel } from '../../i18n/labels';
import { defineMessages, useT } from '../../i18n/messages';
import type { OfficialList } from './official-lists-api';

const messages = defineMessages({
  zh: { progress: '已处理 {done} / {total} 条', waiting: '等待开始' },
  en: { progress: '{done} of {total} entries processed', waiting: 'Waiting to start' },
});

const TONES: Record<string, string> = { importing: TONE.processing, completed: TONE.success, failed: TONE.error };

/** An import's status in words (the colour only repeats them), with its progress while the job runs. */
export function ListStatus({ list }: { list: OfficialList }) {
  const t = useT(messages);
  const label = useLabel();
  return (
    <Space size={4} wrap>
      <Tag color={TONES[list.status] ?? TONE.neutral}>{label('officialListStatus', list.status)}</Tag>
      {list.status === 'importing' && (
        <Typography.Text type="secondary">
          {list.itemsTotal === null ? t('waiting') : t('progress', { done: list.itemsDone, total: list.itemsTotal })}
        </Typography.Text>
      )}
    </Space>
  );
}
