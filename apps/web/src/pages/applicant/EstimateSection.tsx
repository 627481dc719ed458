import { Alert, Empty, List, Space, Spin, Table, Tag, Typography } from 'antd';
import { TONE } from '../../components/tones';
import type { ColumnsType } from 'antd/es/table';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useKeyboardScroll } from '../../components/scroll-region';
import { useRef } from 'react';
import { formatDate } from '../../format/dates';
import { formatYuan } from '../../format/money';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import type { Achievement, EstimateItem, EstimateView } from '../../api/types';
import { achievementTitle } from './achievement-fields';

const messages = defineMessages({
  zh: {
    none: '填写成果后，这里按政策逐条测算可获得的资助。',
    basisLine: '按 {date} 申报测算，依据《{policy}》。测算仅供参考，最终金额以评审和决定为准。',
    total: '测算合计：¥{amount}',
    achievement: '成果',
    outcome: '测算结果',
    amount: '测算金额（元）',
    kind: '金额性质',
    article: '政策依据',
    awarded: '可获资助',
    rejected: '不予资助',
    fixed: '定额',
    ceiling: '最高限额',
    explanation: '逐条说明',
    step: '{article}：{text}',
    stepAmount: '¥{amount}',
    reasons: '原因：{reasons}',
    earlier: '以前获得的同类资助：{title}（{year} 年）¥{amount}，已按不得重复资助的规定计入。',
    rolling: '本批次常年受理的事项（{article}）：{text}',
    table: '测算明细（表格，可用方向键左右滚动）',
  },
  en: {
    none: 'Once you enter achievements, the award is estimated here article by article.',
    basisLine: 'Estimated as if submitted on {date}, under “{policy}”. For guidance only: review and the decision fix the amount.',
    total: 'Estimated total: ¥{amount}',
    achievement: 'Achievement',
    outcome: 'Outcome',
    amount: 'Estimate (yuan)',
    kind: 'Kind of amount',
    article: 'Article',
    awarded: 'Eligible',
    rejected: 'Not eligible',
    fixed: 'Fixed',
    ceiling: 'Ceiling',
    explanation: 'Explanation',
    step: '{article}: {text}',
    stepAmount: '¥{amount}',
    reasons: 'Why: {reasons}',
    earlier: 'Earlier award for the same thing: {title} ({year}) ¥{amount}, taken into account by the no-double-funding rule.',
    rolling: 'Items this rolling call takes ({article}): {text}',
    table: 'Estimate per item (table; scroll sideways with the arrow keys)',
  },
});

const REASONS: Record<string, readonly [string, string]> = {
  not_covered: ['政策未规定此类资助', 'the policy has no award for it'],
  ineligible_applicant: ['申报单位不符合条件', 'the applicant is not eligible'],
  rank_too_low: ['起草单位排名不在资助范围内', 'drafting rank too low'],
  outside_period: ['不在规定的时间范围内', 'outside the period'],
  sanctioned: ['存在失信或处罚记录', 'sanctioned'],
  already_funded: ['已获同类资助', 'already funded'],
  superseded: ['同一事项按较高标准资助', 'a higher award wins'],
  lower_after_higher: ['已获更高级别资助', 'lower after a higher award'],
  count_limit: ['超过数量限制', 'count limit'],
  category_limit: ['超过类别限制', 'category limit'],
  cap_item: ['单项封顶', 'item cap'],
  cap_costs: ['不超过实际发生费用', 'capped at actual costs'],
  cap_group: ['同类合计封顶', 'group cap'],
  cap_applicant_year: ['单位年度封顶', 'yearly cap per applicant'],
  cap_fund_share: ['不超过资金总额的规定比例', 'share of the fund'],
  cap_request_total: ['申报总额封顶', 'request total cap'],
  missing_input: ['缺少测算所需信息', 'information missing'],
};

export function reasonWords(reason: string, zh: boolean): string {
  const words = REASONS[reason];
  return words ? words[zh ? 0 : 1] : zh ? '其他原因' : 'other reason';
}

/** 测算: the live estimate per achievement, with each rule that touched the amount and its article. */
export function EstimateSection({ estimate, achievements, loading, error }: { estimate?: EstimateView; achievements: Achievement[]; loading: boolean; error: unknown }) {
  const t = useT(messages);
  const locale = useLocale();
  const zh = locale === 'zh';
  const tableArea = useRef<HTMLDivElement>(null);
  useKeyboardScroll(tableArea, t('table'));
  if (error) return <ErrorAlert error={error} />;
  if (!estimate) return loading ? <Spin /> : <Empty description={t('none')} />;
  if (estimate.items.length === 0) return <Empty description={t('none')} />;
  const byId = new Map(achievements.map((achievement) => [achievement.id, achievement]));

  const columns: ColumnsType<EstimateItem> = [
    { key: 'achievement', title: t('achievement'), render: (_, item) => (byId.get(item.achievementId) ? achievementTitle(byId.get(item.achievementId)!, locale) : item.achievementId) },
    {
      key: 'outcome',
      title: t('outcome'),
      render: (_, item) => (
        <Space direction="vertical" size={0}>
          <Tag color={item.outcome === 'awarded' ? TONE.success : TONE.neutral}>{item.outcome === 'awarded' ? t('awarded') : t('rejected')}</Tag>
          {item.reasons.length > 0 && <Typography.Text type="secondary">{t('reasons', { reasons: item.reasons.map((reason) => reasonWords(reason, zh)).join('；') })}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'amount', title: t('amount'), align: 'right', render: (_, item) => formatYuan(String(item.amountFen)) },
    { key: 'kind', title: t('kind'), render: (_, item) => (item.basis === 'fixed' ? t('fixed') : item.basis === 'ceiling' ? t('ceiling') : '—') },
    { key: 'article', title: t('article'), render: (_, item) => item.article ?? '—' },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text>{t('basisLine', { date: formatDate(estimate.applicationDate, locale), policy: estimate.policy.title })}</Typography.Text>
      <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>{t('total', { amount: formatYuan(String(estimate.totalFen)) })}</Typography.Title>
      {estimate.rollingCall && <Alert type="info" showIcon message={t('rolling', { article: estimate.rollingCall.article, text: estimate.rollingCall.text })} />}
      <div ref={tableArea}>
        <Table<EstimateItem>
          size="small"
          rowKey={(item) => item.achievementId}
          columns={columns}
          dataSource={estimate.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{
            // Always open: the explanation is what the applicant reads the estimate for.
            expandedRowKeys: estimate.items.filter((item) => item.trace.length > 0).map((item) => item.achievementId),
            showExpandColumn: false,
            rowExpandable: (item) => item.trace.length > 0,
            expandedRowRender: (item) => (
              <List
                size="small"
                header={<Typography.Text strong>{t('explanation')}</Typography.Text>}
                dataSource={item.trace}
                renderItem={(step, index) => (
                  <List.Item key={`${item.achievementId}-${index}`} extra={<Typography.Text>{t('stepAmount', { amount: formatYuan(String(step.amountFen)) })}</Typography.Text>}>
                    <Typography.Text>{t('step', { article: step.article, text: step.text ? (zh ? step.text.zh : step.text.en) : step.rule })}</Typography.Text>
                  </List.Item>
                )}
              />
            ),
          }}
        />
      </div>
      {estimate.earlierAwards.map((award) => (
        <Alert key={`${award.achievementId}-${award.programTitle}`} type="info" showIcon message={t('earlier', { title: award.programTitle, year: award.programYear, amount: formatYuan(String(award.decidedFen)) })} />
      ))}
    </Space>
  );
}
