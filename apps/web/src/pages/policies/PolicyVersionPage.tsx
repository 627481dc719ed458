import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, List, Space, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../format/dates';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { CasesTab } from './CasesTab';
import { EditorContext, EditorState } from './editor-context';
import { HeaderTab } from './HeaderTab';
import { ItemsTab } from './ItemsTab';
import { NewDraftModal } from './NewDraftModal';
import { fetchVersion, PolicyVersionDetail, runCases, saveDraft, validateText, ValidationResult } from './policy-api';
import { editText, parsePath, Path, PolicyDoc, readDocument } from './policy-document';
import { describePath } from './policy-words';
import { ProcedureTab } from './ProcedureTab';
import { ReviewBar } from './ReviewBar';
import { RulesTab } from './RulesTab';
import { WhatIfTab } from './WhatIfTab';

const messages = defineMessages({
  zh: {
    header: '基本信息',
    items: '资助项目',
    rules: '规则',
    procedure: '申报程序',
    yaml: '原文 YAML',
    cases: '测试案例',
    whatIf: '影响测算',
    changes: '与原版本比较',
    basedOn: '基于 {policyId} 起草',
    uploaded: '由上传的文件起草',
    validity: '有效期：{from} 至 {to}',
    noEnd: '长期有效',
    valid: '校验通过：没有发现错误',
    checking: '正在校验…',
    invalid: '发现 {count} 处错误',
    says: '：{message}',
    atLine: '（第 {line} 行）',
    brokenYaml: '原文 YAML 有语法错误，表单暂不可编辑，请先在“原文 YAML”中修正：{problem}',
    yamlLabel: '原文 YAML',
    yamlIntro: '直接编辑政策文件（格式见 libs/policy/FORMAT.md）；表单和原文始终一致。',
    noChanges: '与原版本相比没有改动（以最近一次保存为准）',
    before: '原为：{value}',
    after: '改为：{value}',
    absent: '（无）',
    successor: '以此版本为基础起草新版本',
    readOnly: '本版本已{state}，不能再修改。',
    submittedState: '提交审核',
    publishedState: '发布',
  },
  en: {
    header: 'Header',
    items: 'Items',
    rules: 'Rules',
    procedure: 'Procedure',
    yaml: 'YAML',
    cases: 'Cases',
    whatIf: 'What-if',
    changes: 'Changes',
    basedOn: 'Drafted from {policyId}',
    uploaded: 'Drafted from an uploaded file',
    validity: 'In force {from} to {to}',
    noEnd: 'no end date',
    valid: 'Valid: no problem found',
    checking: 'Checking…',
    invalid: '{count} problems found',
    says: ': {message}',
    atLine: ' (line {line})',
    brokenYaml: 'The YAML does not parse, so the forms are read-only; correct it in the YAML tab: {problem}',
    yamlLabel: 'YAML text',
    yamlIntro: 'Edit the policy file itself (format: libs/policy/FORMAT.md); the forms and the text always agree.',
    noChanges: 'No change from the earlier version (as last saved)',
    before: 'Was: {value}',
    after: 'Now: {value}',
    absent: '(none)',
    successor: 'Draft a new version from this one',
    readOnly: 'This version was {state} and can no longer be changed.',
    submittedState: 'submitted for review',
    publishedState: 'published',
  },
});

type TabKey = 'header' | 'items' | 'rules' | 'procedure' | 'yaml' | 'cases' | 'whatIf' | 'changes';
const TAB_OF: Record<string, TabKey> = { items: 'items', rules: 'rules', procedure: 'procedure' };

/** The validator's errors as a list naming each field in the officer's words; a click opens the tab that holds it. */
function ValidationList({ validation, checking, document, onOpen }: { validation: ValidationResult; checking: boolean; document: unknown; onOpen: (tab: TabKey) => void }) {
  const t = useT(messages);
  const locale = useLocale();
  if (validation.valid && validation.errors.length === 0) return <Alert type="success" showIcon role="status" message={checking ? t('checking') : t('valid')} />;
  return (
    <Alert
      type="error"
      showIcon
      role="status"
      message={checking ? t('checking') : t('invalid', { count: validation.errors.length })}
      description={
        <List
          size="small"
          dataSource={validation.errors}
          renderItem={(error) => {
            const first = String(parsePath(error.path)[0] ?? '');
            const where = describePath(error.path, document, locale);
            return (
              <List.Item style={{ padding: '2px 0', justifyContent: 'flex-start', flexWrap: 'wrap' }}>
                <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onOpen(TAB_OF[first] ?? 'header')}>
                  {where}
                </Button>
                <Typography.Text>{t('says', { message: locale === 'zh' ? error.message.zh : error.message.en })}{error.line ? t('atLine', { line: error.line }) : ''}</Typography.Text>
              </List.Item>
            );
          }}
        />
      }
    />
  );
}

