import { Button, Card, Col, Descriptions, Empty, List, Row, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatDate, formatInstant } from '../../format/dates';
import { formatYuan } from '../../format/money';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { EvidencePreview } from '../applications/EvidencePreview';
import { levelLabel, outcomeLabel, stageLabel } from '../programs/program-words';
import type { EstimateView, EvidenceView } from '../programs/types';
import { achievementName } from './review-words';
import type { ReviewDetail } from './review-api';

const messages = defineMessages({
  zh: {
    organization: '申报单位',
    submittedAt: '提交时间',
    estimate: '测算金额（元）',
    achievements: '申报成果',
    item: '成果',
    level: '层级',
    date: '日期',
    ceiling: '测算上限（元）',
    article: '条款',
    materials: '材料核对',
    complete: '材料齐全',
    incomplete: '有材料缺失',
    present: '已提供',
    absent: '缺失',
    evidence: '证明材料',
    noEvidence: '暂无材料',
    open: '查看文件',
    preview: '材料预览',
    choose: '请在上方列表中选择要查看的材料',
    whole: '整体材料',
    history: '审查记录',
    when: '时间',
    stage: '环节',
    outcome: '结果',
    by: '经办',
    note: '意见',
    none: '暂无审查记录',
  },
  en: {
    organization: 'Applicant',
    submittedAt: 'Submitted',
    estimate: 'Estimate (yuan)',
    achievements: 'Achievements claimed',
    item: 'Achievement',
    level: 'Level',
    date: 'Date',
    ceiling: 'Ceiling (yuan)',
    article: 'Article',
    materials: 'Materials check',
    complete: 'All materials present',
    incomplete: 'Materials missing',
    present: 'Present',
    absent: 'Missing',
    evidence: 'Evidence',
    noEvidence: 'No files',
    open: 'View file',
    preview: 'Preview',
    choose: 'Choose a file in the list above to view it',
    whole: 'Whole application',
    history: 'Review history',
    when: 'When',
    stage: 'Stage',
    outcome: 'Outcome',
    by: 'By',
    note: 'Opinion',
    none: 'No review yet',
  },
});

const DATE_KEYS = ['publishedOn', 'acceptedOn', 'approvedOn', 'awardedOn', 'certifiedOn', 'recognizedOn', 'heldOn', 'completedOn', 'obtainedOn', 'implementedOn'];

function words(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => (typeof v === 'string' ? [v] : v && typeof v === 'object' && typeof (v as { material?: unknown }).material === 'string' ? [(v as { material: string }).material] : []));
}

/** The application as a reviewer reads it: who, what is claimed with the engine's ceiling, the materials and the files, the review so far. */
export function ApplicationDossier({ detail, estimate }: { detail: ReviewDetail; estimate?: EstimateView }) {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const [open, setOpen] = useState<EvidenceView>();
  const byId = new Map(detail.achievements.map((a) => [a.id, a]));
  const nameOf = (id: string | null) => {
    if (!id) return t('whole');
    const item = byId.get(id);
    return item ? achievementName(item, locale) : '—';
  };
  const estimateOf = new Map((estimate?.items ?? []).map((item) => [item.achievementId, item]));
  const h2 = (text: string) => <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{text}</Typography.Title>;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('organization')}>{detail.organizationName}</Descriptions.Item>
          <Descriptions.Item label={t('submittedAt')}>{formatInstant(detail.submittedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('estimate')}>{formatYuan(detail.estimateTotalFen)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={h2(t('achievements'))}>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={detail.achievements}
          columns={[
            { key: 'item', title: t('item'), render: (_, row) => achievementName(row, locale) },
            { key: 'level', title: t('level'), render: (_, row) => (typeof row.level === 'string' ? levelLabel(row.level, locale) : '—') },
            { key: 'date', title: t('date'), render: (_, row) => formatDate(DATE_KEYS.map((k) => row[k]).find((v): v is string => typeof v === 'string'), locale) },
            { key: 'ceiling', title: t('ceiling'), align: 'right', render: (_, row) => formatYuan(estimateOf.get(row.id)?.amountFen) },
            { key: 'article', title: t('article'), render: (_, row) => estimateOf.get(row.id)?.article ?? '—' },
          ]}
        />
      </Card>
      {detail.materials && (
        <Card size="small" title={h2(t('materials'))} extra={detail.materials.complete ? <Typography.Text type="success" strong>{t('complete')}</Typography.Text> : <Typography.Text type="danger" strong>{t('incomplete')}</Typography.Text>}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {detail.materials.achievements.flatMap((a) =>
              a.required.map((m) => (
                <li key={`${a.achievementId}-${m.material}`}>
                  {nameOf(a.achievementId)}：{m.material} — {m.present ? t('present') : <Typography.Text type="danger" strong>{t('absent')}</Typography.Text>}
                </li>
              )),
            )}
          </ul>
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card size="small" title={h2(t('evidence'))}>
            {detail.evidence.length === 0 ? (
              <Empty description={t('noEvidence')} />
            ) : (
              <List
                size="small"
                dataSource={detail.evidence}
                renderItem={(file) => (
                  <List.Item
                    actions={[
                      <Button key="open" size="small" aria-pressed={open?.id === file.id} aria-label={`${t('open')} ${file.originalName}`} onClick={() => setOpen(file)}>
                        {t('open')}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta title={file.originalName} description={`${file.material ?? '—'} · ${nameOf(file.achievementId)}`} />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={h2(t('preview'))}>{open ? <EvidencePreview key={open.id} evidence={open} /> : <Empty description={t('choose')} />}</Card>
        </Col>
      </Row>
      <Card size="small" title={h2(t('history'))}>
        {detail.reviewHistory.length === 0 ? (
          <Typography.Paragraph style={{ margin: 0 }}>{t('none')}</Typography.Paragraph>
        ) : (
        <Table
          size="small"
          pagination={false}
          rowKey={(row) => `${row.at}-${row.stage}-${row.outcome}-${row.actorId}`}
          dataSource={detail.reviewHistory}
          columns={[
            { key: 'at', title: t('when'), render: (_, row) => formatInstant(row.at, locale) },
            { key: 'stage', title: t('stage'), render: (_, row) => stageLabel(row.stage, locale) },
            { key: 'outcome', title: t('outcome'), render: (_, row) => outcomeLabel(row.outcome, locale) },
            { key: 'by', title: t('by'), render: (_, row) => label('role', row.actorRole) },
            { key: 'note', title: t('note'), render: (_, row) => [...words(row.reasons), ...words(row.missing)].join('；') || '—' },
          ]}
        />
        )}
      </Card>
    </Space>
  );
}
