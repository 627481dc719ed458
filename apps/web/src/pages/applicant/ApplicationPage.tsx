import CheckCircleOutlined from '@ant-design/icons/CheckCircleOutlined';
import ClockCircleOutlined from '@ant-design/icons/ClockCircleOutlined';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Progress, Space, Spin, Steps, Table, Tag, Typography } from 'antd';
import { TONE } from '../../components/tones';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatInstant, todayInCst } from '../../format/dates';
import { formatYuan } from '../../format/money';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { AchievementsEditor, isComplete } from './AchievementsEditor';
import { AchievementDraft, achievementTitle } from './achievement-fields';
import type { ApplicationDetail, ProgramView } from '../../api/types';
import { declare, getApplication, getEstimate, getProgram, registrationOf, saveAchievements, submitApplication } from './applicant-api';
import { EstimateSection } from './EstimateSection';
import { EvidenceSection } from './EvidenceSection';

const messages = defineMessages({
  zh: {
    progress: '完成 {done}/{total} 项',
    done: '已完成',
    todo: '待完成',
    basic: '基本信息',
    achievements: '成果',
    evidence: '证明材料',
    estimate: '测算',
    declaration: '承诺与提交',
    organization: '申报单位',
    status: '当前状态',
    registration: '单位注册',
    registrationPending: '单位注册正在等待所在区县审核，审核通过后方可提交申报；现在可以先填写申报内容。',
    registrationRejected: '单位注册未通过审核：{reason}',
    deadline: '申报截止日期',
    correctionDeadline: '补正截止日期',
    saving: '正在保存…',
    saved: '已自动保存 {time}',
    localOnly: '有成果尚未填完必填项，暂存在本机，填完后自动保存',
    saveFailed: '自动保存未成功，请检查标红的成果',
    statement: '本单位郑重承诺：所填报的申报信息和提交的证明材料真实、准确、完整、有效，不存在弄虚作假、重复申报等情形；如有不实，本单位愿意承担相应法律责任，并退回已获得的资助资金。',
    accept: '我已阅读并同意以上承诺',
    submit: '提交申报',
    resubmit: '提交补正',
    submitHint: '请先完成以上各项。',
    submitted: '申报已提交，当前状态：{status}',
    steps: '办理进度',
    fill: '填写申报',
    decision: '决定',
    publicity: '公示',
    handedOver: '移交财政',
    paid: '拨付',
    correctionTitle: '审查意见：请补正后重新提交',
    correctionDue: '请于 {date} 前完成补正并重新提交，逾期未补正的申报将失效。',
    correctionMissing: '缺少材料：{items}',
    correctionReason: '意见：{reason}',
    decided: '核定结果',
    item: '成果',
    article: '政策依据',
    ceiling: '最高限额（元）',
    decidedAmount: '核定金额（元）',
    reason: '说明',
    decidedTotal: '核定合计：¥{amount}',
    payment: '资金拨付',
    paymentStatus: '拨付状态',
    payable: '应拨付（元）',
    paidAmount: '已拨付（元）',
    clawedBack: '已追回（元）',
    history: '审查记录',
    historyEntry: '{date} {stage}：{outcome}',
    readOnly: '申报已提交，内容不可修改。',
    loading: '正在加载…',
    passed: '通过',
    correction_requested: '需补正',
    rejectedOutcome: '未通过',
    otherOutcome: '已办理',
  },
  en: {
    progress: '{done} of {total} done',
    done: 'Done',
    todo: 'To do',
    basic: 'Basic information',
    achievements: 'Achievements',
    evidence: 'Evidence',
    estimate: 'Estimate',
    declaration: 'Declaration and submission',
    organization: 'Applicant',
    status: 'Status',
    registration: 'Registration',
    registrationPending: 'Your registration awaits the district’s review; you can submit once it is verified, and prepare the application now.',
    registrationRejected: 'Your registration was not approved: {reason}',
    deadline: 'Applications close on',
    correctionDeadline: 'Correct by',
    saving: 'Saving…',
    saved: 'Saved automatically at {time}',
    localOnly: 'Some achievements lack required fields: kept on this computer and saved once complete',
    saveFailed: 'Not saved: see the achievement marked in red',
    statement: 'We declare that the information and evidence in this application are true, accurate, complete and valid, with no falsification or duplicate claim; if any is untrue we bear the legal consequences and return any subsidy received.',
    accept: 'I have read and accept this declaration',
    submit: 'Submit application',
    resubmit: 'Submit the correction',
    submitHint: 'Complete the items above first.',
    submitted: 'Submitted; status: {status}',
    steps: 'Progress',
    fill: 'Drafting',
    decision: 'Decision',
    publicity: 'Publicity',
    handedOver: 'Finance',
    paid: 'Payment',
    correctionTitle: 'Correction requested',
    correctionDue: 'Correct and resubmit by {date}; otherwise the application lapses.',
    correctionMissing: 'Missing: {items}',
    correctionReason: 'Note: {reason}',
    decided: 'Decision',
    item: 'Achievement',
    article: 'Article',
    ceiling: 'Ceiling (yuan)',
    decidedAmount: 'Decided (yuan)',
    reason: 'Reason',
    decidedTotal: 'Decided in all: ¥{amount}',
    payment: 'Payment',
    paymentStatus: 'Payment status',
    payable: 'Payable (yuan)',
    paidAmount: 'Paid (yuan)',
    clawedBack: 'Clawed back (yuan)',
    history: 'Review history',
    historyEntry: '{date} {stage}: {outcome}',
    readOnly: 'Submitted: the application can no longer be changed.',
    loading: 'Loading…',
    passed: 'Passed',
    correction_requested: 'Correction requested',
    rejectedOutcome: 'Not passed',
    otherOutcome: 'Done',
  },
});

