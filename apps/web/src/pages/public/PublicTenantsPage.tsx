import { Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { PublicFrame } from './PublicFrame';
import { usePublicTenantList } from './public-api';

const messages = defineMessages({
  zh: {
    title: '标准化资助公示',
    intro: '各地市场监督管理部门在此公示拟资助的单位、项目和金额。公示期内，任何单位和个人均可实名提出异议。请选择地区查看。',
    notices: '查看公示',
  },
  en: {
    title: 'Standardization subsidy public notices',
    intro: 'Market regulation offices publish here the organizations, items and amounts they propose to fund. While a notice runs, anyone may object under their real name. Choose a government.',
    notices: 'View notices',
  },
});

/** Every government on the platform, each leading to its publicities. */
export default function PublicTenantsPage() {
  const t = useT(messages);
  const locale = useLocale();
  const tenants = usePublicTenantList();
  return (
    <PublicFrame crumbs={[]}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('title')}</Typography.Title>
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      {tenants.error && <ErrorAlert error={tenants.error} />}
      <Card>
        <List
          loading={tenants.isLoading}
          grid={{ gutter: 16, xs: 1, sm: 2, md: 3, lg: 4 }}
          dataSource={tenants.data ?? []}
          renderItem={(tenant) => (
            <List.Item>
              <Link to={`/public/${encodeURIComponent(tenant.id)}`} aria-label={`${locale === 'zh' ? tenant.nameZh : tenant.nameEn} ${t('notices')}`}>
                {locale === 'zh' ? tenant.nameZh : `${tenant.nameEn}（${tenant.nameZh}）`}
              </Link>
            </List.Item>
          )}
        />
      </Card>
    </PublicFrame>
  );
}
