import { Alert, Button, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, downloadFile, languageHeader } from '../../api/client';
import { currentSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { defineMessages, useT } from '../../i18n/messages';
import type { EvidenceView } from '../programs/types';

const messages = defineMessages({
  zh: { download: '下载原件', cannot: '该类型文件不能在页面中预览，请下载后查看。', preview: '预览：{name}' },
  en: { download: 'Download', cannot: 'This kind of file cannot be previewed here; download it to read it.', preview: 'Preview: {name}' },
});

/**
 * One evidence file shown inline: fetched with the session's token (the content endpoint needs it, so a plain link
 * cannot), then shown from a blob: URL, a PDF in a frame and an image as an image (the API's content security policy
 * allows blob: for exactly these two). The URL is revoked when the preview closes.
 */
export function EvidencePreview({ evidence }: { evidence: EvidenceView }) {
  const t = useT(messages);
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<unknown>();
  const previewable = evidence.mime === 'application/pdf' || evidence.mime.startsWith('image/');
  const path = `/api/v1/evidence/${evidence.id}/content`;

  useEffect(() => {
    if (!previewable) return;
    let cancelled = false;
    let created: string | undefined;
    (async () => {
      const session = currentSession();
      const response = await fetch(path, { headers: { Authorization: session ? `Bearer ${session.accessToken}` : '', 'Accept-Language': languageHeader() } });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
        throw new ApiError(response.status, body.code ?? 'http_error', body.message ?? response.statusText);
      }
      const blob = await response.blob();
      if (cancelled) return;
      created = URL.createObjectURL(new Blob([blob], { type: evidence.mime }));
      setUrl(created);
    })().catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
      if (created) URL.revokeObjectURL(created);
    };
  }, [path, previewable, evidence.mime]);

  const download = (
    <Button onClick={() => void downloadFile(path, evidence.originalName).catch(setError)}>{t('download')}</Button>
  );
  if (error) return <ErrorAlert error={error} />;
  if (!previewable) {
    return (
      <Space direction="vertical">
        <Alert type="info" showIcon message={t('cannot')} />
        {download}
      </Space>
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>{t('preview', { name: evidence.originalName })}</Typography.Text>
        {download}
      </Space>
      {!url ? (
        <Spin />
      ) : evidence.mime === 'application/pdf' ? (
        <iframe src={url} title={t('preview', { name: evidence.originalName })} style={{ width: '100%', height: 560, border: '1px solid #d9d9d9' }} />
      ) : (
        <img src={url} alt={evidence.originalName} style={{ maxWidth: '100%', maxHeight: 560, border: '1px solid #d9d9d9' }} />
      )}
    </Space>
  );
}
