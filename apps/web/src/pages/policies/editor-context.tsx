import { Tag, Typography } from 'antd';
import { createContext, useContext } from 'react';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import type { ValidationError } from './policy-api';
import { getAt, parsePath, Path, PolicyDoc, samePath } from './policy-document';

/**
 * What every form of the draft editor shares: the parsed document, how to change a value in the text, the errors the
 * validator names at a path, and the version the draft came from (to mark what changed).
 */
export interface EditorState {
  document: PolicyDoc;
  /** The document of the version this draft is based on (absent for an uploaded text). */
  basedOn: PolicyDoc | null;
  edit(path: Path, value: unknown): void;
  errors: ValidationError[];
  readOnly: boolean;
}

export const EditorContext = createContext<EditorState | null>(null);

export function useEditor(): EditorState {
  const state = useContext(EditorContext);
  if (!state) throw new Error('useEditor outside the draft editor');
  return state;
}

/** The validator's messages for exactly this path, in the user's language. */
export function useErrorsAt(path: Path): string[] {
  const { errors } = useEditor();
  const locale = useLocale();
  return errors.filter((error) => samePath(parsePath(error.path), path)).map((error) => (locale === 'zh' ? error.message.zh : error.message.en));
}

const messages = defineMessages({
  zh: { changed: '已修改', was: '原为：{value}', added: '新增', absent: '（无）' },
  en: { changed: 'Changed', was: 'Was: {value}', added: 'New', absent: '(none)' },
});

function shown(value: unknown, absent: string): string {
  if (value === undefined || value === null || value === '') return absent;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * 已修改 beside a value that differs from the based-on version, with the old value in words (never colour alone).
 * `basePath` locates the same value in the based-on document (items are matched by id, not by position).
 */
export function ChangedMark({ path, basePath }: { path: Path; basePath?: Path | null }) {
  const { document, basedOn } = useEditor();
  const t = useT(messages);
  if (!basedOn) return null;
  if (basePath === null) return <Tag color="#1456c8">{t('added')}</Tag>;
  const now = getAt(document, path);
  const before = getAt(basedOn, basePath ?? path);
  if (JSON.stringify(now) === JSON.stringify(before)) return null;
  return (
    <span data-changed="true">
      <Tag color="#a35c00">{t('changed')}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('was', { value: shown(before, t('absent')) })}</Typography.Text>
    </span>
  );
}

/** The validator's messages at a path, beside the field. */
export function FieldErrors({ path, extra = [] }: { path: Path; extra?: string[] }) {
  const errors = [...extra, ...useErrorsAt(path)];
  if (errors.length === 0) return null;
  return (
    <div role="alert">
      {errors.map((text) => (
        <Typography.Text key={text} type="danger" style={{ display: 'block', fontSize: 12 }}>{text}</Typography.Text>
      ))}
    </div>
  );
}
