import MinusCircleOutlined from '@ant-design/icons/MinusCircleOutlined';
import PlusOutlined from '@ant-design/icons/PlusOutlined';
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import type { ReviewDetail } from './review-api';
import { achievementName } from './review-words';

const messages = defineMessages({
  zh: { title: '缺少或有误的材料', item: '所属成果', whole: '整体材料', material: '材料名称', note: '说明', add: '添加一项材料', remove: '删除第 {n} 项', required: '请填写材料名称' },
  en: { title: 'Missing or faulty materials', item: 'For', whole: 'Whole application', material: 'Material', note: 'Note', add: 'Add a material', remove: 'Remove item {n}', required: 'Name the material' },
});

export interface MissingRow {
  achievementId?: string;
  material?: string;
  note?: string;
}

/** The materials a reviewer names as missing or faulty, each for an achievement or the whole application (Form.List `missing`). */
export function MissingMaterials({ detail }: { detail: ReviewDetail }) {
  const t = useT(messages);
  const locale = useLocale();
  const options = [{ value: '', label: t('whole') }, ...detail.achievements.map((a) => ({ value: a.id, label: achievementName(a, locale) }))];
  return (
    <Form.List name="missing">
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{t('title')}</Typography.Text>
          {fields.map((field, index) => (
            <Space key={field.key} align="start" wrap style={{ borderBottom: '1px dashed #d9d9d9', paddingBottom: 8 }}>
              <Form.Item name={[field.name, 'achievementId']} label={`${t('item')} ${index + 1}`} style={{ marginBottom: 4 }}>
                <Select style={{ width: 220 }} options={options} aria-label={`${t('item')} ${index + 1}`} />
              </Form.Item>
              <Form.Item name={[field.name, 'material']} label={`${t('material')} ${index + 1}`} rules={[{ required: true, whitespace: true, message: t('required') }]} style={{ marginBottom: 4 }}>
                <Input style={{ width: 220 }} maxLength={200} />
              </Form.Item>
              <Form.Item name={[field.name, 'note']} label={`${t('note')} ${index + 1}`} style={{ marginBottom: 4 }}>
                <Input style={{ width: 220 }} maxLength={1000} />
              </Form.Item>
              <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('remove', { n: index + 1 })} onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ achievementId: '' })}>{t('add')}</Button>
        </Space>
      )}
    </Form.List>
  );
}

/** The rows as the API takes them: blank ones left out, the whole application without an achievement. */
export function missingBody(rows: MissingRow[] | undefined): Array<{ achievementId?: string; material: string; note?: string }> {
  return (rows ?? [])
    .filter((row) => row.material && row.material.trim() !== '')
    .map((row) => ({
      ...(row.achievementId ? { achievementId: row.achievementId } : {}),
      material: (row.material as string).trim(),
      ...(row.note && row.note.trim() !== '' ? { note: row.note.trim() } : {}),
    }));
}

/** The missing materials the formal check found, to start the list with. */
export function missingFromCheck(detail: ReviewDetail): MissingRow[] {
  return (detail.materials?.achievements ?? []).flatMap((a) => a.missing.map((material) => ({ achievementId: a.achievementId, material })));
}
