import DeleteOutlined from '@ant-design/icons/DeleteOutlined';
import UploadOutlined from '@ant-design/icons/UploadOutlined';
import { App, Button, Card, Empty, List, Progress, Space, Tag, Typography, Upload } from 'antd';
import { TONE } from '../../components/tones';
import { useState } from 'react';
import { ApiError, downloadFile } from '../../api/client';
import { formatInstant } from '../../format/dates';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import type { ApplicationDetail } from '../../api/types';
import { removeEvidence, uploadEvidence } from './applicant-api';
import { achievementTitle } from './achievement-fields';

const messages = defineMessages({
  zh: {
    none: '请先在“成果”中填写成果，保存后这里会列出申报通知要求的证明材料。',
    item: '成果 {n}：{title}',
    required: '申报通知要求的材料',
    present: '已上传',
    missing: '未上传',
    upload: '上传“{material}”',
    uploading: '正在上传 {name}',
    failed: '{name} 上传失败：{message}',
    hint: '支持 PDF、PNG、JPEG、WebP，单个文件不超过 10 MB。',
    remove: '删除 {name}',
    removed: '已删除',
    uploaded: '{name} 已上传',
    noMaterials: '申报通知未对此类成果列出材料。',
    download: '下载 {name}',
  },
  en: {
    none: 'Enter your achievements first; once saved, the materials the call requires are listed here.',
    item: 'Achievement {n}: {title}',
    required: 'Materials the call requires',
    present: 'Uploaded',
    missing: 'Missing',
    upload: 'Upload “{material}”',
    uploading: 'Uploading {name}',
    failed: '{name} was not uploaded: {message}',
    hint: 'PDF, PNG, JPEG or WebP, at most 10 MB each.',
    remove: 'Remove {name}',
    removed: 'Removed',
    uploaded: '{name} uploaded',
    noMaterials: 'The call lists no material for this kind.',
    download: 'Download {name}',
  },
});

const MAX_BYTES = 10 * 1024 * 1024;

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.floor((bytes * 10) / (1024 * 1024)) / 10} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

interface UploadState {
  key: string;
  name: string;
  percent: number;
  error?: string;
}

/** 证明材料: per achievement, each material the call requires, its files, and an upload with progress. */
export function EvidenceSection({ application, editable, onChanged }: { application: ApplicationDetail; editable: boolean; onChanged: () => void }) {
  const t = useT(messages);
  const locale = useLocale();
  const { message } = App.useApp();
  const [uploads, setUploads] = useState<UploadState[]>([]);
  const files = new Map(application.evidence.map((file) => [file.id, file]));

  if (application.materials.achievements.length === 0) return <Empty description={t('none')} />;

  const start = (file: File, achievementId: string, material: string, onSuccess: (body: unknown) => void, onError: (error: Error) => void) => {
    const key = `${achievementId}/${material}/${file.name}/${Date.now()}`;
    if (file.size > MAX_BYTES) {
      setUploads((all) => [...all, { key, name: file.name, percent: 0, error: t('hint') }]);
      onError(new Error('too large'));
      return;
    }
    setUploads((all) => [...all, { key, name: file.name, percent: 0 }]);
    const update = (change: Partial<UploadState>) => setUploads((all) => all.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));
    uploadEvidence(application.id, file, { achievementId, material }, (percent) => update({ percent })).promise.then(
      (body) => {
        setUploads((all) => all.filter((upload) => upload.key !== key));
        void message.success(t('uploaded', { name: file.name }));
        onSuccess(body);
        onChanged();
      },
      (error: unknown) => {
        update({ error: error instanceof ApiError ? error.message : String(error) });
        onError(error instanceof Error ? error : new Error(String(error)));
      },
    );
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {editable && <Typography.Text type="secondary">{t('hint')}</Typography.Text>}
      {uploads.map((upload) => (
        <div key={upload.key} role={upload.error ? 'alert' : 'status'}>
          {upload.error ? (
            <Typography.Text type="danger">{t('failed', { name: upload.name, message: upload.error })}</Typography.Text>
          ) : (
            <>
              <Typography.Text>{t('uploading', { name: upload.name })}</Typography.Text>
              <Progress percent={upload.percent} size="small" aria-label={t('uploading', { name: upload.name })} />
            </>
          )}
        </div>
      ))}
      {application.materials.achievements.map((entry, index) => {
        const achievement = application.achievements.find((candidate) => candidate.id === entry.achievementId);
        return (
          <Card
            key={entry.achievementId}
            size="small"
            title={<Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{t('item', { n: index + 1, title: achievement ? achievementTitle(achievement, locale) : '' })}</Typography.Title>}
          >
            {entry.required.length === 0 && <Typography.Text type="secondary">{t('noMaterials')}</Typography.Text>}
            <List
              size="small"
              dataSource={entry.required}
              renderItem={(required) => (
                <List.Item
                  actions={
                    editable
                      ? [
                          <Upload
                            key="upload"
                            accept=".pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp"
                            showUploadList={false}
                            multiple
                            customRequest={(options) => start(options.file as File, entry.achievementId, required.material, (body) => options.onSuccess?.(body), (error) => options.onError?.(error))}
                          >
                            <Button icon={<UploadOutlined />}>{t('upload', { material: required.material })}</Button>
                          </Upload>,
                        ]
                      : []
                  }
                >
                  <Space direction="vertical" size={2}>
                    <Space>
                      <Typography.Text strong>{required.material}</Typography.Text>
                      <Tag color={required.present ? TONE.success : TONE.error}>{required.present ? t('present') : t('missing')}</Tag>
                    </Space>
                    {required.evidenceIds.map((id) => {
                      const file = files.get(id);
                      if (!file) return null;
                      return (
                        <Space key={id} size="small" wrap>
                          <Button type="link" style={{ padding: 0 }} aria-label={t('download', { name: file.originalName })} onClick={() => void downloadFile(`/api/v1/evidence/${file.id}/content`, file.originalName)}>
                            {file.originalName}
                          </Button>
                          <Typography.Text type="secondary">{size(file.sizeBytes)} · {formatInstant(file.uploadedAt, locale)}</Typography.Text>
                          {editable && (
                            <Button
                              size="small"
                              type="text"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={t('remove', { name: file.originalName })}
                              onClick={() =>
                                void removeEvidence(file.id).then(
                                  () => {
                                    void message.success(t('removed'));
                                    onChanged();
                                  },
                                  (error: unknown) => void message.error(error instanceof ApiError ? error.message : String(error)),
                                )
                              }
                            />
                          )}
                        </Space>
                      );
                    })}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        );
      })}
    </Space>
  );
}