function shown(value: unknown, absent: string): string {
  if (value === undefined || value === null || value === '') return absent;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function Editor({ initial }: { initial: PolicyVersionDetail }) {
  const t = useT(messages);
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const [saved, setSaved] = useState(initial);
  const [text, setText] = useState(initial.sourceText);
  const [casesText, setCasesText] = useState(initial.casesText);
  const [changeNote, setChangeNote] = useState(initial.changeNote);
  const [validation, setValidation] = useState(initial.validation);
  const [checking, setChecking] = useState(false);
  const [caseRun, setCaseRun] = useState(initial.cases);
  const [successor, setSuccessor] = useState(false);
  const editable = saved.state === 'draft' || saved.state === 'returned';
  const tab = (search.get('tab') ?? 'header') as TabKey;
  const openTab = (key: TabKey) => setSearch(key === 'header' ? {} : { tab: key }, { replace: true });

  const parsed = useMemo(() => readDocument(text), [text]);
  const lastGood = useRef<PolicyDoc>(parsed.document ?? {});
  if (parsed.document) lastGood.current = parsed.document;
  const document = parsed.document ?? lastGood.current;

  const basedOnId = saved.basedOn?.id;
  const basedOn = useQuery({ queryKey: ['policy-version', basedOnId], queryFn: () => fetchVersion(basedOnId ?? ''), enabled: Boolean(basedOnId) });

  // As they type: the text is checked by the API (nothing stored) half a second after the last keystroke.
  useEffect(() => {
    if (!editable || text === saved.sourceText) {
      setChecking(false);
      return;
    }
    const controller = new AbortController();
    setChecking(true);
    const timer = window.setTimeout(() => {
      validateText(text, controller.signal)
        .then((result) => setValidation(result))
        .catch(() => undefined)
        .finally(() => !controller.signal.aborted && setChecking(false));
    }, 500);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text, editable, saved.sourceText]);

  const accept = useCallback(
    (detail: PolicyVersionDetail) => {
      setSaved(detail);
      setValidation(detail.validation);
      setCaseRun(detail.cases);
      queryClient.setQueryData(['policy-version', detail.id], detail);
      void queryClient.invalidateQueries({ queryKey: ['policy-versions'] });
    },
    [queryClient],
  );

  const dirty = text !== saved.sourceText || casesText !== saved.casesText || changeNote !== saved.changeNote;
  const save = useMutation({
    mutationFn: () => saveDraft(saved.id, { version: saved.version, sourceText: text, casesText, changeNote }),
    onSuccess: accept,
  });
  // Leaving (closing the tab, reloading) with unsaved changes asks first: a draft is saved only by 保存.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const rerun = useMutation({ mutationFn: () => runCases(saved.id), onSuccess: setCaseRun });

  const edit = useCallback((path: Path, value: unknown) => setText((current) => editText(current, path, value)), []);
  const state: EditorState = useMemo(
    () => ({ document, basedOn: (basedOn.data?.document as PolicyDoc | null | undefined) ?? null, edit, errors: validation.errors, readOnly: !editable || parsed.document === null }),
    [document, basedOn.data, edit, validation.errors, editable, parsed.document],
  );

  const title = typeof document.title === 'string' && document.title ? document.title : saved.title;
  const from = typeof document.effectiveFrom === 'string' ? document.effectiveFrom : saved.effectiveFrom;
  const to = typeof document.effectiveTo === 'string' ? document.effectiveTo : null;

  return (
    <EditorContext.Provider value={state}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <Typography.Title level={1} style={{ fontSize: 20, marginBottom: 4 }}>{title}</Typography.Title>
          <Space wrap split="·">
            <Typography.Text>{saved.policyId}</Typography.Text>
            <Typography.Text type="secondary">{saved.basedOn ? t('basedOn', { policyId: saved.basedOn.policyId }) : t('uploaded')}</Typography.Text>
            <Typography.Text type="secondary">{t('validity', { from: formatDate(from, locale), to: to ? formatDate(to, locale) : t('noEnd') })}</Typography.Text>
          </Space>
        </div>
        <ReviewBar
          version={saved}
          dirty={dirty}
          saving={save.isPending}
          onSave={() => save.mutate()}
          errorCount={validation.errors.length}
          failedCases={caseRun.failed}
          onChanged={accept}
        />
        {save.error && <ErrorAlert error={save.error} />}
        {!editable && (
          <Space wrap>
            <Typography.Text type="secondary">{t('readOnly', { state: saved.state === 'published' ? t('publishedState') : t('submittedState') })}</Typography.Text>
            {saved.state === 'published' && <Button onClick={() => setSuccessor(true)}>{t('successor')}</Button>}
          </Space>
        )}
        {editable && <ValidationList validation={validation} checking={checking} document={document} onOpen={openTab} />}
        {parsed.problem && <Alert type="error" showIcon role="alert" message={t('brokenYaml', { problem: parsed.problem.split('\n')[0] })} />}
        <Tabs
          activeKey={tab}
          onChange={(key) => openTab(key as TabKey)}
          items={[
            { key: 'header', label: t('header'), children: <HeaderTab changeNote={changeNote} onChangeNote={setChangeNote} /> },
            { key: 'items', label: t('items'), children: <ItemsTab /> },
            { key: 'rules', label: t('rules'), children: <RulesTab /> },
            { key: 'procedure', label: t('procedure'), children: <ProcedureTab /> },
            {
              key: 'yaml',
              label: t('yaml'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Typography.Text type="secondary">{t('yamlIntro')}</Typography.Text>
                  <label htmlFor="policy-yaml-text"><Typography.Text strong>{t('yamlLabel')}</Typography.Text></label>
                  <Input.TextArea
                    id="policy-yaml-text"
                    value={text}
                    disabled={!editable}
                    onChange={(event) => setText(event.target.value)}
                    autoSize={{ minRows: 20, maxRows: 40 }}
                    spellCheck={false}
                    style={{ fontFamily: 'monospace', fontSize: 13 }}
                  />
                </Space>
              ),
            },
            {
              key: 'cases',
              label: t('cases'),
              children: (
                <CasesTab
                  casesText={casesText}
                  onChange={setCasesText}
                  run={caseRun}
                  dirty={casesText !== saved.casesText || text !== saved.sourceText}
                  readOnly={!editable}
                  running={rerun.isPending}
                  onRun={() => rerun.mutate()}
                />
              ),
            },
            { key: 'whatIf', label: t('whatIf'), children: <WhatIfTab versionId={saved.id} /> },
            {
              key: 'changes',
              label: t('changes'),
              children:
                saved.changes.length === 0 ? (
                  <Typography.Text>{t('noChanges')}</Typography.Text>
                ) : (
                  <List
                    size="small"
                    bordered
                    dataSource={saved.changes}
                    renderItem={(change) => (
                      <List.Item>
                        <Space direction="vertical" size={0}>
                          <Typography.Text strong>{describePath(change.path, document, locale)}</Typography.Text>
                          <Typography.Text>{t('before', { value: shown(change.before, t('absent')) })}</Typography.Text>
                          <Typography.Text>{t('after', { value: shown(change.after, t('absent')) })}</Typography.Text>
                        </Space>
                      </List.Item>
                    )}
                  />
                ),
            },
          ]}
        />
        <NewDraftModal open={successor} onClose={() => setSuccessor(false)} basedOnId={saved.id} />
      </Space>
    </EditorContext.Provider>
  );
}

/** One policy version: the draft editor (forms over the YAML text, validated as typed), its cases, what-if and review. */
export default function PolicyVersionPage() {
  const { id = '' } = useParams();
  // Read fresh on every visit (another officer may have returned or published it); the editor then keeps its own state.
  const version = useQuery({ queryKey: ['policy-version', id], queryFn: () => fetchVersion(id), gcTime: 0, staleTime: Infinity, refetchOnWindowFocus: false });
  if (version.error) return <ErrorAlert error={version.error} />;
  if (!version.data) return <Spin />;
  return <Editor key={id} initial={version.data} />;
}
