import DeleteOutlined from '@ant-design/icons/DeleteOutlined';
import PlusOutlined from '@ant-design/icons/PlusOutlined';
import { Button, Card, Checkbox, DatePicker, Empty, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { TONE } from '../../components/tones';
import dayjs from 'dayjs';
import { useState } from 'react';
import { formatDate } from '../../format/dates';
import { formatYuan, parseYuanToFen } from '../../format/money';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import type { Achievement } from '../../api/types';
import { AchievementDraft, achievementTitle, ACHIEVEMENT_TYPES, FieldDef, fieldLabel, fieldsFor, typeLabel, valueLabel } from './achievement-fields';

const messages = defineMessages({
  zh: {
    add: '添加成果',
    addType: '成果类别',
    addTypePlaceholder: '请选择要添加的成果类别',
    none: '尚未添加成果。请选择成果类别后添加，每项成果单独填写。',
    item: '成果 {n}：{title}',
    remove: '删除此项成果',
    missing: '尚缺必填项：{fields}（填完后自动保存）',
    complete: '必填项已填写',
    yes: '是',
    yuanInvalid: '请输入金额（元），最多两位小数',
    notAllowed: '本批次不受理此类成果',
    serverProblem: '此项未能保存：{message}',
  },
  en: {
    add: 'Add achievement',
    addType: 'Kind of achievement',
    addTypePlaceholder: 'Choose the kind to add',
    none: 'No achievement yet. Choose a kind and add it; each is entered on its own.',
    item: 'Achievement {n}: {title}',
    remove: 'Remove this achievement',
    missing: 'Still required: {fields} (saved automatically once complete)',
    complete: 'Required fields complete',
    yes: 'Yes',
    yuanInvalid: 'Enter an amount in yuan with at most two decimals',
    notAllowed: 'This call does not take this kind',
    serverProblem: 'Not saved: {message}',
  },
});

function valueAt(achievement: AchievementDraft, path: string[]): unknown {
  let value: unknown = achievement;
  for (const part of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

function withValue(achievement: AchievementDraft, path: string[], value: unknown): AchievementDraft {
  const next: Record<string, unknown> = { ...achievement };
  let cursor = next;
  path.forEach((part, index) => {
    if (index === path.length - 1) {
      if (value === undefined || value === '' || value === null) delete cursor[part];
      else cursor[part] = value;
    } else {
      const child = { ...((cursor[part] as Record<string, unknown> | undefined) ?? {}) };
      cursor[part] = child;
      cursor = child;
    }
  });
  return next as AchievementDraft;
}

/** The required fields of an achievement that are still empty. */
export function missingFields(achievement: AchievementDraft): FieldDef[] {
  return fieldsFor(achievement.type).filter((field) => field.required && (valueAt(achievement, field.path) === undefined || valueAt(achievement, field.path) === ''));
}

/** Every field the schema requires is filled: the draft is then an `Achievement` the API takes (the same schema). */
export function isComplete(achievement: AchievementDraft): achievement is AchievementDraft & Achievement {
  return missingFields(achievement).length === 0;
}

/** A new achievement id the evidence endpoint accepts (^[A-Za-z0-9_-]{1,64}$), unique in the list. */
function nextId(achievements: AchievementDraft[]): string {
  let n = achievements.length + 1;
  while (achievements.some((achievement) => achievement.id === `a${n}`)) n += 1;
  return `a${n}`;
}

function FieldControl(props: { id: string; field: FieldDef; value: unknown; onChange: (value: unknown) => void; disabled: boolean }) {
  const t = useT(messages);
  const locale = useLocale();
  const { field, value, onChange, disabled, id } = props;
  const [yuan, setYuan] = useState<string>(typeof value === 'number' || typeof value === 'string' ? formatYuan(String(value)).replace(/,/g, '') : '');
  switch (field.kind) {
    case 'select':
      return (
        <Select
          id={id}
          showSearch
          optionFilterProp="label"
          disabled={disabled}
          value={typeof value === 'string' ? value : undefined}
          onChange={(next: string) => onChange(next)}
          allowClear={!field.required}
          style={{ minWidth: 200 }}
          options={(field.options ?? []).map((option) => ({ value: option, label: valueLabel(option, locale) }))}
        />
      );
    case 'date':
      return (
        <DatePicker
          id={id}
          disabled={disabled}
          value={typeof value === 'string' ? dayjs(value) : null}
          disabledDate={(date) => date.isAfter(dayjs(), 'day')}
          onChange={(date) => onChange(date ? date.format('YYYY-MM-DD') : undefined)}
        />
      );
    case 'integer':
      return <InputNumber id={id} disabled={disabled} min={field.minimum ?? 0} precision={0} value={typeof value === 'number' ? value : null} onChange={(next) => onChange(next ?? undefined)} />;
    case 'boolean':
      return (
        <Checkbox id={id} disabled={disabled} checked={value === true} onChange={(event) => onChange(event.target.checked ? true : undefined)}>
          {t('yes')}
        </Checkbox>
      );
    case 'money':
      return (
        <Input
          id={id}
          disabled={disabled}
          inputMode="decimal"
          style={{ width: 200 }}
          value={yuan}
          status={yuan !== '' && parseYuanToFen(yuan) === undefined ? 'error' : undefined}
          onChange={(event) => {
            setYuan(event.target.value);
            const fen = parseYuanToFen(event.target.value);
            // The schema takes integer fen as a JSON number; a decimal string of fen converts exactly below 2^53.
            onChange(fen !== undefined && Number.isSafeInteger(Number(fen)) ? Number(fen) : undefined);
          }}
        />
      );
    default:
      return <Input id={id} disabled={disabled} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.target.value)} style={{ maxWidth: 420 }} />;
  }
}

interface Props {
  achievements: AchievementDraft[];
  onChange: (next: AchievementDraft[]) => void;
  editable: boolean;
  /** The kinds the call lists materials for (its items); others may still be claimed where the call allows. */
  callTypes: string[];
  /** Per achievement id: the API's refusal of its last save. */
  problems: Record<string, string[]>;
}

/** 成果: one card per claimed achievement with the form its type's schema gives; required fields marked. */
export function AchievementsEditor({ achievements, onChange, editable, callTypes, problems }: Props) {
  const t = useT(messages);
  const locale = useLocale();
  const [type, setType] = useState<string>();
  const types = callTypes.length > 0 ? callTypes.filter((candidate) => ACHIEVEMENT_TYPES.includes(candidate)) : ACHIEVEMENT_TYPES;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {achievements.length === 0 && <Empty description={t('none')} />}
      {achievements.map((achievement, index) => {
        const missing = missingFields(achievement);
        const title = t('item', { n: index + 1, title: achievementTitle(achievement, locale) });
        return (
          <Card
            key={achievement.id}
            size="small"
            title={<Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{title}</Typography.Title>}
            extra={
              editable && (
                <Button danger icon={<DeleteOutlined />} aria-label={`${t('remove')}（${index + 1}）`} onClick={() => onChange(achievements.filter((candidate) => candidate.id !== achievement.id))}>
                  {t('remove')}
                </Button>
              )
            }
          >
            {editable ? (
              <Form layout="vertical" component="div">
                <Space wrap size={[24, 0]} align="start">
                  {fieldsFor(achievement.type).map((field) => {
                    const id = `${achievement.id}-${field.path.join('-')}`;
                    const label = fieldLabel(field, achievement.type, locale);
                    return (
                      <Form.Item key={id} label={label} htmlFor={id} required={field.required} style={{ minWidth: 200 }}>
                        <FieldControl
                          id={id}
                          field={field}
                          disabled={!editable}
                          value={valueAt(achievement, field.path)}
                          onChange={(value) => onChange(achievements.map((candidate) => (candidate.id === achievement.id ? withValue(candidate, field.path, value) : candidate)))}
                        />
                      </Form.Item>
                    );
                  })}
                </Space>
              </Form>
            ) : (
              <Space wrap size={[24, 4]}>
                {fieldsFor(achievement.type)
                  .filter((field) => valueAt(achievement, field.path) !== undefined)
                  .map((field) => {
                    const value = valueAt(achievement, field.path);
                    const shown =
                      field.kind === 'select' ? valueLabel(String(value), locale)
                      : field.kind === 'date' ? formatDate(String(value), locale)
                      : field.kind === 'money' ? formatYuan(String(value))
                      : field.kind === 'boolean' ? (value ? t('yes') : '—')
                      : String(value);
                    return <Typography.Text key={field.path.join('.')}>{fieldLabel(field, achievement.type, locale)}：{shown}</Typography.Text>;
                  })}
              </Space>
            )}
            {editable && (
              <div>
                {missing.length > 0 ? (
                  <Tag color={TONE.warning}>{t('missing', { fields: missing.map((field) => fieldLabel(field, achievement.type, locale)).join('、') })}</Tag>
                ) : (
                  <Tag color={TONE.success}>{t('complete')}</Tag>
                )}
              </div>
            )}
            {(problems[achievement.id] ?? []).map((problem) => (
              <Typography.Paragraph key={problem} type="danger" role="alert" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('serverProblem', { message: problem })}
              </Typography.Paragraph>
            ))}
          </Card>
        );
      })}
      {editable && (
        <Space wrap>
          <label htmlFor="new-achievement-type">{t('addType')}</label>
          <Select
            id="new-achievement-type"
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 280 }}
            placeholder={t('addTypePlaceholder')}
            value={type}
            onChange={setType}
            options={types.map((candidate) => ({ value: candidate, label: typeLabel(candidate, locale) }))}
          />
          <Button
            icon={<PlusOutlined />}
            disabled={!type}
            onClick={() => {
              if (!type) return;
              const defaults = Object.fromEntries(fieldsFor(type).filter((field) => field.defaultValue !== undefined && field.path.length === 1).map((field) => [field.path[0], field.defaultValue]));
              onChange([...achievements, { ...defaults, id: nextId(achievements), type: type as AchievementDraft['type'] }]);
              setType(undefined);
            }}
          >
            {t('add')}
          </Button>
        </Space>
      )}
    </Space>
  );
}
