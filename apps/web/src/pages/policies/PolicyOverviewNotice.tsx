import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { currentSession } from '../../auth/session';
import { formatDate } from '../../format/dates';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { fetchOverview } from './policy-api';

const messages = defineMessages({
  zh: {
    lapsedTitle: '本单位没有现行有效的政策版本',
    lapsedBody: '今天不在任何已发布政策版本的有效期内，因此不能新建资助项目。请起草新的政策版本，经另一位项目主管审核发布后即可开展申报。',
    latest: '最近的版本“{title}”有效期至 {to}。',
    draft: '起草后续版本',
    draftFrom: '以“{title}”为基础起草后续版本',
    older: '有资助项目仍按旧版本政策执行',
    olderBody: '以下资助项目创建时所依据的政策版本已有更新的版本。已有项目仍按原版本计算；新的申报批次可按新版本新建项目。',
    olderLine: '“{title}”按 {policyId} 执行，已有更新的版本 {newer}',
  },
  en: {
    lapsedTitle: 'No policy version of your office is in force',
    lapsedBody: 'Today lies outside every published version’s validity, so no program can be created. Draft a new version; once another program officer publishes it, calls can open.',
    latest: 'The latest version, “{title}”, was in force until {to}.',
    draft: 'Draft a successor',
    draftFrom: 'Draft a successor to “{title}”',
    older: 'Programs run under an older version',
    olderBody: 'These programs were created under a version that now has a newer one. They keep their version; a new call can be created under the newer one.',
    olderLine: '“{title}” runs under {policyId}; {newer} is newer',
  },
});

/**
 * On the 工作台 of a program officer: a card when no version is in force today (lapsed texts), with the way to draft a
 * successor, and a notice when programs run under an older version. Says nothing when all is well or when the
 * overview cannot be read (the rest of the 工作台 must not depend on it).
 */
export function PolicyOverviewNotice() {
  const t = useT(messages);
  const locale = useLocale();
  const navigate = useNavigate();
  const officer = currentSession()?.user.role === 'program_officer';
  const overview = useQuery({ queryKey: ['policy-versions', 'overview'], queryFn: fetchOverview, enabled: officer, retry: false });
  if (!officer || !overview.data) return null;
  const { lapsed, latestPublished, programsOnOlderVersion } = overview.data;
  if (!lapsed && programsOnOlderVersion.length === 0) return null;
  const successorPath = latestPublished ? `/policies?new=1&basedOn=${encodeURIComponent(latestPublished.id)}` : '/policies?new=1';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {lapsed && (
        <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('lapsedTitle')}</Typography.Title>} style={{ borderColor: '#a35c00' }} data-notice="policy-lapsed">
          <Typography.Paragraph>{t('lapsedBody')}</Typography.Paragraph>
          {latestPublished?.effectiveTo && <Typography.Paragraph>{t('latest', { title: latestPublished.title, to: formatDate(latestPublished.effectiveTo, locale) })}</Typography.Paragraph>}
          <Button type="primary" onClick={() => navigate(successorPath)}>{latestPublished ? t('draftFrom', { title: latestPublished.title }) : t('draft')}</Button>
        </Card>
      )}
      {programsOnOlderVersion.length > 0 && (
        <Alert
          type="info"
          showIcon
          message={t('older')}
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: 4 }}>{t('olderBody')}</Typography.Paragraph>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {programsOnOlderVersion.map((program) => (
                  <li key={program.programId}>
                    <Link to={`/programs/${program.programId}`}>{t('olderLine', { title: program.title, policyId: program.policyId, newer: program.newerPolicyId })}</Link>
                  </li>
                ))}
              </ul>
            </>
          }
        />
      )}
    </Space>
  );
}
