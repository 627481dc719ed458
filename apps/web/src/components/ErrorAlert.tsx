import { Alert } from 'antd';
import { ApiError } from '../api/client';
import { useLocale } from '../i18n/locale';
import { defineMessages, useT } from '../i18n/messages';

const messages = defineMessages({
  zh: { failed: '操作未成功', network: '无法连接服务器，请检查网络后重试。' },
  en: { failed: 'That did not work', network: 'The server cannot be reached; check the network and try again.' },
});

/** An API refusal as the API words it (in the user's language), with each field's problem; never a stack trace. */
export function ErrorAlert({ error }: { error: unknown }) {
  const t = useT(messages);
  const locale = useLocale();
  if (!(error instanceof ApiError)) return <Alert type="error" showIcon message={t('failed')} description={t('network')} role="alert" />;
  // The API words each detail in the language the request asked for (Accept-Language); messageZh is its fallback.
  const details = error.details
    .map((detail) => (locale === 'zh' ? detail.messageZh ?? detail.message : detail.message))
    .filter((text): text is string => Boolean(text));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={error.message || t('failed')}
      description={details.length > 0 ? <ul style={{ margin: 0, paddingInlineStart: 20 }}>{details.map((text) => <li key={text}>{text}</li>)}</ul> : undefined}
    />
  );
}
