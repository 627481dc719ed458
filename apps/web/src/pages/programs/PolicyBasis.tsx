import { Space, Tag, Typography } from 'antd';
import { defineMessages, useT } from '../../i18n/messages';
import type { ProcedureCitation } from './types';

const messages = defineMessages({
  zh: { basis: '依据', defaulted: '政策未作规定，采用系统默认值，可调整' },
  en: { basis: 'Fixed by', defaulted: 'The text is silent: the product default, which you may change' },
});

/**
 * Beside a setting: the article (条款) of the policy text that fixes it, or a note that the text leaves it open and the
 * form holds the product's default. The article is written out, never carried by colour alone.
 */
export function PolicyBasis({ citations, policyTitle, defaulted }: { citations: ProcedureCitation[]; policyTitle?: string; defaulted?: boolean }) {
  const t = useT(messages);
  if (citations.length === 0 && !defaulted) return null;
  if (citations.length === 0) return <Typography.Text type="secondary">{t('defaulted')}</Typography.Text>;
  const articles = [...new Set(citations.map((c) => c.article))];
  return (
    <Space size={4} wrap>
      <Typography.Text type="secondary">{t('basis')}</Typography.Text>
      {articles.map((article) => (
        <Tag key={article} color="blue">
          {article}
        </Tag>
      ))}
      {policyTitle && <Typography.Text type="secondary">{`《${policyTitle.replace(/^《|》$/g, '')}》`}</Typography.Text>}
    </Space>
  );
}