const EDITABLE = new Set(['draft', 'correction_requested']);
const CORRECTION = new Set(['correction', 'correction_requested']);
const PAYMENT_DISPLAY = new Set(['paid', 'partly_paid', 'payment_failed']);
const STAGES = ['formal_check', 'district_review', 'technical_review', 'expert_review'];

function localKey(id: string): string {
  return `subsidy-hub.achievement-drafts.${id}`;
}

function loadLocal(id: string): AchievementDraft[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(localKey(id)) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as AchievementDraft[]) : [];
  } catch {
    return [];
  }
}

/** The stages the application passes in the program's order, for the step bar. */
function progressSteps(program: ProgramView | undefined, application: ApplicationDetail): string[] {
  const order = program?.review?.stageOrder ?? STAGES;
  const on = order.filter((stage) => (program?.review ? program.review.stages[stage as keyof ProgramView['review']['stages']] === true : true) || application.status === stage);
  return ['draft', ...on, 'awaiting_decision', 'in_publicity', 'handed_over', 'paid'];
}

function stepIndex(steps: string[], application: ApplicationDetail): number {
  const status = application.status;
  const at = (name: string) => Math.max(0, steps.indexOf(name));
  if (status === 'correction_requested') return at(application.returnStage ?? 'formal_check');
  if (steps.includes(status)) return at(status);
  if (status === 'decided') return at('awaiting_decision');
  if (status === 'objection_review' || status === 'approved') return at('in_publicity');
  if (application.displayStatus === 'paid' || application.displayStatus === 'partly_paid' || application.displayStatus === 'payment_failed') return at('paid');
  const last = [...application.reviewHistory].reverse().find((entry) => steps.includes(entry.stage));
  return last ? at(last.stage) : 0;
}

function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return typeof value === 'string' ? [value] : [];
  return value
    .map((entry) => {
      if (typeof entry === 'string') return entry;
      if (!entry || typeof entry !== 'object' || !('material' in entry)) return '';
      const { material, note } = entry as { material: unknown; note?: unknown };
      return typeof note === 'string' && note.trim() !== '' ? `${String(material)}（${note}）` : String(material);
    })
    .filter(Boolean);
}

