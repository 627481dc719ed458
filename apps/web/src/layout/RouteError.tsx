import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { ApiError } from '../api/client';
import { defineMessages, useT } from '../i18n/messages';

const messages = defineMessages({
  zh: { title: '页面出错了', retry: '重新加载', forbidden: '您没有权限查看此页面' },
  en: { title: 'Something went wrong on this page', retry: 'Reload', forbidden: 'You may not see this page' },
});

/** What a user sees when a screen fails: the API's own message where there is one, never a stack trace. */
export function RouteError() {
  const error = useRouteError();
  const t = useT(messages);
  const detail = error instanceof ApiError ? error.message : isRouteErrorResponse(error) ? error.statusText : undefined;
  const status = error instanceof ApiError && error.status === 403 ? '403' : 'error';
  return (
    <Result
      status={status}
      title={status === '403' ? t('forbidden') : t('title')}
      subTitle={detail}
      extra={<Button type="primary" onClick={() => window.location.reload()}>{t('retry')}</Button>}
    />
  );
}
