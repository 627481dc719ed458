import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../format/dates';
import { formatYuan } from '../../format/money';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { TONE } from '../decision/decision-api';

type PolicyVersion = components['schemas']['PolicyVersionDto'];
type PolicyItem = components['schemas']['PolicyItemViewDto'];

const messages = defineMessages({
  zh: {
    title: '政策版本',
    intro: '本单位现行有效的政策文件及其资助项目。新建资助项目时须选择现行有效的政策版本；修改政策请新建草稿，经另一位项目主管审核后发布。',
    loading: '正在加载…',
    showAll: '同时显示已失效的版本',
    none: '没有现行有效的政策版本',
    documentNo: '文号',
    issuers: '发文机关',
    validity: '有效期',
    validityValue: '{from} 起至 {to}',
    noEnd: '长期有效',
    status: '状态',
    inForce: '现行有效',
    notInForce: '不在有效期内',
    items: '资助项目（{count} 项）',
    itemName: '资助项目',
    article: '政策依据',
    amount: '资助金额（元）',
    form: '资助方式',
    fixed: '定额',
    ceiling: '最高',
    derive: '按规定计算',
    rate: '按比例',
    rateValue: '{percent}%',
    rateCap: '{percent}%，最高 {amount} 元',
    describe: '政策原文',
  },
  en: {
    title: 'Policy versions',
    intro: 'The policy texts in force for your office and what each pays. A new program runs under a version in force; to change a text, start a draft, which another program officer reviews and publishes.',
    loading: 'Loading…',
    showAll: 'Also show versions no longer in force',
    none: 'No policy version in force',
    documentNo: 'Document No.',
    issuers: 'Issued by',
    validity: 'Validity',
    validityValue: 'From {from} to {to}',
    noEnd: 'no end date',
    status: 'Status',
    inForce: 'In force',
    notInForce: 'Not in force',
    items: 'Items ({count})',
    itemName: 'Item',
    article: 'Article',
    amount: 'Amount (yuan)',
    form: 'Basis',
    fixed: 'Fixed',
    ceiling: 'Up to',
    derive: 'Worked out',
    rate: 'Share',
    rateValue: '{percent}%',
    rateCap: '{percent}%, at most {amount} yuan',
    describe: 'As the text says',
  },
});

/** Basis points → a percentage written exactly ("1250" → "12.5"), without floating point. */
function percentOf(basisPoints: number): string {
  const digits = String(basisPoints).padStart(3, '0');
  const whole = digits.slice(0, -2);
  const fraction = digits.slice(-2).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** The tenant's policy versions in force (or all), each with its 文号, validity and items with amounts and articles. */
export function InForceVersions() {
  const t = useT(messages);
  const locale = useLocale();
  const [showAll, setShowAll] = useState(false);
  const policies = useQuery({
    queryKey: ['policies', showAll],
    queryFn: async () => unwrap(await api.GET('/api/v1/policies', { params: { query: { pageSize: 100, ...(showAll ? {} : { inForce: 'true' }) } } })).items as PolicyVersion[],
  });

  const amountText = (item: PolicyItem): string => {
    if (item.form === 'rate') {
      const percent = percentOf(item.basisPoints ?? 0);
      return item.amountFen !== null ? t('rateCap', { percent, amount: formatYuan(item.amountFen) }) : t('rateValue', { percent });
    }
    return item.amountFen !== null ? formatYuan(item.amountFen) : '—';
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('intro')}</Typography.Paragraph>
      <Space>
        <Switch id="policies-show-all" checked={showAll} onChange={setShowAll} aria-label={t('showAll')} />
        <label htmlFor="policies-show-all">{t('showAll')}</label>
      </Space>
      {policies.error && <ErrorAlert error={policies.error} />}
      {!policies.data ? (
        <Typography.Paragraph>{t('loading')}</Typography.Paragraph>
      ) : policies.data.length === 0 ? (
        <Empty description={t('none')} />
      ) : (
        policies.data.map((policy) => (
          <Card key={policy.id} size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{policy.title}</Typography.Title>}>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('documentNo')}>{policy.documentNo ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('issuers')}>{policy.issuers.join('、') || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('validity')}>
                {t('validityValue', { from: formatDate(policy.effectiveFrom, locale), to: policy.effectiveTo ? formatDate(policy.effectiveTo, locale) : t('noEnd') })}
              </Descriptions.Item>
              <Descriptions.Item label={t('status')}>
                <Tag color={policy.inForce ? TONE.success : TONE.neutral}>{policy.inForce ? t('inForce') : t('notInForce')}</Tag>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>{t('items', { count: policy.items.length })}</Typography.Title>
            <Table<PolicyItem>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={policy.items}
              columns={[
                { title: t('itemName'), key: 'name', render: (_, item) => (locale === 'zh' ? item.name.zh : item.name.en) },
                { title: t('article'), key: 'article', onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (_, item) => item.article },
                { title: t('form'), key: 'form', render: (_, item) => t(item.form) },
                { title: t('amount'), key: 'amount', align: 'right', render: (_, item) => amountText(item) },
                { title: t('describe'), key: 'describe', render: (_, item) => <span style={{ whiteSpace: 'normal', display: 'inline-block', maxWidth: 420 }}>{locale === 'zh' ? item.describe.zh : item.describe.en}</span> },
              ]}
            />
          </Card>
        ))
      )}
    </Space>
  );
}
