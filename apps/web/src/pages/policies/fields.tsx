import { DatePicker, Input, Select, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { stringify, parse } from 'yaml';
import { formatYuan } from '../../format/money';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { useEditor } from './editor-context';
import { amountToFen, AmountUnit, getAt, Path, readAmount, writeAmount } from './policy-document';
import { enumChoices, wordFor } from './policy-words';

const messages = defineMessages({
  zh: {
    yuan: '元',
    wan: '万元',
    unit: '{label}单位',
    equals: '＝ {amount} 元',
    badYuan: '请输入金额，元最多两位小数（如 600000 或 1234.5）',
    badWan: '请输入金额，万元最多六位小数（如 60 或 7.5）',
    badYaml: '不是有效的 YAML：{problem}',
    notAmount: '文件中的金额无法识别：{value}',
  },
  en: {
    yuan: 'yuan',
    wan: '10k yuan (万元)',
    unit: '{label} unit',
    equals: '= {amount} yuan',
    badYuan: 'Enter an amount; yuan take at most two decimals (600000 or 1234.5)',
    badWan: 'Enter an amount; 万元 take at most six decimals (60 or 7.5)',
    badYaml: 'Not valid YAML: {problem}',
    notAmount: 'The amount in the text cannot be read: {value}',
  },
});

/**
 * An amount typed as the text writes it, in 元 or 万元, written to the document exactly ("60万", "600000"): the typed
 * decimal string is parsed, never a float; the fen it makes are shown beside it.
 */
export function AmountInput({ path, label }: { path: Path; label: string }) {
  const t = useT(messages);
  const { document, edit, readOnly } = useEditor();
  const stored = getAt(document, path);
  const written = readAmount(stored);
  const [amount, setAmount] = useState(written?.amount ?? (stored === undefined || stored === null ? '' : String(stored)));
  const [unit, setUnit] = useState<AmountUnit>(written?.unit ?? 'wan');
  const storedKey = JSON.stringify(stored);
  useEffect(() => {
    const again = readAmount(stored);
    if (again && amountToFen(amount, unit) !== amountToFen(again.amount, again.unit)) {
      setAmount(again.amount);
      setUnit(again.unit);
    }
    // Only when the text changed from elsewhere (the raw tab): typing here already wrote it.
  }, [storedKey]);
  const fen = amountToFen(amount, unit);
  const commit = (nextAmount: string, nextUnit: AmountUnit) => {
    setAmount(nextAmount);
    setUnit(nextUnit);
    const text = writeAmount(nextAmount, nextUnit);
    if (text !== undefined) edit(path, text);
  };
  if (readOnly) {
    return (
      <Typography.Text aria-label={label}>
        {written ? `${written.amount} ${t(written.unit)}` : String(stored ?? '—')}
        {fen !== undefined && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('equals', { amount: formatYuan(fen) })}</Typography.Text>}
      </Typography.Text>
    );
  }
  return (
    <Space direction="vertical" size={0}>
      <Space.Compact>
        <Input aria-label={label} value={amount} disabled={readOnly} inputMode="decimal" style={{ width: 120 }} onChange={(event) => commit(event.target.value, unit)} />
        <Select<AmountUnit>
          aria-label={t('unit', { label })}
          value={unit}
          disabled={readOnly}
          style={{ width: 110 }}
          onChange={(next) => commit(amount, next)}
          options={[{ value: 'wan', label: t('wan') }, { value: 'yuan', label: t('yuan') }]}
        />
      </Space.Compact>
      {fen !== undefined ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('equals', { amount: formatYuan(fen) })}</Typography.Text>
      ) : amount !== '' || written === undefined ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }} role="alert">
          {amount === '' && stored !== undefined ? t('notAmount', { value: String(stored) }) : t(unit === 'wan' ? 'badWan' : 'badYuan')}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

export function TextField({ path, label, width = 240, emptyAsNull = false }: { path: Path; label: string; width?: number | string; emptyAsNull?: boolean }) {
  const { document, edit, readOnly } = useEditor();
  const value = getAt(document, path);
  return (
    <Input
      aria-label={label}
      value={value === null || value === undefined ? '' : String(value)}
      disabled={readOnly}
      style={{ width }}
      onChange={(event) => edit(path, event.target.value === '' && emptyAsNull ? null : event.target.value)}
    />
  );
}

