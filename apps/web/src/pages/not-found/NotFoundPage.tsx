import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { defineMessages, useT } from '../../i18n/messages';

const messages = defineMessages({
  zh: { title: '页面不存在', subtitle: '您访问的地址不存在，或已被移除。', home: '返回工作台' },
  en: { title: 'Page not found', subtitle: 'The address does not exist or has been removed.', home: 'Back to the workbench' },
});

export default function NotFoundPage() {
  const t = useT(messages);
  return (
    <main>
      <Result status="404" title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{t('title')}</h1>} subTitle={t('subtitle')} extra={<Link to="/"><Button type="primary">{t('home')}</Button></Link>} />
    </main>
  );
}