/** One application as a task list while it is a draft or returned for correction, and its progress, decision and payment after. */
export default function ApplicationPage() {
  const { id = '' } = useParams();
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const detail = useQuery({ queryKey: ['applicant', 'application', id], queryFn: () => getApplication(id) });
  const application = detail.data;
  const program = useQuery({ queryKey: ['applicant', 'program', application?.programId], queryFn: () => getProgram(application!.programId), enabled: Boolean(application) });
  const registration = useQuery({ queryKey: ['applicant', 'registration', application?.organizationId], queryFn: () => registrationOf(application!.organizationId), enabled: Boolean(application) });
  const estimate = useQuery({ queryKey: ['applicant', 'estimate', id, application?.updatedAt], queryFn: () => getEstimate(id), enabled: Boolean(application && application.achievements.length > 0) });

  const editable = application ? EDITABLE.has(application.status) : false;
  const [drafts, setDrafts] = useState<AchievementDraft[]>();
  const [save, setSave] = useState<{ state: 'idle' | 'saving' | 'saved' | 'failed'; at?: string }>({ state: 'idle' });
  const [problems, setProblems] = useState<Record<string, string[]>>({});
  const [accepted, setAccepted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>();
  const lastSaved = useRef<string>('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // The form starts from the server's list, with any incomplete achievements this computer kept (never sent: the API refuses them).
  useEffect(() => {
    if (!application || drafts !== undefined) return;
    const server = application.achievements;
    lastSaved.current = JSON.stringify(server);
    const local = loadLocal(id).filter((achievement) => !server.some((saved) => saved.id === achievement.id) && !isComplete(achievement));
    setDrafts([...server, ...local]);
  }, [application, drafts, id]);

  const persist = useCallback(
    async (next: AchievementDraft[]) => {
      const complete = next.filter(isComplete);
      localStorage.setItem(localKey(id), JSON.stringify(next.filter((achievement) => !isComplete(achievement))));
      const body = JSON.stringify(complete);
      if (body === lastSaved.current) {
        setSave((current) => (current.state === 'saving' ? { state: 'saved', at: current.at ?? new Date().toISOString() } : current));
        return;
      }
      setSave({ state: 'saving' });
      try {
        await saveAchievements(id, complete);
        lastSaved.current = body;
        setProblems({});
        setSave({ state: 'saved', at: new Date().toISOString() });
        await queryClient.invalidateQueries({ queryKey: ['applicant', 'application', id] });
      } catch (caught) {
        const byAchievement: Record<string, string[]> = {};
        if (caught instanceof ApiError) {
          for (const detail of caught.details) {
            const index = /achievements\[(\d+)\]/.exec(detail.path)?.[1];
            const target = index !== undefined ? complete[Number(index)]?.id : undefined;
            const text = locale === 'zh' ? detail.messageZh ?? detail.message : detail.message;
            if (target) byAchievement[target] = [...(byAchievement[target] ?? []), text];
          }
          if (Object.keys(byAchievement).length === 0 && complete[0]) byAchievement[complete[0].id] = [caught.message];
        }
        setProblems(byAchievement);
        setSave({ state: 'failed' });
      }
    },
    [id, locale, queryClient],
  );

  const onChange = (next: AchievementDraft[]) => {
    setDrafts(next);
    setSave({ state: 'saving' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void persist(next), 800);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  const steps = useMemo(() => (application ? progressSteps(program.data, application) : []), [application, program.data]);

  if (detail.error) return <ErrorAlert error={detail.error} />;
  if (!application || drafts === undefined) return <Spin tip={t('loading')}><div style={{ minHeight: 120 }} /></Spin>;

  const deadline = program.data ? formatDate(todayInCst(new Date(program.data.window.closesAt)), locale) : '…';
  const correction = [...application.reviewHistory].reverse().find((entry) => CORRECTION.has(entry.outcome));
  const achievementsDone = drafts.length > 0 && drafts.every(isComplete) && save.state !== 'failed' && save.state !== 'saving';
  const tasks = [
    { key: 'basic', done: registration.data?.status === 'verified' },
    { key: 'achievements', done: achievementsDone },
    { key: 'evidence', done: application.materials.achievements.length > 0 && application.materials.complete },
    { key: 'estimate', done: Boolean(estimate.data && estimate.data.items.length > 0) },
    { key: 'declaration', done: accepted },
  ] as const;
  const doneCount = tasks.filter((task) => task.done).length;
  const ready = tasks.slice(0, 4).every((task) => task.done) && accepted;
  const byId = new Map(application.achievements.map((achievement) => [achievement.id, achievement]));

  const onSubmit = async () => {
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      await declare(id, t('statement'));
      const result = await submitApplication(id, crypto.randomUUID());
      localStorage.removeItem(localKey(id));
      void message.success(t('submitted', { status: label('applicationStatus', result.status) }));
      setDrafts(undefined);
      await queryClient.invalidateQueries({ queryKey: ['applicant'] });
    } catch (caught) {
      setSubmitError(caught);
    } finally {
      setSubmitting(false);
    }
  };

  const taskTitle = (key: (typeof tasks)[number]['key'], index: number, done: boolean) => (
    <Space>
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }} id={`task-${key}`}>{`${index + 1}. ${t(key)}`}</Typography.Title>
      {editable && (done ? <Tag icon={<CheckCircleOutlined />} color={TONE.success}>{t('done')}</Tag> : <Tag icon={<ClockCircleOutlined />} color={TONE.neutral}>{t('todo')}</Tag>)}
    </Space>
  );

  const stepTitle = (step: string) =>
    step === 'draft' ? t('fill')
    : step === 'awaiting_decision' ? t('decision')
    : step === 'in_publicity' ? t('publicity')
    : step === 'handed_over' ? t('handedOver')
    : step === 'paid' ? t('paid')
    : label('applicationStatus', step);
  const current = stepIndex(steps, application);
  const failed = ['rejected', 'lapsed', 'withdrawn'].includes(application.status) || application.displayStatus === 'payment_failed';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>{program.data?.title ?? '…'}</Typography.Title>
        <Space wrap size="large">
          <Typography.Text>{t('organization')}：{application.organizationName}</Typography.Text>
          <Typography.Text>
            {t('status')}：<Tag color={failed ? TONE.error : application.status === 'correction_requested' ? TONE.warning : TONE.processing}>{PAYMENT_DISPLAY.has(application.displayStatus) ? label('paymentStatus', application.displayStatus) : label('applicationStatus', application.status)}</Tag>
          </Typography.Text>
          {application.status === 'correction_requested' && application.stageDueOn ? (
            <Typography.Text strong>{t('correctionDeadline')}：{formatDate(application.stageDueOn, locale)}</Typography.Text>
          ) : (
            <Typography.Text>{t('deadline')}：{deadline}</Typography.Text>
          )}
        </Space>
      </div>

      <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('steps')}</Typography.Title>}>
        <Steps
          size="small"
          current={current}
          status={failed ? 'error' : application.status === 'correction_requested' ? 'wait' : 'process'}
          items={steps.map((step, index) => ({ title: stepTitle(step), description: index === current && stepTitle(step) !== label('applicationStatus', application.status) ? label('applicationStatus', application.status) : undefined }))}
        />
      </Card>

      {correction && application.status === 'correction_requested' && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          message={t('correctionTitle')}
          description={
            <Space direction="vertical" size={2}>
              {strings(correction.reasons).map((reason) => <span key={reason}>{t('correctionReason', { reason })}</span>)}
              {strings(correction.missing).length > 0 && <span>{t('correctionMissing', { items: strings(correction.missing).join('、') })}</span>}
              {(correction.dueOn ?? application.stageDueOn) && <strong>{t('correctionDue', { date: formatDate(correction.dueOn ?? application.stageDueOn, locale) })}</strong>}
            </Space>
          }
        />
      )}

      {editable ? (
        <Card size="small">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Text strong style={{ fontSize: 16 }}>{t('progress', { done: doneCount, total: tasks.length })}</Typography.Text>
              <Typography.Text type={save.state === 'failed' ? 'danger' : 'secondary'} role="status" aria-live="polite">
                {save.state === 'saving' ? t('saving') : save.state === 'saved' && save.at ? t('saved', { time: formatInstant(save.at, locale) }) : save.state === 'failed' ? t('saveFailed') : ''}
                {drafts.some((achievement) => !isComplete(achievement)) && save.state !== 'saving' ? `　${t('localOnly')}` : ''}
              </Typography.Text>
            </Space>
            <Progress percent={Math.round((doneCount * 100) / tasks.length)} showInfo={false} aria-label={t('progress', { done: doneCount, total: tasks.length })} />
            <Space wrap>
              {tasks.map((task, index) => (
                <a key={task.key} href={`#task-${task.key}`}>
                  {task.done ? '✓' : '○'} {index + 1}. {t(task.key)}（{task.done ? t('done') : t('todo')}）
                </a>
              ))}
            </Space>
          </Space>
        </Card>
      ) : (
        <Alert type="info" showIcon message={t('readOnly')} />
      )}

      <Card size="small" title={taskTitle('basic', 0, tasks[0].done)}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('organization')}>{application.organizationName}</Descriptions.Item>
          <Descriptions.Item label={t('registration')}>{label('registrationStatus', registration.data?.status)}</Descriptions.Item>
        </Descriptions>
        {registration.data?.status === 'pending_review' && <Alert type="info" showIcon message={t('registrationPending')} />}
        {registration.data?.status === 'rejected' && <Alert type="error" showIcon message={t('registrationRejected', { reason: registration.data.reason ?? '' })} />}
      </Card>

      <Card size="small" title={taskTitle('achievements', 1, tasks[1].done)}>
        <AchievementsEditor achievements={editable ? drafts : application.achievements} onChange={onChange} editable={editable} callTypes={Object.keys(program.data?.call.materials ?? {})} problems={problems} />
      </Card>

      <Card size="small" title={taskTitle('evidence', 2, tasks[2].done)}>
        <EvidenceSection application={application} editable={editable} onChanged={() => void queryClient.invalidateQueries({ queryKey: ['applicant', 'application', id] })} />
      </Card>

      <Card size="small" title={taskTitle('estimate', 3, tasks[3].done)}>
        <EstimateSection estimate={application.achievements.length > 0 ? estimate.data : undefined} achievements={application.achievements} loading={estimate.isFetching} error={estimate.error} />
      </Card>

      {editable && (
        <Card size="small" title={taskTitle('declaration', 4, tasks[4].done)}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph style={{ background: '#f6f7f9', padding: 12, marginBottom: 0 }}>{t('statement')}</Typography.Paragraph>
            <Checkbox checked={accepted} onChange={(event) => setAccepted(event.target.checked)}>{t('accept')}</Checkbox>
            <Typography.Text strong>
              {application.status === 'correction_requested' && application.stageDueOn ? `${t('correctionDeadline')}：${formatDate(application.stageDueOn, locale)}` : `${t('deadline')}：${deadline}`}
            </Typography.Text>
            {submitError !== undefined && <ErrorAlert error={submitError} />}
            <Space>
              <Button type="primary" disabled={!ready} loading={submitting} onClick={() => void onSubmit()}>
                {application.status === 'correction_requested' ? t('resubmit') : t('submit')}
              </Button>
              {!ready && <Typography.Text type="secondary">{t('submitHint')}</Typography.Text>}
            </Space>
          </Space>
        </Card>
      )}

      {application.decision && (
        <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('decided')}</Typography.Title>}>
          <Typography.Paragraph strong>{t('decidedTotal', { amount: formatYuan(application.decidedTotalFen === null ? null : String(application.decidedTotalFen)) })}</Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey={(item) => item.achievementId}
            dataSource={application.decision}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'item', title: t('item'), render: (_, item) => (byId.get(item.achievementId) ? achievementTitle(byId.get(item.achievementId)!, locale) : '—') },
              { key: 'article', title: t('article'), render: (_, item) => item.article ?? '—' },
              { key: 'ceiling', title: t('ceiling'), align: 'right', render: (_, item) => formatYuan(String(item.ceilingFen)) },
              { key: 'decided', title: t('decidedAmount'), align: 'right', render: (_, item) => formatYuan(String(item.decidedFen)) },
              { key: 'reason', title: t('reason'), render: (_, item) => item.reason ?? '—' },
            ]}
          />
        </Card>
      )}

      {application.payment && (
        <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('payment')}</Typography.Title>}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('paymentStatus')}>{label('paymentStatus', application.payment.status)}</Descriptions.Item>
            <Descriptions.Item label={t('payable')}>{formatYuan(String(application.payment.payableFen))}</Descriptions.Item>
            <Descriptions.Item label={t('paidAmount')}>{formatYuan(String(application.payment.paidFen))}</Descriptions.Item>
            <Descriptions.Item label={t('clawedBack')}>{formatYuan(String(application.payment.clawedBackFen))}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}

      {application.reviewHistory.length > 0 && (
        <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('history')}</Typography.Title>}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {application.reviewHistory.map((entry) => (
              <li key={`${entry.stage}-${entry.at}`}>
                {t('historyEntry', {
                  date: formatInstant(entry.at, locale),
                  stage: label('applicationStatus', entry.stage),
                  outcome: entry.outcome === 'passed' || entry.outcome === 'complete' || entry.outcome === 'forward' ? t('passed') : CORRECTION.has(entry.outcome) ? t('correction_requested') : entry.outcome === 'rejected' || entry.outcome === 'reject' ? t('rejectedOutcome') : t('otherOutcome'),
                })}
                {strings(entry.reasons).length > 0 && `（${strings(entry.reasons).join('；')}）`}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </Space>
  );
}