/** A list of words (发布机关, 区县): typed and Enter, or removed with the tag's cross. */
export function TagsField({ path, label }: { path: Path; label: string }) {
  const { document, edit, readOnly } = useEditor();
  const value = getAt(document, path);
  const list = Array.isArray(value) ? value.map(String) : [];
  // Read-only as words: a disabled antd select greys its tags below the contrast people need.
  if (readOnly) return <Typography.Text aria-label={label}>{list.join('、') || '—'}</Typography.Text>;
  return (
    <Select
      aria-label={label}
      mode="tags"
      value={list}
      disabled={readOnly}
      open={false}
      style={{ minWidth: 320, maxWidth: 720 }}
      tokenSeparators={['、', ',', '，']}
      onChange={(next: string[]) => edit(path, next)}
    />
  );
}

/** A CST calendar date, kept in the document as "YYYY-MM-DD". */
export function DateField({ path, label, allowEmpty }: { path: Path; label: string; allowEmpty?: boolean }) {
  const { document, edit, readOnly } = useEditor();
  const value = getAt(document, path);
  const parsed = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : null;
  return (
    <DatePicker
      aria-label={label}
      value={parsed}
      disabled={readOnly}
      allowClear={allowEmpty}
      onChange={(date) => edit(path, date ? date.format('YYYY-MM-DD') : null)}
    />
  );
}

/**
 * Any value of a rule or procedure setting: words and numbers in an input, yes/no in a switch, lists of words as tags,
 * and nested values (scopes, splits) as a line of YAML written back when it parses.
 */
export function GenericField({ path, label, money }: { path: Path; label: string; money?: boolean }) {
  const t = useT(messages);
  const locale = useLocale();
  const { document, edit, readOnly } = useEditor();
  const value = getAt(document, path);
  const flowText = (v: unknown) => stringify(v, { collectionStyle: 'flow', lineWidth: 0, flowCollectionPadding: false }).trim();
  const [draft, setDraft] = useState(() => (value !== null && typeof value === 'object' ? flowText(value) : ''));
  const [problem, setProblem] = useState<string | null>(null);
  const [numeric] = useState(() => typeof value === 'number');
  const valueKey = JSON.stringify(value);
  useEffect(() => {
    if (value !== null && typeof value === 'object') setDraft(flowText(value));
  }, [valueKey]);

  if (money && readAmount(value)) return <AmountInput path={path} label={label} />;
  const key = String(path[path.length - 1]);
  const choices = enumChoices(key, value);
  if (choices) {
    const many = Array.isArray(value);
    const options = Object.keys(choices).map((choice) => ({ value: choice, label: wordFor(choices, choice, locale) }));
    if (readOnly) return <Typography.Text aria-label={label}>{(many ? (value as string[]) : [value as string]).map((choice) => wordFor(choices, choice, locale)).join('、')}</Typography.Text>;
    return (
      <Select
        aria-label={label}
        mode={many ? 'multiple' : undefined}
        value={value as string | string[]}
        options={options}
        style={{ minWidth: 240, maxWidth: 560 }}
        onChange={(next: string | string[]) => edit(path, next)}
      />
    );
  }
  if (typeof value === 'boolean') return <Switch aria-label={label} checked={value} disabled={readOnly} onChange={(on) => edit(path, on)} />;
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return <TagsField path={path} label={label} />;
  if (value !== null && typeof value === 'object') {
    return (
      <Space direction="vertical" size={0} style={{ width: '100%' }}>
        <Input.TextArea
          aria-label={label}
          value={draft}
          disabled={readOnly}
          autoSize={{ minRows: 1, maxRows: 6 }}
          style={{ fontFamily: 'monospace', minWidth: 320 }}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => {
            try {
              const next = parse(draft) as unknown;
              setProblem(null);
              if (JSON.stringify(next) !== valueKey) edit(path, next);
            } catch (error) {
              setProblem(t('badYaml', { problem: error instanceof Error ? error.message.split('\n')[0] : '' }));
            }
          }}
        />
        {problem && <Typography.Text type="danger" role="alert">{problem}</Typography.Text>}
      </Space>
    );
  }
  return (
    <Input
      aria-label={label}
      value={value === null || value === undefined ? '' : String(value)}
      disabled={readOnly}
      style={{ width: 240 }}
      onChange={(event) => {
        const text = event.target.value;
        // A whole number stays a number (days, years, percent); everything else is words.
        edit(path, numeric && /^\d+$/.test(text) ? Number(text) : text);
      }}
    />
  );
}
